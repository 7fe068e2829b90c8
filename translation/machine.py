"""Machine translation providers, chosen in settings from the environment. Both apply the glossary: DeepL through
its glossary API, the development translator by putting each term's Chinese form in place of the English."""

import hashlib
import logging
import re

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.machine_translators.deepl import DeepLTranslator as LocalizeDeepLTranslator
from wagtail_localize.strings import StringValue

import requests
from bs4 import BeautifulSoup, NavigableString

from glossary.terms import live_entries, translation_pairs

logger = logging.getLogger(__name__)

# DeepL's target codes for Chinese name the script; its source codes do not (it detects the script).
DEEPL_TARGET_CODES = {"zh-hans": "ZH-HANS", "zh-hant": "ZH-HANT"}
GLOSSARY_NAME_PREFIX = "cms-glossary-"


def base_language(locale):
    return locale.language_code.split("-")[0].lower()


class DeepLTranslator(LocalizeDeepLTranslator):
    """wagtail-localize's DeepL translator sends plain "ZH" for zh-hans, which DeepL may answer in either
    script; this one asks for Simplified Chinese explicitly, with the site's glossary. API_URL points it at a
    proxy if needed."""

    def get_api_endpoint(self):
        return self.options.get("API_URL") or super().get_api_endpoint()

    def get_parameters(self, source_locale, target_locale, strings):
        parameters = super().get_parameters(source_locale, target_locale, strings)
        target = DEEPL_TARGET_CODES.get(target_locale.language_code.lower())
        if target:
            parameters["target_lang"] = target
        glossary_id = self.glossary_id(source_locale, target_locale)
        if glossary_id:
            parameters["glossary_id"] = glossary_id
        return parameters

    def glossaries_url(self):
        return self.get_api_endpoint().rsplit("/", 1)[0] + "/glossaries"

    def glossary_id(self, source_locale, target_locale):
        """The id of a DeepL glossary holding the live glossary's pairs for these languages, made when the
        glossary changed since it was last sent (DeepL glossaries cannot be edited); None when there are no pairs
        or DeepL refuses, so that translation goes on without it."""
        pairs = translation_pairs(live_entries(), source_locale.language_code, target_locale.language_code)
        if not pairs:
            return None
        source, target = base_language(source_locale), base_language(target_locale)
        entries = "\n".join(f"{form}\t{preferred}" for form, preferred in sorted(pairs))
        digest = hashlib.sha256(f"{source}>{target}\n{entries}".encode()).hexdigest()[:16]
        key = f"deepl-glossary:{self.glossaries_url()}:{digest}"
        glossary_id = cache.get(key)
        if glossary_id is None:
            try:
                glossary_id = self.replace_glossary(GLOSSARY_NAME_PREFIX + digest, source, target, entries)
            except requests.RequestException as error:
                logger.warning("DeepL refused the glossary (%s); translating without it.", error)
                return None
            cache.set(key, glossary_id, timeout=None)
        return glossary_id

    def replace_glossary(self, name, source, target, entries):
        """Creates the glossary (or finds it, made by another process) and deletes this site's older ones."""
        headers, timeout = self.get_headers(), int(self.options.get("TIMEOUT", 30))
        response = requests.get(self.glossaries_url(), headers=headers, timeout=timeout)
        response.raise_for_status()
        ours = [g for g in response.json()["glossaries"] if g["name"].startswith(GLOSSARY_NAME_PREFIX)]
        current = next((g["glossary_id"] for g in ours if g["name"] == name), None)
        if current is None:
            form = {"name": name, "source_lang": source, "target_lang": target, "entries": entries}
            created = requests.post(
                self.glossaries_url(), data={**form, "entries_format": "tsv"}, headers=headers, timeout=timeout
            )
            created.raise_for_status()
            current = created.json()["glossary_id"]
        for old in ours:
            if old["name"] != name and (old["source_lang"], old["target_lang"]) == (source, target):
                requests.delete(f"{self.glossaries_url()}/{old['glossary_id']}", headers=headers, timeout=timeout)
        return current


class GlossaryTranslator(BaseMachineTranslator):
    """For development without a DeepL key: puts each glossary term's preferred target form in place of its
    source forms and leaves the rest of the text as it was, so that the glossary's effect can be seen."""

    display_name = _("Glossary only (development)")

    def translate(self, source_locale, target_locale, strings):
        pairs = translation_pairs(live_entries(), source_locale.language_code, target_locale.language_code)
        if not pairs:
            return {string: StringValue(string.data) for string in strings}
        preferred = {form.lower(): target for form, target in pairs}
        longest_first = sorted(preferred, key=len, reverse=True)
        alternatives = "|".join(re.escape(form) for form in longest_first)
        pattern = re.compile(rf"(?<!\w)({alternatives})(?:s|es)?(?!\w)", re.IGNORECASE)  # "mayors" too
        return {string: StringValue(self.replace(string.data, pattern, preferred)) for string in strings}

    @staticmethod
    def replace(html, pattern, preferred):
        soup = BeautifulSoup(html, "html.parser")
        for text in soup.find_all(string=True):
            if isinstance(text, NavigableString):
                text.replace_with(pattern.sub(lambda match: preferred[match.group(1).lower()], str(text)))
        return str(soup)

    def can_translate(self, source_locale, target_locale):
        return base_language(source_locale) != base_language(target_locale)
