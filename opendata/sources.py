"""What the open data serves, one ``Source`` per public type: the listing queryset the public page
uses, the filters a visitor has on that page, and the record each item becomes.

The API (``api.py``), the exports (``exports.py``) and the catalogue (``catalogue.py``) are built
from ``SOURCES``: adding a type is one ``Source`` subclass and one line in ``SOURCES``.
"""

import datetime
import html
from decimal import Decimal
from typing import ClassVar, Literal

from django.conf import settings
from django.db.models import Max
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from ninja import Field, Schema
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from ecosystem.models import EcosystemMapPage, public_actors
from events.models import AgendaPage
from home.models import Theme
from home.models.mixins import visible_page_ids
from labs.blocks import ActionStatus, Horizon, Scope
from labs.models import LabIndexPage, LabPage, ManifestoIndexPage, SessionReportIndexPage
from labs.models.labs import FrenchRegion, OrganisationKind, ProjectStatus
from methods.models import CurriculumIndexPage, Difficulty, Duration, MethodIndexPage, Phase
from news.models import NewsIndexPage, NewsPage, public_news, with_labs

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
# The languages content is published in (``lang``): the site's languages, French first.
LANGUAGE_CODES = tuple(code for code, _ in settings.LANGUAGES)
DEFAULT_LANGUAGE = settings.LANGUAGE_CODE


class BadParameter(Exception):
    """A query parameter with a value the portal does not know: answered with a 400 naming it."""

    def __init__(self, parameter, message):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def choice(choices):
    """A ``Literal`` of a ``TextChoices``' values: the OpenAPI description lists them as an enum."""
    return Literal[tuple(choices.values)]


def plain_text(rich_text):
    """Rich text as plain text (links expanded first, so no internal markup leaks)."""
    return html.unescape(strip_tags(expand_db_html(rich_text or ""))).strip()


def stable(queryset):
    """The listing's own order, with the primary key last so that pagination never repeats an item."""
    return queryset.order_by(*queryset.query.order_by, "pk")


def joined(key, field=None):
    """A CSV column: the record's list ``key`` (of ``field`` of each item) as "a; b"."""
    return lambda record: "; ".join(item[field] if field else item for item in record[key])


def title_of(key):
    """A CSV column: the title of the record's page ``key``, or nothing."""
    return lambda record: record[key]["title"] if record[key] else ""


def or_empty(key):
    """A CSV column: the record's ``key``, empty where it is None."""
    return lambda record: "" if record[key] is None else record[key]


def live_index(model):
    """The live, public index page of a type (``None`` when there is none: the listing is empty).
    The listings' own visibility rule."""
    return model.objects.public_live().first()


# Query parameters.


class ListParams(Schema):
    lang: Literal[LANGUAGE_CODES] = Field(
        DEFAULT_LANGUAGE, description="Langue des contenus : fr (par défaut) ou en (les pages traduites en anglais)"
    )
    q: str = Field(None, max_length=200, description="Recherche plein texte (mots du titre, du résumé, du texte)")
    page: int = Field(1, ge=1, le=100_000, description="Numéro de page, à partir de 1")
    page_size: int = Field(20, ge=1, le=100, description="Nombre de résultats par page (100 au plus)")


THEME = Field(None, pattern=SLUG_PATTERN, max_length=120, description="Slug d'un thème (voir /api/themes/)")
LAB = Field(None, pattern=SLUG_PATTERN, max_length=255, description="Slug d'un lab (voir /api/labs/)")


class ThemedParams(ListParams):
    theme: str = THEME


# Records.


class ThemeRef(Schema):
    slug: str
    name: str


class PageRef(Schema):
    slug: str
    title: str
    url: str


class PageRecord(Schema):
    id: int
    title: str
    slug: str
    url: str = Field(description="Adresse de la page publique")
    summary: str
    themes: list[ThemeRef]
    tags: list[str]
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None


class Visibility:
    """Links from a record to other pages (a method's author lab, a project's methods, an action's
    owner labs) keep only the pages any visitor may see, by the listings' own rule."""

    def __init__(self, request):
        self.request = request

    def ref(self, page):
        if page is None or page.pk not in visible_page_ids([page]):
            return None
        return {"slug": page.slug, "title": page.title, "url": page.get_full_url(self.request)}

    def refs(self, pages):
        """The refs of those of ``pages`` a visitor may see, in their order."""
        return [ref for ref in map(self.ref, pages) if ref is not None]


class Source:
    """One public type. Subclasses set the names, the schemas and the listing."""

    name: ClassVar[str]  # the API path, the export file name
    title: ClassVar[str]  # French, for the catalogue and the documentation
    description: ClassVar[str]
    params: ClassVar[type[Schema]] = ListParams
    record: ClassVar[type[Schema]]
    exported: ClassVar[bool] = False

    def listing(self):
        """Every public item, in the public listing's order (a queryset)."""
        raise NotImplementedError

    def filter(self, items, params):
        """Narrow the items by the parameters' filters (not ``q`` nor the page)."""
        return items

    def search(self, items, query):
        """The items whose indexed text matches, in the listing's order, through Wagtail's search."""
        from wagtail.search.backends import get_search_backend

        matching = [obj.pk for obj in get_search_backend().search(query, items.model, order_by_relevance=False)]
        return items.filter(pk__in=matching)

    def items(self, params):
        """The public items that match the parameters' filters and query, in the listing's order."""
        items = self.filter(self.listing(), params)
        if params.q and params.q.strip():
            items = self.search(items, params.q)
        return items

    def records(self, items, request):
        """The records of a list of items, with a bounded number of queries."""
        raise NotImplementedError

    def results(self, params, request, window=None):
        """(count, records) of the matching items: all of them, or those of ``window`` (start, stop)."""
        items = self.items(params)
        count = items.count()
        if window is not None:
            items = items[window[0] : window[1]]
        return count, self.records(items, request)

    def csv_columns(self):
        """The CSV export's columns: (header, the record's key or a function of the record)."""
        return [
            ("id", "id"),
            ("titre", "title"),
            ("url", "url"),
            ("resume", "summary"),
            ("themes", joined("themes", "name")),
            ("mots_cles", joined("tags")),
        ]

    def last_modified(self):
        """When the newest item was last published (for the catalogue), if the items are pages."""
        return None

    def landing_page(self):
        """The public page that lists the items (for the catalogue), if there is one."""
        return None


class PageSource(Source):
    """A page type listed by a method of its live index page."""

    # The parameters that select the items equal to them: {parameter: field lookup}.
    equal_to: ClassVar[dict] = {}
    # The lookups that ``date_from`` and ``date_to`` bound, when the type has dates.
    dated_by: ClassVar[tuple] = ()

    index_model: ClassVar[type[Page]]
    listing_method: ClassVar[str]

    def listing(self):
        index = live_index(self.index_model)
        if index is None:
            return self.record_model().objects.none()
        return stable(getattr(index, self.listing_method)()).prefetch_related("themes", "tags")

    def record_model(self):
        return self.index_model.allowed_subpage_models()[0]

    def landing_page(self):
        return live_index(self.index_model)

    def filter(self, items, params):
        theme = getattr(params, "theme", None)
        if theme:
            found = Theme.objects.filter(slug=theme).first()
            if found is None:
                raise BadParameter("theme", f"Thème inconnu : « {theme} ».")
            items = items.filter(themes=found)
        for parameter, lookup in self.equal_to.items():
            value = getattr(params, parameter, None)
            if value:
                items = items.filter(**{lookup: value})
        if self.dated_by:
            after, before = self.dated_by
            if params.date_from:
                items = items.filter(**{after: params.date_from})
            if params.date_to:
                items = items.filter(**{before: params.date_to})
        return items

    def page_record(self, page, request):
        return {
            "id": page.pk,
            "title": page.title,
            "slug": page.slug,
            "url": page.get_full_url(request),
            "summary": page.summary,
            "themes": [{"slug": theme.slug, "name": theme.name} for theme in page.themes.all()],
            "tags": sorted(tag.name for tag in page.tags.all()),
            "first_published_at": page.first_published_at,
            "last_published_at": page.last_published_at,
        }

    def records(self, items, request):
        visibility = Visibility(request)
        return [self.record_of(page, request, visibility) for page in items]

    def record_of(self, page, request, visibility):
        return self.page_record(page, request)

    def last_modified(self):
        return self.listing().prefetch_related(None).aggregate(latest=Max("last_published_at"))["latest"]


# Methods.


class MethodParams(ThemedParams):
    phase: choice(Phase) = Field(None, description="Phase du projet")
    duration: choice(Duration) = Field(None, description="Durée")
    lab: str = LAB


class Step(Schema):
    title: str
    text: str


class MethodRecord(PageRecord):
    phase: choice(Phase)
    phase_label: str
    duration: choice(Duration)
    duration_label: str
    duration_detail: str
    group_size_min: int | None
    group_size_max: int | None
    difficulty: choice(Difficulty)
    materials: list[str]
    steps: list[Step]
    licence: str
    licence_url: str
    author_lab: PageRef | None


class MethodSource(PageSource):
    name = "methods"
    title = "Méthodes"
    description = "Les fiches méthodes du réseau Entrelabs : pourquoi, quand et comment les mener."
    params = MethodParams
    record = MethodRecord
    index_model = MethodIndexPage
    listing_method = "methods"
    exported = True

    def listing(self):
        # The card records show the steps: the listing defers StreamFields, the API reads them.
        return super().listing().defer(None)

    def filter(self, items, params):
        from methods.forms import MethodFilterForm

        # The method index's own form: the same validation and the same filters as the public page.
        data = {key: getattr(params, key) or "" for key in ("theme", "phase", "duration", "lab")}
        form = MethodFilterForm(data)
        if not form.is_valid():
            parameter, errors = next(iter(form.errors.items()))
            raise BadParameter(parameter, f"{data[parameter]} : {errors[0]}")
        return form.filter(items)

    def record_of(self, page, request, visibility):
        return {
            **self.page_record(page, request),
            "phase": page.phase,
            "phase_label": str(page.get_phase_display()),
            "duration": page.duration,
            "duration_label": str(page.get_duration_display()),
            "duration_detail": page.duration_detail,
            "group_size_min": page.group_size_min,
            "group_size_max": page.group_size_max,
            "difficulty": page.difficulty,
            "materials": page.material_list(),
            "steps": [
                {"title": step.value["title"], "text": plain_text(step.value["text"].source)} for step in page.steps
            ],
            "licence": page.get_licence_display(),
            "licence_url": page.licence_url,
            "author_lab": visibility.ref(page.author_lab),
        }

    def csv_columns(self):
        return super().csv_columns() + [
            ("phase", "phase_label"),
            ("duree", "duration_label"),
            ("duree_detail", "duration_detail"),
            ("taille_groupe_min", "group_size_min"),
            ("taille_groupe_max", "group_size_max"),
            ("materiel", joined("materials")),
            ("etapes", joined("steps", "title")),
            ("licence", "licence"),
            ("lab_auteur", title_of("author_lab")),
        ]


# Labs and projects.


class LabParams(ThemedParams):
    region: choice(FrenchRegion) = Field(None, description="Région (code)")
    kind: choice(OrganisationKind) = Field(None, description="Type d'organisation")


class LabRecord(PageRecord):
    host_organisation: str
    kind: choice(OrganisationKind)
    kind_label: str
    region: str
    region_label: str
    city: str
    website: str


class LabSource(PageSource):
    name = "labs"
    title = "Labs"
    description = "Les laboratoires d'innovation publique du réseau : organisation, territoire, site."
    params = LabParams
    record = LabRecord
    index_model = LabIndexPage
    listing_method = "labs"
    exported = True

    equal_to = {"region": "region", "kind": "organisation_kind"}

    def record_of(self, page, request, visibility):
        # The contact address is left out: it may be a person's.
        return {
            **self.page_record(page, request),
            "host_organisation": page.host_organisation,
            "kind": page.organisation_kind,
            "kind_label": str(page.get_organisation_kind_display()),
            "region": page.region,
            "region_label": str(page.get_region_display()) if page.region else "",
            "city": page.city,
            "website": page.website,
        }

    def csv_columns(self):
        return super().csv_columns() + [
            ("organisation", "host_organisation"),
            ("type_organisation", "kind_label"),
            ("region", "region_label"),
            ("ville", "city"),
            ("site_web", "website"),
        ]


class ProjectParams(ThemedParams):
    lab: str = LAB
    status: choice(ProjectStatus) = Field(None, description="État du projet")


class ProjectRecord(PageRecord):
    status: choice(ProjectStatus)
    status_label: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    lab: PageRef | None
    methods: list[PageRef]


class ProjectSource(PageSource):
    name = "projects"
    title = "Projets"
    description = "Les projets des labs : état, période, méthodes employées."
    params = ProjectParams
    record = ProjectRecord
    index_model = LabIndexPage
    listing_method = "projects"
    exported = True

    def record_model(self):
        from labs.models import ProjectPage

        return ProjectPage

    equal_to = {"status": "status"}

    def filter(self, items, params):
        items = super().filter(items, params)
        return items.child_of(public_lab(params.lab)) if params.lab else items

    def records(self, items, request):
        items = list(items)
        visibility = Visibility(request)
        parent_paths = {page.path[: -page.steplen] for page in items}
        labs = {lab.path: lab for lab in LabPage.objects.filter(path__in=parent_paths)}
        from methods.models import ProjectMethod

        methods = {}
        for link in ProjectMethod.objects.filter(project__in=items).select_related("method").order_by("sort_order"):
            methods.setdefault(link.project_id, []).append(link.method)
        return [
            {
                **self.page_record(page, request),
                "status": page.status,
                "status_label": str(page.get_status_display()),
                "start_date": page.start_date,
                "end_date": page.end_date,
                "lab": visibility.ref(labs.get(page.path[: -page.steplen])),
                "methods": visibility.refs(methods.get(page.pk, [])),
            }
            for page in items
        ]

    def csv_columns(self):
        return super().csv_columns() + [
            ("etat", "status_label"),
            ("debut", or_empty("start_date")),
            ("fin", or_empty("end_date")),
            ("lab", title_of("lab")),
            ("methodes", joined("methods", "title")),
        ]


# Curricula, manifestos, session reports.


class Module(Schema):
    title: str
    duration_hours: Decimal | None
    methods: list[PageRef]


class CurriculumRecord(PageRecord):
    audience: str
    total_duration_hours: Decimal
    modules: list[Module]


class CurriculumSource(PageSource):
    name = "curricula"
    title = "Parcours de formation"
    description = "Les parcours de formation, module par module, avec les méthodes enseignées."
    params = ThemedParams
    record = CurriculumRecord
    index_model = CurriculumIndexPage
    listing_method = "curricula"

    def listing(self):
        return super().listing().defer(None)

    def record_of(self, page, request, visibility):
        return {
            **self.page_record(page, request),
            "audience": page.audience,
            "total_duration_hours": page.total_duration_hours,
            "modules": [
                {
                    "title": module.value["title"],
                    "duration_hours": module.value["duration_hours"],
                    "methods": visibility.refs(module.value["methods"]),
                }
                for module in page.modules
            ],
        }


class ManifestoRecord(PageRecord):
    published_on: datetime.date | None
    version: str
    signatories: list[PageRef]


class ManifestoSource(PageSource):
    name = "manifestos"
    title = "Manifestes"
    description = "Les manifestes du réseau et les labs qui les ont signés."
    params = ThemedParams
    record = ManifestoRecord
    index_model = ManifestoIndexPage
    listing_method = "manifestos"

    def records(self, items, request):
        items = list(items.prefetch_related("signatories__lab"))
        visibility = Visibility(request)
        return [
            {
                **self.page_record(page, request),
                "published_on": page.published_on,
                "version": page.version,
                "signatories": visibility.refs(signature.lab for signature in page.signatories.all()),
            }
            for page in items
        ]


class SessionReportParams(ThemedParams):
    date_from: datetime.date = Field(None, description="Sessions à partir de cette date (AAAA-MM-JJ)")
    date_to: datetime.date = Field(None, description="Sessions jusqu'à cette date (AAAA-MM-JJ)")


class RoadmapAction(Schema):
    title: str
    description: str
    horizon: choice(Horizon)
    horizon_label: str
    scope: choice(Scope)
    scope_label: str
    status: choice(ActionStatus)
    status_label: str
    owner_labs: list[PageRef]


class SessionReportRecord(PageRecord):
    number: int
    date: datetime.date
    place: str
    host: str
    roadmap: list[RoadmapAction]


def roadmap_actions(report, visibility):
    """The roadmap of a report as records, owner labs limited to the public ones."""
    return [
        {
            "title": action["title"],
            "description": action["description"],
            "horizon": action["horizon"],
            "horizon_label": str(Horizon(action["horizon"]).label),
            "scope": action["scope"],
            "scope_label": str(Scope(action["scope"]).label),
            "status": action["status"],
            "status_label": str(ActionStatus(action["status"]).label),
            "owner_labs": visibility.refs(action["owner_labs"]),
        }
        for action in (block.value for block in report.roadmap)
    ]


class SessionReportSource(PageSource):
    name = "session-reports"
    title = "Comptes rendus des sessions"
    description = "Les comptes rendus des ateliers Entrelabs, avec leur feuille de route."
    params = SessionReportParams
    record = SessionReportRecord
    index_model = SessionReportIndexPage
    listing_method = "reports"

    def listing(self):
        return super().listing().defer(None)

    dated_by = ("date__gte", "date__lte")

    def record_of(self, page, request, visibility):
        return {
            **self.page_record(page, request),
            "number": page.number,
            "date": page.date,
            "place": page.place,
            "host": page.host,
            "roadmap": roadmap_actions(page, visibility),
        }


# Events and news.


class DatedParams(ThemedParams):
    date_from: datetime.date = Field(None, description="À partir de cette date (AAAA-MM-JJ)")
    date_to: datetime.date = Field(None, description="Jusqu'à cette date (AAAA-MM-JJ)")
    lab: str = LAB


def public_lab(slug):
    """The public lab of a slug, or a 400 naming the parameter."""
    lab = SOURCES["labs"].listing().filter(slug=slug).first()
    if lab is None:
        raise BadParameter("lab", f"Lab inconnu : « {slug} ».")
    return lab


class EventRecord(PageRecord):
    start: datetime.datetime
    end: datetime.datetime
    time_zone: str
    place: str
    address: str
    online_url: str
    registration_url: str
    organisers: list[PageRef]
    session_report: PageRef | None


class EventSource(PageSource):
    name = "events"
    title = "Agenda"
    description = "Les événements du réseau : dates, lieu ou lien en ligne, labs organisateurs."
    params = DatedParams
    record = EventRecord
    index_model = AgendaPage
    listing_method = "events"

    def listing(self):
        return super().listing().order_by("start", "title", "pk")

    dated_by = ("end__date__gte", "start__date__lte")  # the events under way in those days

    def filter(self, items, params):
        items = super().filter(items, params)
        return items.filter(organisers=public_lab(params.lab)) if params.lab else items

    def record_of(self, page, request, visibility):
        return {
            **self.page_record(page, request),
            "start": page.start,
            "end": page.end,
            "time_zone": page.time_zone,
            "place": page.place,
            "address": page.address,
            "online_url": page.online_url,
            "registration_url": page.registration_url,
            "organisers": [visibility.ref(lab) for lab in page.organiser_labs()],
            "session_report": visibility.ref(page.visible_session_report()),
        }


class NewsRecord(PageRecord):
    date: datetime.date
    lab: PageRef | None


class NewsSource(PageSource):
    name = "news"
    title = "Actualités"
    description = "Les actualités des labs, datées."
    params = DatedParams
    record = NewsRecord
    index_model = NewsIndexPage

    def record_model(self):
        return NewsPage

    def listing(self):
        # News items live under their labs: the news index lists them all (``public_news()``).
        return stable(public_news()).prefetch_related("themes", "tags")

    dated_by = ("date__gte", "date__lte")

    def filter(self, items, params):
        items = super().filter(items, params)
        return items.child_of(public_lab(params.lab)) if params.lab else items

    def records(self, items, request):
        visibility = Visibility(request)
        return [
            {**self.page_record(page, request), "date": page.date, "lab": visibility.ref(page.lab)}
            for page in with_labs(items)
        ]


# Roadmap actions: rows of the session reports' roadmaps, not pages.


class RoadmapActionParams(ListParams):
    session: int = Field(None, ge=1, le=32767, description="Numéro de la session")
    horizon: choice(Horizon) = None
    scope: choice(Scope) = None
    status: choice(ActionStatus) = None
    lab: str = LAB


class RoadmapActionRecord(RoadmapAction):
    session: int
    session_title: str
    session_url: str


class RoadmapActionSource(Source):
    name = "roadmap-actions"
    title = "Actions des feuilles de route"
    description = "Les actions décidées en session : horizon, périmètre, état et labs porteurs."
    params = RoadmapActionParams
    record = RoadmapActionRecord
    exported = True

    @cached_property
    def reports(self):
        return SOURCES["session-reports"]

    def listing(self):
        return self.reports.listing()

    def landing_page(self):
        return self.reports.landing_page()

    def last_modified(self):
        return self.reports.last_modified()

    def results(self, params, request, window=None):
        # The filters read the actions' own values: the records are built first, then chosen.
        visibility = Visibility(request)
        if params.lab and not SOURCES["labs"].listing().filter(slug=params.lab).exists():
            raise BadParameter("lab", f"Lab inconnu : « {params.lab} ».")
        reports = self.listing()
        if params.session:
            reports = reports.filter(number=params.session)
        words = (params.q or "").lower().split()
        rows = [
            {
                **action,
                "session": report.number,
                "session_title": report.title,
                "session_url": report.get_full_url(request),
            }
            for report in reports
            for action in roadmap_actions(report, visibility)
            if self.matches(action, params, words)
        ]
        if window is not None:
            return len(rows), rows[window[0] : window[1]]
        return len(rows), rows

    @staticmethod
    def matches(action, params, words):
        text = f"{action['title']} {action['description']}".lower()
        return (
            all(
                not getattr(params, key) or action[key] == getattr(params, key)
                for key in ("horizon", "scope", "status")
            )
            and (not params.lab or params.lab in {lab["slug"] for lab in action["owner_labs"]})
            and all(word in text for word in words)
        )

    def csv_columns(self):
        return [
            ("session", "session"),
            ("session_titre", "session_title"),
            ("session_url", "session_url"),
            ("action", "title"),
            ("description", "description"),
            ("horizon", "horizon_label"),
            ("perimetre", "scope_label"),
            ("etat", "status_label"),
            ("labs_porteurs", joined("owner_labs", "title")),
        ]


# Map actors: reviewed snippets, not pages.


class ActorParams(ListParams):
    kind: str = Field(None, pattern=SLUG_PATTERN, max_length=100, description="Type d'acteur (slug)")
    region: str = Field(None, pattern=r"^[0-9A-Za-z]{1,3}$", description="Code INSEE de la région")
    departement: str = Field(None, pattern=r"^[0-9A-Za-z]{1,3}$", description="Code du département")
    theme: str = THEME


class ActorRecord(Schema):
    id: int
    name: str
    kind: str
    kind_label: str
    region: str
    region_label: str
    departement: str
    address: str
    latitude: float | None
    longitude: float | None
    website: str
    description: str
    themes: list[ThemeRef]
    lab: PageRef | None


class ActorSource(Source):
    name = "actors"
    title = "Acteurs de la carte de l'écosystème"
    description = "Les acteurs de l'écosystème relus par les communicants : type, territoire, coordonnées, site."
    params = ActorParams
    record = ActorRecord
    exported = True

    def listing(self):
        return public_actors().prefetch_related("themes")

    def filter(self, items, params):
        from ecosystem.forms import ActorFilterForm

        # The map's own filter form: the same validation and the same filters as the public page.
        data = {key: getattr(params, key) or "" for key in ("kind", "region", "departement", "theme")}
        form = ActorFilterForm(data)
        if not form.is_valid():
            parameter, errors = next(iter(form.errors.items()))
            raise BadParameter(parameter, errors[0])
        return form.apply(items)

    def landing_page(self):
        return live_index(EcosystemMapPage)

    def records(self, items, request):
        visibility = Visibility(request)
        return [
            {
                "id": actor.pk,
                "name": actor.name,
                "kind": actor.kind.slug,
                "kind_label": actor.kind.name,
                "region": actor.region,
                "region_label": actor.region_label,
                "departement": actor.departement,
                "address": actor.address,
                "latitude": None if actor.latitude is None else float(actor.latitude),
                "longitude": None if actor.longitude is None else float(actor.longitude),
                "website": actor.website,
                "description": actor.description,
                "themes": [{"slug": theme.slug, "name": theme.name} for theme in actor.themes.all()],
                "lab": visibility.ref(actor.lab),
            }
            for actor in items
        ]

    def csv_columns(self):
        return [
            ("id", "id"),
            ("nom", "name"),
            ("type", "kind_label"),
            ("region", "region_label"),
            ("departement", "departement"),
            ("adresse", "address"),
            ("latitude", or_empty("latitude")),
            ("longitude", or_empty("longitude")),
            ("site_web", "website"),
            ("description", "description"),
            ("themes", joined("themes", "name")),
            ("lab", title_of("lab")),
        ]


# Themes.


class ThemeRecord(Schema):
    slug: str
    name: str
    description: str
    url: str


class ThemeSource(Source):
    name = "themes"
    title = "Thèmes"
    description = "Le vocabulaire des thèmes du réseau."
    record = ThemeRecord

    def listing(self):
        return Theme.objects.order_by("name", "pk")

    def records(self, items, request):
        from django.utils.encoding import iri_to_uri

        root = request.build_absolute_uri("/").rstrip("/") if request else ""
        return [
            {
                "slug": theme.slug,
                "name": theme.name,
                "description": theme.description,
                "url": root + iri_to_uri(theme.get_absolute_url()),
            }
            for theme in items
        ]

    def csv_columns(self):
        return [("slug", "slug"), ("nom", "name"), ("url", "url")]


SOURCES = {
    source.name: source
    for source in (
        MethodSource(),
        LabSource(),
        ProjectSource(),
        CurriculumSource(),
        ManifestoSource(),
        SessionReportSource(),
        RoadmapActionSource(),
        EventSource(),
        NewsSource(),
        ActorSource(),
        ThemeSource(),
    )
}
