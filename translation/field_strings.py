"""Adding to a translator's text of one field of a translated item from outside the side-by-side editor (the
Searches report adds a reader's query to a Chinese glossary term's synonyms): saved as the editor saves a string,
as a person's translation, so the language's reviewers publish it as they publish any translation."""

from wagtail_localize.models import StringSegment, StringTranslation, Translation

from .compat import field_segment_path


def translation_that_made(item):
    """The wagtail-localize Translation (with its source) that made `item` in its language, or None for an item
    written in its own language."""
    made = Translation.objects.filter(source__object_id=item.translation_key, target_locale_id=item.locale_id)
    return made.select_related("source").first()


def append_to_translated_field(item, field, text, separator, user=None):
    """Adds `text` to the translation of `field` of the translated `item` unless it is already there; returns
    False when the source has no string for that field (an empty source field has nothing to translate)."""
    translation = translation_that_made(item)
    if translation is None:
        return False
    segments = StringSegment.objects.select_related("string", "context")
    segment = segments.filter(source=translation.source, context__path=field_segment_path(field)).first()
    if segment is None:
        return False
    found = StringTranslation.objects.filter(
        translation_of=segment.string, context=segment.context, locale_id=item.locale_id
    ).first()
    current = found.data if found else getattr(item, field)
    if text in [part.strip() for part in current.split(separator.strip())]:
        return True
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        context=segment.context,
        locale_id=item.locale_id,
        defaults={
            "data": f"{current}{separator}{text}" if current else text,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "tool_name": "",
            "last_translated_by": user,
        },
    )
    return True
