import re

from django import forms
from django.utils.translation import gettext_lazy as _

from home.models.taxonomy import Theme

from .engine import DOCUMENT_TYPE, page_type_key, searchable_page_models
from .facets import declared_facets

# Long enough for any real question; longer input is cut, not refused.
MAX_QUERY_LENGTH = 500
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def facet_names():
    """The facets in the order they are shown: type, theme, then those the page types declare."""
    return ("type", "theme", *declared_facets())


class SearchForm(forms.Form):
    """The query and the facet choices. Unknown facet values are reported and ignored."""

    q = forms.CharField(label=_("Search"), required=False, strip=True)
    type = forms.ChoiceField(label=_("Type"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", "")] + [
            (page_type_key(m), m._meta.verbose_name_plural) for m in searchable_page_models()
        ]
        self.fields["type"].choices.append((DOCUMENT_TYPE, _("Documents")))
        self.fields["theme"].choices = [("", "")] + list(Theme.objects.values_list("slug", "name"))
        # {facet: {id: page}} of the page-valued facets: their choices, and the chosen page.
        self.facet_pages = {}
        for name, facet in declared_facets().items():
            if facet.is_page_valued:
                self.facet_pages[name] = facet.option_pages()
                choices = [(str(pk), page.title) for pk, page in self.facet_pages[name].items()]
                self.fields[name] = forms.TypedChoiceField(
                    label=facet.label, required=False, coerce=int, empty_value=None, choices=[("", ""), *choices]
                )
            else:
                self.fields[name] = forms.ChoiceField(
                    label=facet.label, required=False, choices=[("", ""), *facet.choices]
                )

    def clean(self):
        cleaned = super().clean()
        for name, pages in self.facet_pages.items():
            if cleaned.get(name) is not None:
                cleaned[name] = pages.get(cleaned[name])
        return cleaned

    def clean_q(self):
        query = CONTROL_CHARACTERS.sub(" ", self.cleaned_data["q"])
        return " ".join(query.split())[:MAX_QUERY_LENGTH]

    def query(self):
        return self.cleaned_data.get("q", "") if hasattr(self, "cleaned_data") else ""

    def filters(self):
        """The valid facet choices."""
        data = getattr(self, "cleaned_data", {})
        return {name: data[name] for name in facet_names() if data.get(name) not in (None, "")}

    def invalid_facets(self):
        return [self.fields[name].label for name in facet_names() if name in self.errors]
