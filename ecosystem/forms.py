"""The map's filters and the public "suggest an actor" form."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from ecosystem import territories
from ecosystem.models import ADDRESS_LENGTH, DESCRIPTION_LENGTH, Actor, ActorKind
from home.models import Theme
from home.suggestions import PublicSuggestionForm


class ActorFilterForm(forms.Form):
    """Filters from the query string: an unknown value is an error shown to the visitor and ignored."""

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    departement = forms.ChoiceField(label=_("Département"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)

    FIELDS = {"kind": "kind__slug", "region": "region", "departement": "departement", "theme": "themes__slug"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["kind"].choices = everything + list(ActorKind.objects.values_list("slug", "name"))
        self.fields["region"].choices = everything + territories.region_choices()
        self.fields["departement"].choices = everything + territories.departement_choices()
        self.fields["theme"].choices = everything + list(Theme.objects.values_list("slug", "name"))
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = _("“%(value)s” is not a known value; it has been ignored.")

    def show_counts(self, counts):
        """Label each option with its count ("Association (4)"); options without actors stay, with 0."""
        for name, options in counts.items():
            by_value = {value: count for value, _label, count in options}
            field = self.fields[name]
            field.choices = [
                (value, f"{label} ({by_value.get(value, 0)})" if value else label) for value, label in field.choices
            ]

    def chosen(self):
        """The valid, non-empty choices: {field name: value}."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    def apply(self, actors, without=None):
        """The actors that meet every valid filter (but ``without``)."""
        for name, value in self.chosen().items():
            if name != without:
                actors = actors.filter(**{self.FIELDS[name]: value})
        return actors.distinct() if "theme" in self.chosen() and without != "theme" else actors


class ActorSuggestionForm(PublicSuggestionForm, forms.ModelForm):
    """A visitor suggests an actor: it becomes a draft sent to the communicators' review."""

    honeypot_field = "homepage"  # "website" is the actor's
    contact_help_text = _("Only the network's communicators see it, to contact you about your suggestion.")
    consent_label = _(
        "I agree that the network keeps my email address to contact me about this suggestion, and that "
        "the actor is published on the map if it is accepted."
    )
    consent_required_message = _("Tick the box to agree, or your suggestion cannot be sent.")

    website = forms.URLField(
        label=_("website"),
        required=False,
        assume_scheme="https",
        max_length=200,
        error_messages={"invalid": _("Enter a web address starting with https://.")},
    )

    class Meta:
        model = Actor
        fields = ["name", "kind", "region", "departement", "address", "latitude", "longitude", "website", "description"]
        error_messages = {
            "name": {"required": _("Give the actor's name.")},
            "kind": {"required": _("Choose a kind of actor.")},
            "region": {
                "required": _("Choose the region."),
                "invalid_choice": _("Choose a region from the list."),
            },
            "departement": {"invalid_choice": _("Choose a département from the list.")},
            "address": {
                "max_length": _("The address must have at most %(limit_value)d characters (it has %(show_value)d).")
            },
            "description": {
                "max_length": _("The description must have at most %(limit_value)d characters (it has %(show_value)d).")
            },
            "latitude": {"invalid": _("Enter the latitude as a number, e.g. 47.21725.")},
            "longitude": {"invalid": _("Enter the longitude as a number, e.g. -1.55336.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].empty_label = _("Choose…")
        self.fields["region"].choices = [("", _("Choose…")), *territories.region_choices()]
        self.fields["departement"].choices = [("", _("Not specified")), *territories.departement_choices()]
        self.fields["address"].max_length = ADDRESS_LENGTH
        self.fields["description"].max_length = DESCRIPTION_LENGTH
        out_of_range = {
            "latitude": (90, _("The latitude must be between -90 and 90.")),
            "longitude": (180, _("The longitude must be between -180 and 180.")),
        }
        for name, (limit, message) in out_of_range.items():
            field = self.fields[name]
            field.validators += [MinValueValidator(-limit), MaxValueValidator(limit)]
            for code in ("min_value", "max_value", "max_digits", "max_whole_digits"):
                field.error_messages[code] = message
            field.error_messages["max_decimal_places"] = _("Give at most 5 decimal places.")
