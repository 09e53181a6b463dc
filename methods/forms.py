from django import forms
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from home.models import Theme


def choice_facets():
    """The method card's facets that have a few fixed choices (phase, duration), from
    ``MethodPage.search_facets``: the method index offers them as big choices with their counts."""
    from methods.models import MethodPage

    facets = []
    for facet in MethodPage.search_facets:
        field = MethodPage._meta.get_field(facet.source)
        if field.choices and not field.is_relation:
            facets.append((facet, field))
    return facets


class MethodFilterForm(forms.Form):
    """Validates the method index's query parameters; unknown values are errors, not 500s."""

    theme = forms.ModelChoiceField(
        queryset=Theme.objects.all(), to_field_name="slug", required=False, label=_("Theme"), empty_label=_("All")
    )
    lab = forms.ModelChoiceField(
        queryset=None, to_field_name="slug", required=False, label=_("Lab"), empty_label=_("All")
    )

    def __init__(self, *args, **kwargs):
        from labs.models import LabPage

        super().__init__(*args, **kwargs)
        self.choice_fields = {}  # {parameter: model field} of the facets shown as big choices
        self.pictogram_fields = set()  # those whose values name a pictogram (the phases)
        for facet, model_field in choice_facets():
            self.fields[facet.name] = forms.ChoiceField(
                required=False, label=facet.label, choices=[("", _("All")), *model_field.choices]
            )
            self.choice_fields[facet.name] = model_field.name
            if facet.pictograms:
                self.pictogram_fields.add(facet.name)
        self.fields["lab"].queryset = LabPage.objects.public_live().order_by("title").only("id", "title", "slug")
        self.order_fields([*self.choice_fields, "theme", "lab"])

    def chosen(self):
        """{parameter: valid value} of the filters in use."""
        data = getattr(self, "cleaned_data", {})
        return {name: value for name, value in data.items() if value not in (None, "")}

    def filter(self, methods, leave_out=None):
        """Narrow methods by the parameters that are valid (but ``leave_out``, to count its choices)."""
        for name, value in self.chosen().items():
            if name == leave_out:
                continue
            if name == "theme":
                methods = methods.filter(themes=value)
            elif name == "lab":
                methods = methods.filter(author_lab=value)
            else:
                methods = methods.filter(**{self.choice_fields[name]: value})
        return methods

    def choice_groups(self, methods):
        """The big-choice facets for the template: each choice with the number of methods it would
        show with the other filters kept (one query per facet, whatever the number of methods)."""
        chosen = self.chosen()
        groups = []
        for name, attribute in self.choice_fields.items():
            counts = dict(self.filter(methods, leave_out=name).order_by().values_list(attribute).annotate(Count("pk")))
            groups.append(
                {
                    "name": name,
                    "label": self.fields[name].label,
                    "chosen": chosen.get(name, ""),
                    "options": [
                        {
                            "value": value,
                            "label": label,
                            "count": counts.get(value, 0),
                            "chosen": chosen.get(name) == value,
                            "pictogram": value if name in self.pictogram_fields else "",
                        }
                        for value, label in self.fields[name].choices
                        if value
                    ],
                }
            )
        return groups

    def select_fields(self):
        """The filters with many values (themes, labs), shown as drop-down lists."""
        return [self[name] for name in self.fields if name not in self.choice_fields]
