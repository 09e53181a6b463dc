from django import forms
from django.utils.translation import gettext_lazy as _

from home.models import Theme


class MethodFilterForm(forms.Form):
    """Validates the method index's query parameters; unknown values are errors, not 500s."""

    theme = forms.ModelChoiceField(
        queryset=Theme.objects.all(), to_field_name="slug", required=False, label=_("Theme"), empty_label=_("All")
    )
    phase = forms.ChoiceField(required=False, label=_("Phase"))
    duration = forms.ChoiceField(required=False, label=_("Duration"))
    lab = forms.ModelChoiceField(
        queryset=None, to_field_name="slug", required=False, label=_("Lab"), empty_label=_("All")
    )

    def __init__(self, *args, **kwargs):
        from labs.models import LabPage
        from methods.models import Duration, Phase

        super().__init__(*args, **kwargs)
        all_choice = [("", _("All"))]
        self.fields["phase"].choices = all_choice + Phase.choices
        self.fields["duration"].choices = all_choice + Duration.choices
        self.fields["lab"].queryset = (
            LabPage.objects.public_live().order_by("title").only("id", "title", "slug", "translation_key")
        )

    def filter(self, methods):
        """Narrow methods by the parameters that are valid."""
        data = self.cleaned_data
        if data.get("theme"):
            methods = methods.filter(themes=data["theme"])
        if data.get("phase"):
            methods = methods.filter(phase=data["phase"])
        if data.get("duration"):
            methods = methods.filter(duration=data["duration"])
        if data.get("lab"):
            # The lab in any language: a translated card may still link the lab it was copied with.
            methods = methods.filter(author_lab__translation_key=data["lab"].translation_key)
        return methods
