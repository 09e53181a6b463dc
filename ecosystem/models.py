"""The ecosystem map: actors and resources of the labs' territories, reviewed before they appear."""

from django import forms
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from ecosystem import exports, territories
from ecosystem.admin_forms import ActorAdminForm
from home.fields import optional_link
from home.models import PublicSubmission, SectionIndexPage, visible_page_ids
from home.pagination import paginate

ADDRESS_LENGTH = 300
DESCRIPTION_LENGTH = 600


class ActorKind(models.Model):
    """A kind of actor (school, association, fab lab…): a list communicators edit."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("kind of actor")
        verbose_name_plural = _("kinds of actor")

    def __str__(self):
        return self.name


class Actor(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """An actor or resource of a territory's ecosystem; public once a communicator has published it."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.ForeignKey(ActorKind, verbose_name=_("kind"), on_delete=models.PROTECT, related_name="actors")
    region = models.CharField(_("region"), max_length=2, choices=territories.region_choices)
    departement = models.CharField(_("département"), max_length=3, choices=territories.departement_choices, blank=True)
    address = models.CharField(_("address"), max_length=ADDRESS_LENGTH, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("In decimal degrees, between -90 and 90 (Paris: 48.85661)."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("In decimal degrees, between -180 and 180 (Paris: 2.35222)."),
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("short description"), max_length=DESCRIPTION_LENGTH, blank=True)
    themes = ParentalManyToManyField("home.Theme", verbose_name=_("themes"), blank=True, related_name="actors")
    lab = optional_link("labs.LabPage", _("lab that added it"), related_name="ecosystem_actors")

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="actor")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="actor",
        for_concrete_model=False,
    )

    base_form_class = ActorAdminForm
    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("region"), FieldPanel("departement")]),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Territory"),
        ),
        FieldPanel("website"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("lab"),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.SearchField("address"),
        index.FilterField("region"),
        index.FilterField("live"),
        # A partner editor's listing (ecosystem/permissions.py) is searched with this filter.
        index.FilterField("lab"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("actor of the ecosystem")
        verbose_name_plural = _("actors of the ecosystem")

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        super().clean()
        errors = {}
        place = territories.departement(self.departement) if self.departement else None
        if place is not None and self.region and place.region_code != self.region:
            errors["departement"] = _("%(departement)s is not in %(region)s.") % {
                "departement": place.name,
                "region": territories.region_name(self.region),
            }
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude" if self.longitude is None else "latitude"] = _(
                "Give both the latitude and the longitude, or neither."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def region_label(self):
        return territories.region_name(self.region)

    @property
    def territory_label(self):
        """ "Loire-Atlantique (44), Pays de la Loire", or the region alone."""
        place = territories.departement(self.departement) if self.departement else None
        if place is None:
            return self.region_label
        return f"{place.name} ({place.code}), {self.region_label}"


def public_actors():
    """The reviewed (live) actors, by name, with their kind and lab."""
    return Actor.objects.filter(live=True).select_related("kind", "lab").order_by("name", "pk")


def with_public_labs(actors):
    """The actors as a list, each with ``public_lab``: the lab that added it, when any visitor may see
    that lab (no query: the labs came with the actors)."""
    actors = list(actors)
    visible = visible_page_ids(actor.lab for actor in actors)
    for actor in actors:
        actor.public_lab = actor.lab if actor.lab_id in visible else None
    return actors


def lab_actors(lab):
    """The live actors of a lab's territory (its region), and those it added, by name."""
    region = territories.LAB_REGION_CODES.get(lab.region)
    condition = models.Q(lab=lab) | models.Q(region=region) if region else models.Q(lab=lab)
    return public_actors().filter(condition)


class EcosystemMapPage(RoutablePageMixin, SectionIndexPage):
    """The map of the ecosystem: a filterable list with counts, a map of the regions on wide screens,
    GeoJSON and CSV exports with the same filters."""

    class Meta:
        verbose_name = _("ecosystem map")
        verbose_name_plural = _("ecosystem maps")

    def filtered(self, request):
        """The filter form bound to the query string, and the live actors it selects."""
        from ecosystem.forms import ActorFilterForm

        form = ActorFilterForm(request.GET)
        return form, form.apply(public_actors())

    def facet_counts(self, form):
        """Per filter, the count of each option with the other filters applied."""
        base = public_actors().order_by()
        kinds = form.apply(base, without="kind").values("kind__slug", "kind__name").annotate(count=Count("pk"))
        regions = form.apply(base, without="region").values("region").annotate(count=Count("pk"))
        themes = (
            form.apply(base, without="theme")
            .filter(themes__isnull=False)
            .values("themes__slug", "themes__name")
            .annotate(count=Count("pk"))
        )
        return {
            "kind": sorted(((k["kind__slug"], k["kind__name"], k["count"]) for k in kinds), key=lambda k: k[1]),
            "region": sorted(
                ((r["region"], territories.region_name(r["region"]), r["count"]) for r in regions), key=lambda r: r[1]
            ),
            "theme": sorted(((t["themes__slug"], t["themes__name"], t["count"]) for t in themes), key=lambda t: t[1]),
        }

    @path("", name="map")
    def map_view(self, request):
        from ecosystem.map import region_map

        form, actors = self.filtered(request)
        page_of_actors = paginate(request, actors, per_page=24)
        page_of_actors.object_list = with_public_labs(page_of_actors.object_list)
        counts = self.facet_counts(form)
        form.show_counts(counts)
        return self.render(
            request,
            context_overrides={
                "filter_form": form,
                "actors": page_of_actors,
                "counts": counts,
                "region_map": region_map(counts["region"], page_of_actors, form),
            },
        )

    @path("geojson/", name="geojson")
    def geojson_export(self, request):
        """The filtered live actors as a GeoJSON FeatureCollection (RFC 7946)."""
        _form, actors = self.filtered(request)
        return exports.geojson_response(with_public_labs(actors.prefetch_related("themes")))

    @path("csv/", name="csv")
    def csv_export(self, request):
        """The filtered live actors as CSV (UTF-8)."""
        _form, actors = self.filtered(request)
        return exports.csv_response(with_public_labs(actors.prefetch_related("themes")))


class ActorSuggestion(PublicSubmission):
    """Who suggested an actor through the public form: kept apart from the public actor."""

    submitted_object_field = "actor"

    actor = models.OneToOneField(Actor, verbose_name=_("actor"), on_delete=models.CASCADE, related_name="suggestion")

    class Meta(PublicSubmission.Meta):
        verbose_name = _("actor suggestion")
        verbose_name_plural = _("actor suggestions")

    def __str__(self):
        return str(self.actor)
