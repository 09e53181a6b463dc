import re

from django import forms
from django.utils.translation import gettext_lazy as _

from home.models.taxonomy import Theme

from .engine import DOCUMENT_TYPE, page_type_key, searchable_page_models

# Long enough for any real question; longer input is cut, not refused.
MAX_QUERY_LENGTH = 500
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
FACETS = ("type", "theme", "lab", "phase", "duration")


class SearchForm(forms.Form):
    """The query and the facet choices. Unknown facet values are reported and ignored."""

    q = forms.CharField(label=_("Search"), required=False, strip=True)
    type = forms.ChoiceField(label=_("Type"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    lab = forms.TypedChoiceField(label=_("Lab"), required=False, coerce=int, empty_value=None)
    phase = forms.ChoiceField(label=_("Phase"), required=False)
    duration = forms.ChoiceField(label=_("Duration"), required=False)

    def __init__(self, *args, labs=None, **kwargs):
        from methods.models import Duration, Phase

        super().__init__(*args, **kwargs)
        self.labs = labs or {}
        self.fields["type"].choices = [("", "")] + [
            (page_type_key(m), m._meta.verbose_name_plural) for m in searchable_page_models()
        ]
        self.fields["type"].choices.append((DOCUMENT_TYPE, _("Documents")))
        self.fields["theme"].choices = [("", "")] + list(Theme.objects.values_list("slug", "name"))
        self.fields["lab"].choices = [("", "")] + [(str(pk), lab.title) for pk, lab in self.labs.items()]
        self.fields["phase"].choices = [("", ""), *Phase.choices]
        self.fields["duration"].choices = [("", ""), *Duration.choices]

    def clean_q(self):
        query = CONTROL_CHARACTERS.sub(" ", self.cleaned_data["q"])
        return " ".join(query.split())[:MAX_QUERY_LENGTH]

    def clean_lab(self):
        pk = self.cleaned_data["lab"]
        return self.labs.get(pk) if pk is not None else None

    def query(self):
        return self.cleaned_data.get("q", "") if hasattr(self, "cleaned_data") else ""

    def filters(self):
        """The valid facet choices."""
        data = getattr(self, "cleaned_data", {})
        return {name: data[name] for name in FACETS if data.get(name) not in (None, "")}

    def invalid_facets(self):
        return [self.fields[name].label for name in FACETS if name in self.errors]
