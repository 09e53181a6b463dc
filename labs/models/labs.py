from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.fields import optional_image
from home.index_urls import until_pages_change
from home.listings import card_listing
from home.models import ContentPage, SectionIndexPage, visible_page_ids
from home.search_facets import Facet


class OrganisationKind(models.TextChoices):
    REGION = "region", _("Region")
    DEPARTMENT = "department", _("Department")
    INTERCOMMUNALITY = "intercommunality", _("Intercommunality")
    CITY = "city", _("City")
    STATE_AGENCY = "state_agency", _("State agency")
    ASSOCIATION = "association", _("Association")
    OTHER = "other", _("Other")


class FrenchRegion(models.TextChoices):
    AUVERGNE_RHONE_ALPES = "ara", "Auvergne-Rhône-Alpes"
    BOURGOGNE_FRANCHE_COMTE = "bfc", "Bourgogne-Franche-Comté"
    BRETAGNE = "bre", "Bretagne"
    CENTRE_VAL_DE_LOIRE = "cvl", "Centre-Val de Loire"
    CORSE = "cor", "Corse"
    GRAND_EST = "ges", "Grand Est"
    HAUTS_DE_FRANCE = "hdf", "Hauts-de-France"
    ILE_DE_FRANCE = "idf", "Île-de-France"
    NORMANDIE = "nor", "Normandie"
    NOUVELLE_AQUITAINE = "naq", "Nouvelle-Aquitaine"
    OCCITANIE = "occ", "Occitanie"
    PAYS_DE_LA_LOIRE = "pdl", "Pays de la Loire"
    PROVENCE_ALPES_COTE_D_AZUR = "pac", "Provence-Alpes-Côte d'Azur"
    GUADELOUPE = "gua", "Guadeloupe"
    GUYANE = "guy", "Guyane"
    LA_REUNION = "reu", "La Réunion"
    MARTINIQUE = "mar", "Martinique"
    MAYOTTE = "may", "Mayotte"
    NATIONAL = "national", _("National")


# The order of every list of projects: latest start first, those without a start date last.
MOST_RECENT_PROJECTS_FIRST = (F("start_date").desc(nulls_last=True), "title")


class LabIndexPage(SectionIndexPage):
    """The list of partner labs."""

    subpage_types = ["labs.LabPage"]
    listing_name = "labs"

    class Meta:
        verbose_name = _("lab index")
        verbose_name_plural = _("lab indexes")

    def labs(self):
        """The live partner labs, by name."""
        return card_listing(LabPage.objects.child_of(self)).order_by("title")

    def projects(self):
        """The live projects of every lab, most recent first (the order of a lab's own list)."""
        return card_listing(ProjectPage.objects.descendant_of(self)).order_by(*MOST_RECENT_PROJECTS_FIRST)


class LabPage(ContentPage):
    """A partner lab: its host organisation, team and projects."""

    host_organisation = models.CharField(_("host organisation"), max_length=200)
    organisation_kind = models.CharField(_("kind of organisation"), max_length=20, choices=OrganisationKind.choices)
    region = models.CharField(_("region"), max_length=10, choices=FrenchRegion.choices, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    logo = optional_image(_("logo"))
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = ContentPage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("host_organisation"),
                FieldRowPanel([FieldPanel("organisation_kind"), FieldPanel("region"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("website"), FieldPanel("contact_email")]),
                FieldPanel("logo"),
            ],
            heading=_("Organisation"),
        ),
        FieldPanel("body"),
        InlinePanel("team_members", label=_("Team members")),
        *ContentPage.taxonomy_panels,
    ]
    search_fields = ContentPage.search_fields + [
        index.SearchField("host_organisation", boost=2),
        index.SearchField("city"),
        index.SearchField("body"),
        index.FilterField("region"),
        index.FilterField("organisation_kind"),
    ]
    search_facets = [Facet("lab", _("Lab"), Facet.SELF)]

    parent_page_types = ["labs.LabIndexPage"]
    subpage_types = ["labs.ProjectPage", "news.NewsPage"]

    class Meta:
        verbose_name = _("lab")
        verbose_name_plural = _("labs")

    def card_details(self):
        """The line under a lab's summary in listings: its host organisation."""
        return self.host_organisation

    def projects(self):
        """The lab's live projects, most recent first."""
        return card_listing(ProjectPage.objects.child_of(self)).order_by(*MOST_RECENT_PROJECTS_FIRST)

    def project_cards(self):
        """The lab's projects for its page, each with its success indicators (``card_indicators``)."""
        projects = list(self.projects())
        indicators = self.project_indicators() if projects else {}
        for project in projects:
            project.card_indicators = indicators.get(project.pk, [])
        return projects

    def project_indicators(self):
        """{project id: success indicators} of the lab's live projects. Cached until a page changes
        (indicators are saved when their project is published): the lab page's queries are spent."""
        if self.pk is None:  # a preview of a new lab
            return {}

        def build():
            by_project = {}
            live_projects = ProjectPage.objects.child_of(self).public_live().values("pk")
            for indicator in ProjectIndicator.objects.filter(project__in=live_projects).order_by("sort_order"):
                by_project.setdefault(indicator.project_id, []).append(indicator)
            return by_project

        return until_pages_change(f"labs:project-indicators:{self.pk}", build)

    def authored_methods(self):
        """Methods this lab wrote (the relation is declared by ``methods.MethodPage.author_lab``)."""
        if self.pk is None:  # a preview of a new lab
            return Page.objects.none()
        return self.authored_method_pages.public_live().defer_streamfields().order_by("title")


class LabTeamMember(Orderable):
    lab = ParentalKey(LabPage, on_delete=models.CASCADE, related_name="team_members")
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=200, blank=True)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("role")])]

    class Meta(Orderable.Meta):
        verbose_name = _("team member")
        verbose_name_plural = _("team members")

    def __str__(self):
        return self.name


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    FINISHED = "finished", _("Finished")


class ProjectPage(ContentPage):
    """A project of a lab: status, period, methods used and success indicators."""

    status = models.CharField(_("status"), max_length=10, choices=ProjectStatus.choices, default=ProjectStatus.ONGOING)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = ContentPage.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Period")),
        FieldPanel("body"),
        InlinePanel("method_links", label=_("Methods used")),
        InlinePanel("indicators", label=_("Success indicators")),
        *ContentPage.taxonomy_panels,
    ]
    search_fields = ContentPage.search_fields + [index.SearchField("body"), index.FilterField("status")]
    search_facets = [Facet("lab", _("Lab"), Facet.PARENT)]

    parent_page_types = ["labs.LabPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})

    @cached_property
    def lab(self):
        """The lab this project belongs to, when it is live (no query on a routed page: Wagtail keeps
        the parent it routed through; a view restriction on the lab restricts the project too)."""
        parent = self.get_parent()
        return parent.specific if parent is not None and parent.live else None

    def methods_used(self):
        """The live methods this project used, in the editor's order."""
        links = list(self.method_links.select_related("method"))
        visible = visible_page_ids(link.method for link in links)
        return [link.method for link in links if link.method_id in visible]


class ProjectIndicator(Orderable):
    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="indicators")
    label = models.CharField(_("indicator"), max_length=200)
    baseline = models.DecimalField(_("baseline"), max_digits=12, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2, null=True, blank=True)
    measured_value = models.DecimalField(_("measured value"), max_digits=12, decimal_places=2, null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    measured_on = models.DateField(_("measured on"), null=True, blank=True)

    panels = [
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("baseline"), FieldPanel("target"), FieldPanel("measured_value"), FieldPanel("unit")]),
        FieldPanel("measured_on"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("success indicator")
        verbose_name_plural = _("success indicators")

    def __str__(self):
        return self.label
