"""The Chinese half of the demo: every page and snippet translated through wagtail-localize from the strings in
the demo catalog (zh_hans.po), so each Chinese page stays linked to its English source."""

import json
import re
from pathlib import Path

from wagtail.documents import get_document_model
from wagtail.models import DraftStateMixin
from wagtail_localize.models import OverridableSegment, SegmentOverride, StringSegment, Translation, TranslationSource

import polib

from translation.open_strings import keep_as_is

CATALOG_PATH = Path(__file__).with_name("zh_hans.po")


def load_catalog(path=CATALOG_PATH):
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if entry.msgstr and not entry.obsolete}


class DemoTranslator:
    """Mixed into the builder, which provides zh, catalog, missing, created and document()."""

    def translate(self, instance):
        """Creates the zh-hans translation through wagtail-localize, from the catalog's strings."""
        if instance.has_translation(self.zh):
            return
        source, _created = TranslationSource.update_or_create_from_instance(instance)
        complete = True
        for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
            text = self.catalog.get(segment.string.data)
            if text is None:
                self.missing.setdefault(segment.string.data, segment.context.path)
                complete = False
            else:
                translated, _created = segment.string.translations.update_or_create(
                    locale=self.zh, context=segment.context, defaults={"data": text, "translation_type": "manual"}
                )
                if text == segment.string.data:
                    keep_as_is(translated)  # a name the Chinese keeps ("CSR")
        if not complete or self.missing:
            return
        self.override_documents(source)
        Translation.objects.get_or_create(source=source, target_locale=self.zh, defaults={"enabled": True})
        # Publish here rather than through wagtail-localize's publish=True, which defers it to the end of the
        # transaction (by then the revisions hold stale tree data, and tests never commit).
        has_drafts = isinstance(instance, DraftStateMixin)
        translation, _created = source.create_or_update_translation(self.zh, publish=not has_drafts, fallback=False)
        if has_drafts:
            translation.get_latest_revision().publish()
        self.created += 1

    def override_documents(self, source):
        """Points the Chinese page at the Chinese file of each document the English page offers."""
        document_model = get_document_model()
        for segment in OverridableSegment.objects.filter(source=source).select_related("context"):
            path = segment.context.path
            if path != "pdf" and not path.endswith(".document"):  # TipSheetPage.pdf and DocumentLinkBlocks
                continue
            english = document_model.objects.filter(pk=segment.data, title__endswith="-EN").first()
            if english is None:
                continue
            chinese = self.chinese_document(english)
            SegmentOverride.objects.update_or_create(
                locale=self.zh, context=segment.context, defaults={"data_json": json.dumps(chinese.pk)}
            )

    def chinese_document(self, english):
        return self.document(re.sub(r"-EN$", "-CH", english.title))

    def write_missing(self, path):
        po = polib.POFile(wrapwidth=0)
        po.metadata = {"Content-Type": "text/plain; charset=utf-8", "Language": "zh-hans"}
        for msgid, context in self.missing.items():
            po.append(polib.POEntry(msgid=msgid, msgstr="", comment=context))
        po.save(str(path))
