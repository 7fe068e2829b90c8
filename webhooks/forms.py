from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, get_page_models

from home.content import publishable_models

from .address import RefusedAddress, checked_address
from .models import Endpoint, EventType


def content_types():
    """The page types and the snippets with a publishing state: what events are sent about."""
    models = [model for model in get_page_models() if model._meta.app_label != "wagtailcore"]
    models += [model for model in publishable_models() if not issubclass(model, Page)]
    by_model = ContentType.objects.get_for_models(*models)
    return ContentType.objects.filter(pk__in=[content_type.pk for content_type in by_model.values()])


class EndpointForm(forms.ModelForm):
    url = forms.URLField(
        label=_("URL"),
        max_length=500,
        assume_scheme="https",
        help_text=_("Where events are POSTed; an https:// address on the public internet."),
    )
    events = forms.MultipleChoiceField(
        label=_("Events"),
        choices=EventType.choices,
        initial=list(EventType.values),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Endpoint
        fields = ["url", "description", "events", "locales", "content_types", "secret", "enabled"]
        widgets = {"locales": forms.CheckboxSelectMultiple, "content_types": forms.CheckboxSelectMultiple}

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["content_types"].queryset = content_types()
        self.fields["content_types"].label_from_instance = lambda ct: ct.model_class()._meta.verbose_name.capitalize()

    def clean_url(self):
        url = self.cleaned_data["url"]
        try:
            checked_address(url)
        except RefusedAddress as refused:
            raise forms.ValidationError(str(refused)) from None
        return url

    def save(self, commit=True):
        """Switched on again, or pointed elsewhere: a fresh start (its waiting events go out at once)."""
        endpoint = super().save(commit=False)
        if endpoint.enabled and {"enabled", "url"} & set(self.changed_data):
            endpoint.failing_since = endpoint.retry_at = endpoint.switched_off_at = None
            endpoint.failures = 0
        if commit:
            endpoint.save()
            self.save_m2m()
        return endpoint
