"""Every place the translation workflow relies on wagtail-localize behaviour that is not a documented API.

Written against wagtail-localize 1.14.5; tests/test_compat.py checks each item below and fails loudly when an
upgrade changes it. Nothing else in the project imports wagtail-localize's views or reads its posted fields.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import path, reverse

from wagtail.models import Page
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.strings import StringValue, validate_translation_links
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

WRITTEN_FOR_VERSION = "1.14.5"

# The side-by-side editor publishes by posting `action=publish` to the ordinary edit view, which wagtail-localize's
# before_edit_page / before_edit_snippet hooks intercept.
EDITOR_PUBLISH_FIELD, EDITOR_PUBLISH_VALUE = "action", "publish"

# Names of the action-menu items wagtail-localize reads from a POST to the edit views: restart a stopped
# translation, or turn the page into an alias of its source.
EDITOR_ACTIONS = ("localize-restart-translation", "localize-convert-to-alias")

# static/js/translation_footer.js marks a flagged string inside the side-by-side editor's `.js-translation-editor`
# root, in the innermost list item showing the string's source text; tests/browser/test_glossary_flags.py fails
# when wagtail-localize's editor markup stops matching that.
EDITOR_ROOT_SELECTOR = ".js-translation-editor"


def editor_props(props_json, *, locked, open_by_segment):
    """The side-by-side editor (a React app) takes its whole state from the JSON in its `props` attribute: here it
    is told that the translation is locked (no Edit buttons) and which saved strings still need a translator (it
    shows a string with an `error` as needing attention, with that text in place of its comment)."""
    props = json.loads(props_json)
    props["object"]["isLocked"] = props["object"]["isLocked"] or locked
    for string_translation in props["initialStringTranslations"]:
        reason = open_by_segment.get(string_translation["segment_id"])
        if reason and not string_translation["error"]:
            string_translation["error"] = reason
    return json.dumps(props, cls=DjangoJSONEncoder)


def field_segment_path(field_name):
    """The context path of the string segment wagtail-localize extracts from a plain text field of a snippet."""
    return field_name


def start_translations(user, locale, instances):
    """Starts (or brings up to date) each instance's translation into `locale` as wagtail-localize's Translate
    action does, in the order given (parents before their subpages), without its related objects; returns the
    Translations in that order."""
    creator = TranslationCreator(user, [locale])
    for instance in instances:
        creator.create_translations(instance, include_related_objects=False)
    return [translation for translations in creator.mappings.values() for translation in translations]


def check_translated_html(source, translated):
    """Raises ValueError when a translated string would not go into the page: wagtail-localize allows only inline
    tags, attributes only as a link's id, and only the source's link ids (it marks such strings as errors)."""
    StringValue.from_translated_html(translated)
    validate_translation_links(source, translated)


# URL names of wagtail-localize's admin views, as the guards check them (see translation.guards).
CONVERT_TO_ALIAS = "wagtail_localize:convert_to_alias"
STOP_TRANSLATION = "wagtail_localize:stop_translation"
TRANSLATION_WRITING_VIEWS = (
    "wagtail_localize:edit_string_translation",
    "wagtail_localize:edit_override",
    "wagtail_localize:upload_pofile",
    "wagtail_localize:machine_translate",
)
TRANSLATION_EDITING_VIEWS = (
    *TRANSLATION_WRITING_VIEWS,
    "wagtail_localize:download_pofile",
    "wagtail_localize:preview_translation",
)

# The field of the sync form that would publish translations with the English text filling their gaps.
SYNC_PUBLISH_FIELD = "publish_translations"


def shadowing_urls(upload_pofile_view, update_translations_view):
    """Our views at the addresses of wagtail-localize's PO upload, sync and submit views.

    wagtail-localize's editor and menus link to these addresses (they are built into its React props and buttons),
    so the only way to put our checks in front is to answer at the same paths. Wagtail joins the
    register_admin_urls hooks in INSTALLED_APPS order, and the first match wins: this app must stay before
    wagtail_localize.
    """
    return [
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            upload_pofile_view,
            name="translation_upload_pofile",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            update_translations_view,
            name="translation_update_as_drafts",
        ),
        path(
            "localize/submit/page/<int:page_id>/",
            SubmitPageLandingWhereAllowed.as_view(),
            name="translation_submit_page",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            SubmitSnippetLandingWhereAllowed.as_view(),
            name="translation_submit_snippet",
        ),
    ]


class LandingWhereAllowed:
    """wagtail-localize's submit views, with the only language left ticked in advance; and after submitting into
    one language, which opens the new translation's editor, an editor who may not use it (translators do) stays on
    what they submitted instead."""

    def get_form(self):
        form = super().get_form()
        choices = form.fields["locales"].queryset
        if not form.is_bound and not form.initial.get("locales") and len(choices) == 1:
            form.initial["locales"] = list(choices)
        return form

    def get_default_success_url(self, translated_object=None):
        from .guards import can_edit  # guards reads this module's names

        if translated_object is not None and not can_edit(self.request.user, translated_object):
            translated_object = None
            if isinstance(self.object, Page):
                return reverse("wagtailadmin_pages:edit", args=[self.object.pk])
        return super().get_default_success_url(translated_object)


class SubmitPageLandingWhereAllowed(LandingWhereAllowed, SubmitPageTranslationView):
    pass


class SubmitSnippetLandingWhereAllowed(LandingWhereAllowed, SubmitSnippetTranslationView):
    pass


class SyncWithoutPublishingView(UpdateTranslationsView):
    """wagtail-localize's sync view without its "Publish immediately" option, which would fill the changed strings
    with English on the live page: the changed strings wait for translation and review instead, each given the
    suggestions `offer_suggestions` makes (passed to as_view: translation.sync), as publishing the source does."""

    offer_suggestions = None

    def get_form(self):
        form = super().get_form()
        form.fields.pop(SYNC_PUBLISH_FIELD, None)
        return form

    def form_valid(self, form):
        form.cleaned_data[SYNC_PUBLISH_FIELD] = False
        response = super().form_valid(form)
        for translation in self.object.translations.filter(enabled=True).select_related("target_locale"):
            self.offer_suggestions(translation)
        return response
