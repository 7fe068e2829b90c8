"""Machine translation providers, chosen in settings from the environment."""

from wagtail_localize.machine_translators.deepl import DeepLTranslator as LocalizeDeepLTranslator

# DeepL's target codes for Chinese name the script; its source codes do not (it detects the script).
DEEPL_TARGET_CODES = {"zh-hans": "ZH-HANS", "zh-hant": "ZH-HANT"}


class DeepLTranslator(LocalizeDeepLTranslator):
    """wagtail-localize's DeepL translator sends plain "ZH" for zh-hans, which DeepL may answer in either
    script; this one asks for Simplified Chinese explicitly. API_URL points it at a proxy if needed."""

    def get_api_endpoint(self):
        return self.options.get("API_URL") or super().get_api_endpoint()

    def get_parameters(self, source_locale, target_locale, strings):
        parameters = super().get_parameters(source_locale, target_locale, strings)
        target = DEEPL_TARGET_CODES.get(target_locale.language_code.lower())
        if target:
            parameters["target_lang"] = target
        return parameters
