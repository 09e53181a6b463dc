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
    """Validates the method index's query parameters; unknown values are errors, not 500s.

    Themes and labs are plain choices of slugs, read once for both the validation and the
    drop-down list."""

    theme = forms.ChoiceField(required=False, label=_("Theme"))
    lab = forms.ChoiceField(required=False, label=_("Lab"))

    def __init__(self, *args, **kwargs):
        from labs.models import LabPage

        super().__init__(*args, **kwargs)
        all_choice = [("", _("All"))]
        self.fields["theme"].choices = all_choice + list(Theme.objects.order_by("name").values_list("slug", "name"))
        labs = LabPage.objects.public_live().order_by("title").values_list("slug", "title")
        self.fields["lab"].choices = all_choice + list(labs)
        self.choice_fields = {}  # {parameter: model field} of the facets shown as big choices
        self.pictogram_fields = set()  # those whose values name a pictogram (the phases)
        for facet, model_field in choice_facets():
            self.fields[facet.name] = forms.ChoiceField(
                required=False, label=facet.label, choices=all_choice + list(model_field.choices)
            )
            self.choice_fields[facet.name] = model_field.name
            if facet.pictograms:
                self.pictogram_fields.add(facet.name)
        self.order_fields([*self.choice_fields, "theme", "lab"])

    def chosen(self):
        """{parameter: valid value} of the filters in use."""
        data = getattr(self, "cleaned_data", {})
        return {name: value for name, value in data.items() if value not in (None, "")}

    def filter(self, methods, choices=True):
        """Narrow methods by the parameters that are valid (without the big choices' when counting them)."""
        for name, value in self.chosen().items():
            if name == "theme":
                methods = methods.filter(themes__slug=value)
            elif name == "lab":
                methods = methods.filter(author_lab__slug=value)
            elif choices:
                methods = methods.filter(**{self.choice_fields[name]: value})
        return methods

    def choice_groups(self, methods):
        """The big-choice facets for the template: each choice with the number of methods it would
        show with the other filters kept. One query: the methods of the other filters counted by
        their combination of choices, summed here for each facet."""
        chosen = self.chosen()
        names = list(self.choice_fields)
        combinations = (
            self.filter(methods, choices=False)
            .order_by()
            .values_list(*self.choice_fields.values())
            .annotate(Count("pk"))
        )
        counts = {name: {} for name in names}
        for *values, count in combinations:
            combination = dict(zip(names, values, strict=True))
            for name in names:
                others_match = all(
                    combination[other] == chosen[other] for other in names if other != name and other in chosen
                )
                if others_match:
                    counts[name][combination[name]] = counts[name].get(combination[name], 0) + count
        return [
            {
                "name": name,
                "label": self.fields[name].label,
                "chosen": chosen.get(name, ""),
                "options": [
                    {
                        "value": value,
                        "label": label,
                        "count": counts[name].get(value, 0),
                        "chosen": chosen.get(name) == value,
                        "pictogram": value if name in self.pictogram_fields else "",
                    }
                    for value, label in self.fields[name].choices
                    if value
                ],
            }
            for name in names
        ]

    def select_fields(self):
        """The filters with many values (themes, labs), shown as drop-down lists."""
        return [self[name] for name in self.fields if name not in self.choice_fields]
