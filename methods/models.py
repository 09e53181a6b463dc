from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home.fields import optional_rich_text
from home.listings import card_listing
from home.models import ContentPage, PublicSubmission, SectionIndexPage, visible_page_ids
from home.pagination import paginate_when_shown
from home.panels import DocumentRowsInlinePanel, OptionalRowsInlinePanel
from home.search_facets import Facet
from methods.blocks import ModuleBlock, StepsBlock


class Phase(models.TextChoices):
    DISCOVER = "discover", _("Discover")
    DEFINE = "define", _("Define")
    IDEATE = "ideate", _("Ideate")
    PROTOTYPE = "prototype", _("Prototype")
    TEST = "test", _("Test")
    DEPLOY = "deploy", _("Deploy")
    EVALUATE = "evaluate", _("Evaluate")


class Duration(models.TextChoices):
    HOURS = "hours", _("A few hours")
    HALF_DAY = "half_day", _("Half a day")
    DAY = "day", _("One day")
    DAYS = "days", _("Several days")
    WEEKS = "weeks", _("Several weeks or more")


class Difficulty(models.TextChoices):
    EASY = "easy", _("Easy: no prior experience")
    INTERMEDIATE = "intermediate", _("Intermediate: some practice helps")
    ADVANCED = "advanced", _("Advanced: needs an experienced facilitator")


class Licence(models.TextChoices):
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC0 = "cc0-1.0", "CC0 1.0"
    ETALAB = "etalab-2.0", _("Licence Ouverte / Open Licence 2.0 (Etalab)")
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")


LICENCE_URLS = {
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/deed.fr",
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/deed.fr",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/deed.fr",
    Licence.ETALAB: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}


class MethodIndexPage(SectionIndexPage):
    """The catalogue of method cards, filterable by theme, phase, duration and lab."""

    subpage_types = ["methods.MethodPage"]

    class Meta:
        verbose_name = _("method index")
        verbose_name_plural = _("method indexes")

    def methods(self):
        """The live method cards under this index, by title."""
        return card_listing(MethodPage.objects.child_of(self)).select_related("author_lab").order_by("title")

    def get_context(self, request, *args, **kwargs):
        from methods.forms import MethodFilterForm

        context = super().get_context(request, *args, **kwargs)
        filter_form = MethodFilterForm(request.GET)
        filter_form.is_valid()  # invalid values are reported on the form and ignored
        context["filter_form"] = filter_form
        # Computed when shown: nothing of it when the main block is shown from the page fragments.
        context["filter_groups"] = SimpleLazyObject(
            lambda: filter_form.choice_groups(MethodPage.objects.child_of(self).public_live())
        )
        context["methods"] = paginate_when_shown(request, filter_form.filter(self.methods()))
        return context


class MethodPage(ContentPage):
    """A reusable method card: why, when and how to run it, with worksheets to download."""

    why_use = optional_rich_text(
        _("why use it"), _("What the method brings to a team or a public service, in two or three sentences.")
    )
    when_use = optional_rich_text(
        _("when to use it"), _("The moment of a project it suits, e.g. 'before writing the specifications'.")
    )
    phase = models.CharField(
        _("phase"),
        max_length=12,
        choices=Phase.choices,
        help_text=_("The step of a project where it is most useful; a visitor filters the catalogue by it."),
    )
    duration = models.CharField(
        _("duration"),
        max_length=10,
        choices=Duration.choices,
        help_text=_("The time with the participants, preparation left out (say it in the detail below)."),
    )
    duration_detail = models.CharField(
        _("duration in detail"),
        max_length=120,
        blank=True,
        help_text=_("For example: 2 hours, plus 1 hour to prepare."),
    )
    group_size_min = models.PositiveSmallIntegerField(
        _("group size: minimum"), null=True, blank=True, help_text=_("Participants, facilitators left out.")
    )
    group_size_max = models.PositiveSmallIntegerField(
        _("group size: maximum"), null=True, blank=True, help_text=_("Leave empty when there is no upper limit.")
    )
    difficulty = models.CharField(
        _("difficulty"),
        max_length=12,
        choices=Difficulty.choices,
        default=Difficulty.EASY,
        help_text=_("Who can facilitate it: anyone, someone who has practised, or an experienced facilitator."),
    )
    materials = models.TextField(
        _("materials"), blank=True, help_text=_("One item per line, e.g. 'Post-its', 'A large printed map'.")
    )
    steps = StreamField(
        StepsBlock(),
        verbose_name=_("steps"),
        blank=True,
        help_text=_(
            "One step per action, in order: a short title that starts with a verb, then what to do and how long."
        ),
    )
    tips = optional_rich_text(_("tips"), _("What you learnt by running it: what makes it work."))
    pitfalls = optional_rich_text(_("pitfalls"), _("What goes wrong, and how to avoid it."))
    legal_points = optional_rich_text(
        _("legal points of attention"), _("Personal data, paying participants, procurement rules...")
    )
    licence = models.CharField(
        _("licence"),
        max_length=24,
        choices=Licence.choices,
        default=Licence.CC_BY_SA,
        help_text=_("CC BY-SA lets other labs reuse and adapt the card if they credit you and share alike."),
    )
    author_lab = models.ForeignKey(
        "labs.LabPage",
        verbose_name=_("author lab"),
        null=True,
        blank=True,
        help_text=_("Your lab: the card is listed on its page and in the catalogue's lab filter."),
        on_delete=models.SET_NULL,
        related_name="authored_method_pages",
    )

    content_panels = ContentPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("why_use"),
        FieldPanel("when_use"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("phase"), FieldPanel("duration"), FieldPanel("difficulty")]),
                FieldPanel("duration_detail"),
                FieldRowPanel([FieldPanel("group_size_min"), FieldPanel("group_size_max")]),
            ],
            heading=_("Practical details"),
        ),
        FieldPanel("materials"),
        FieldPanel("steps"),
        FieldPanel("tips"),
        FieldPanel("pitfalls"),
        FieldPanel("legal_points"),
        DocumentRowsInlinePanel("worksheets", label=_("Worksheets")),
        FieldRowPanel([FieldPanel("licence"), FieldPanel("author_lab")]),
        OptionalRowsInlinePanel("related_method_links", label=_("Related methods")),
        *ContentPage.taxonomy_panels,
    ]
    search_fields = ContentPage.search_fields + [
        # Above Wagtail's 2 for other pages: method cards rank first at equal match.
        index.SearchField("title", boost=4),
        index.SearchField("why_use"),
        index.SearchField("when_use"),
        index.SearchField("materials"),
        index.SearchField("steps"),
        index.SearchField("tips"),
        index.SearchField("pitfalls"),
        index.SearchField("legal_points"),
        index.FilterField("phase"),
        index.FilterField("duration"),
        index.FilterField("author_lab"),
    ]
    search_facets = [
        Facet("lab", _("Lab"), "author_lab"),
        Facet("phase", _("Phase"), "phase", pictograms=True),
        Facet("duration", _("Duration"), "duration"),
    ]

    parent_page_types = ["methods.MethodIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("method")
        verbose_name_plural = _("methods")
        indexes = [
            # The search facets read these columns for every matching method: from the index alone.
            models.Index(fields=["page_ptr", "phase", "duration", "author_lab"], name="method_search_facets"),
        ]

    def clean(self):
        super().clean()
        if self.group_size_min and self.group_size_max and self.group_size_max < self.group_size_min:
            raise ValidationError({"group_size_max": _("The maximum cannot be smaller than the minimum.")})

    def material_list(self):
        return [line.strip() for line in self.materials.splitlines() if line.strip()]

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    @cached_property
    def visible_author_lab(self):
        """The author lab, when any visitor may see it (a draft or restricted lab is not named)."""
        lab = self.author_lab
        return lab if lab is not None and lab.pk in visible_page_ids([lab]) else None

    def worksheet_documents(self):
        """The downloadable worksheets, in the editor's order."""
        return [link.document for link in self.worksheets.select_related("document")]

    def related_methods(self):
        """The related methods a visitor may see, in the editor's order."""
        links = list(self.related_method_links.select_related("related_method"))
        visible = visible_page_ids(link.related_method for link in links)
        return [link.related_method for link in links if link.related_method_id in visible]

    def used_by(self):
        """The live projects that used this method, with their lab."""
        from labs.models import ProjectPage

        if self.pk is None:  # a preview of a new method
            return ProjectPage.objects.none()
        return (
            ProjectPage.objects.public_live()
            .defer_streamfields()
            .filter(method_links__method=self)
            .distinct()
            .order_by("title")
        )

    def used_by_with_labs(self):
        """The projects that used this method, each with its lab's name as ``lab_title``, in one query."""
        from django.db.models import OuterRef, Subquery
        from django.db.models.functions import Length, Substr

        from labs.models import LabPage

        parent = LabPage.objects.filter(path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - self.steplen))
        return self.used_by().annotate(lab_title=Subquery(parent.values("title")[:1]))


class MethodWorksheet(Orderable):
    page = ParentalKey(MethodPage, on_delete=models.CASCADE, related_name="worksheets")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="method_worksheets",
        help_text=_("A printable PDF the participants fill in (a canvas, a grid, a checklist)."),
    )

    # "upload" is the form's own field, added by DocumentRowsInlinePanel: a file picked in the row.
    panels = [FieldPanel("document"), FieldPanel("upload")]

    class Meta(Orderable.Meta):
        verbose_name = _("worksheet")
        verbose_name_plural = _("worksheets")


class RelatedMethod(Orderable):
    page = ParentalKey(MethodPage, on_delete=models.CASCADE, related_name="related_method_links")
    related_method = models.ForeignKey(
        MethodPage, verbose_name=_("related method"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("related_method")]

    class Meta(Orderable.Meta):
        verbose_name = _("related method")
        verbose_name_plural = _("related methods")


class CurriculumIndexPage(SectionIndexPage):
    """The training curricula."""

    subpage_types = ["methods.CurriculumPage"]
    listing_name = "curricula"

    class Meta:
        verbose_name = _("curriculum index")
        verbose_name_plural = _("curriculum indexes")

    def curricula(self):
        """The live curricula, by title."""
        return card_listing(CurriculumPage.objects.child_of(self)).order_by("title")


class CurriculumPage(ContentPage):
    """A training curriculum: ordered modules built on method cards."""

    audience = models.TextField(_("audience"), blank=True)
    prerequisites = optional_rich_text(_("prerequisites"))
    learning_outcomes = optional_rich_text(_("learning outcomes"))
    modules = StreamField([("module", ModuleBlock())], verbose_name=_("modules"), blank=True)

    content_panels = ContentPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("audience"),
        FieldPanel("prerequisites"),
        FieldPanel("learning_outcomes"),
        FieldPanel("modules"),
        *ContentPage.taxonomy_panels,
    ]
    search_fields = ContentPage.search_fields + [
        index.SearchField("audience"),
        index.SearchField("learning_outcomes"),
        index.SearchField("modules"),
    ]

    parent_page_types = ["methods.CurriculumIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("training curriculum")
        verbose_name_plural = _("training curricula")

    def card_details(self):
        """The line under a curriculum's summary in listings: whom it is for."""
        return self.audience

    def module_list(self):
        """The modules in order, each a dict of its values with ``methods`` reduced to those any visitor may see."""
        visible = visible_page_ids(method for block in self.modules for method in block.value["methods"])
        return [
            {**block.value, "methods": [m for m in block.value["methods"] if m is not None and m.pk in visible]}
            for block in self.modules
        ]

    @property
    def total_duration_hours(self):
        """The sum of the modules' durations, in hours."""
        return sum((block.value["duration_hours"] or Decimal(0) for block in self.modules), Decimal(0))


class ProposalStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for a decision")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class MethodProposal(PublicSubmission):
    """Who proposed a method through the public form: kept apart from the public page."""

    submitted_object_field = "page"

    page = models.OneToOneField(MethodPage, verbose_name=_("method"), on_delete=models.CASCADE, related_name="proposal")
    status = models.CharField(_("state"), max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PENDING)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision_message = models.TextField(_("message sent to the proposer"), blank=True)

    class Meta(PublicSubmission.Meta):
        verbose_name = _("method proposal")
        verbose_name_plural = _("method proposals")

    def __str__(self):
        return f"{self.page.title} ({self.contact_email})"


class ProjectMethod(Orderable):
    """A method a project used; shown on the project (``method_links``) and on the method (``used_by``)."""

    project = ParentalKey("labs.ProjectPage", on_delete=models.CASCADE, related_name="method_links")
    method = models.ForeignKey(
        MethodPage, verbose_name=_("method"), on_delete=models.CASCADE, related_name="project_links"
    )

    panels = [FieldPanel("method")]

    class Meta(Orderable.Meta):
        verbose_name = _("method used")
        verbose_name_plural = _("methods used")


class HomePageFeaturedMethod(Orderable):
    """A method the home page features (``featured_methods``), in the editor's order."""

    page = ParentalKey("home.HomePage", on_delete=models.CASCADE, related_name="featured_methods")
    method = models.ForeignKey(MethodPage, verbose_name=_("method"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("method")]
