"""XSS: hostile text in every field an editor can fill comes out inert on every surface.

Every text field of every page type, block, snippet, tag, theme, document and image gets its own
marker followed by the payloads below; the content is published, then every public page, feed,
export, API answer, the search and the admin's listings are parsed (html5lib, JSON, XML) and
checked for what a browser would run: a <script> of ours, an event-handler attribute, a
`javascript:` link, a JSON-LD block that a `<` could close. The markers seen on each surface show
that the payloads did reach it (a check that finds nothing because nothing was rendered would
mean nothing)."""

import json
import re
import xml.etree.ElementTree as ElementTree

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.test import Client
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from ecosystem.models import Actor, ActorKind, EcosystemMapPage
from events.models import EventPage
from home.blocks import RICH_TEXT_FEATURES
from home.models import HomePage
from labs.models import LabPage
from opendata.exports import exported_sources
from opendata.sources import SOURCES
from tests import factories as f
from tests import network_factories as nf
from tests.test_events import event_form

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg onload=alert(1)>",
    "＜script＞alert(1)＜/script＞",  # fullwidth angle brackets
    "\u2028\u2029",  # line and paragraph separators: end a line in JavaScript
    "\u202egnp.exe",  # right-to-left override
    "</title></script><script>alert(1)</script>",
    "{{ 7*7 }}{% now 'Y' %}",
    "'onmouseover='alert(1)",
]
# What a URL field gets: valid for Django's URLValidator, hostile once put in an attribute.
HOSTILE_URL = 'https://example.org/?q="><script>alert(1)</script>'
JAVASCRIPT_URLS = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)"]

FIELDS = []  # the name of each field filled, its marker is f"xm{index:03d}x"


def hostile(field, max_length=None):
    """A marker for the field followed by as many payloads as its length allows."""
    marker = f"xm{len(FIELDS):03d}x "
    FIELDS.append(field)
    text = marker
    for payload in PAYLOADS:
        if max_length is None or len(text + payload) <= max_length:
            text += payload
    return text


def hostile_rich_text(field):
    """Rich text as the admin's editor stores it: the payloads as typed text, and a link whose URL
    is `javascript:` (Draftail's contentstate converted by Wagtail, as the page form does)."""
    text = hostile(field)
    contentstate = {
        "blocks": [
            {
                "key": "k1",
                "type": "unstyled",
                "depth": 0,
                "text": text,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 6, "key": 0}],
            }
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": JAVASCRIPT_URLS[0]}}},
    }
    return ContentstateConverter(features=RICH_TEXT_FEATURES).to_database_format(json.dumps(contentstate))


def page_fields(kind, title_length=255):
    return {
        "title": hostile(f"{kind}.title", title_length),
        "seo_title": hostile(f"{kind}.seo_title"),
        "search_description": hostile(f"{kind}.search_description"),
    }


def base_stream(kind, document, image):
    return [
        {"type": "heading", "value": {"text": hostile(f"{kind}.body.heading"), "level": "h2"}},
        {"type": "paragraph", "value": hostile_rich_text(f"{kind}.body.paragraph")},
        {
            "type": "quote",
            "value": {"text": hostile(f"{kind}.body.quote"), "attribution": hostile(f"{kind}.body.attribution")},
        },
        {"type": "document", "value": {"document": document.pk, "title": hostile(f"{kind}.body.document")}},
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": hostile(f"{kind}.body.image_alt"), "decorative": False},
        },
    ]


def tag(page, kind):
    page.tags.add(hostile(f"{kind}.tag", 100))
    page.save_revision().publish()


def build_hostile_site(home):
    theme = f.ThemeFactory(name=hostile("theme.name", 120), slug="theme-hostile", description=hostile("theme.desc"))
    document = wagtail_factories.DocumentFactory(title=hostile("document.title"))
    image = wagtail_factories.ImageFactory(title=hostile("image.title"))
    home.summary = hostile("home.summary")
    home.introduction = hostile_rich_text("home.introduction")
    home.save_revision().publish()

    def content(kind, factory, parent, **fields):
        page = factory(parent=parent, **page_fields(kind), summary=hostile(f"{kind}.summary"), **fields)
        if hasattr(page, "themes"):
            page.themes.add(theme)
            tag(page, kind)
        return page

    def index(kind, factory):
        return factory(
            parent=home, **page_fields(kind), summary=hostile(f"{kind}.summary"), introduction=hostile_rich_text(kind)
        )

    content("standard", f.StandardPageFactory, home, body=base_stream("standard", document, image))

    labs = index("lab_index", f.LabIndexPageFactory)
    lab = content(
        "lab",
        f.LabPageFactory,
        labs,
        slug="lab-hostile",
        host_organisation=hostile("lab.host_organisation", 200),
        city=hostile("lab.city", 120),
        website=HOSTILE_URL,
        body=base_stream("lab", document, image),
    )
    f.LabTeamMemberFactory(lab=lab, name=hostile("team.name", 150), role=hostile("team.role", 200))
    lab.save_revision().publish()
    project = content("project", f.ProjectPageFactory, lab, body=base_stream("project", document, image))
    f.ProjectIndicatorFactory(project=project, label=hostile("indicator.label", 200), unit=hostile("unit", 40))
    project.save_revision().publish()

    methods = index("method_index", f.MethodIndexPageFactory)
    method = content(
        "method",
        f.MethodPageFactory,
        methods,
        why_use=hostile_rich_text("method.why_use"),
        when_use=hostile_rich_text("method.when_use"),
        duration_detail=hostile("method.duration_detail", 120),
        materials=hostile("method.materials"),
        steps=[f.method_step(hostile("method.step.title"), hostile_rich_text("method.step.text"))],
        tips=hostile_rich_text("method.tips"),
        pitfalls=hostile_rich_text("method.pitfalls"),
        legal_points=hostile_rich_text("method.legal_points"),
    )
    f.ProjectMethodFactory(project=project, method=method)

    curricula = index("curriculum_index", f.CurriculumIndexPageFactory)
    content(
        "curriculum",
        f.CurriculumPageFactory,
        curricula,
        audience=hostile("curriculum.audience"),
        prerequisites=hostile_rich_text("curriculum.prerequisites"),
        learning_outcomes=hostile_rich_text("curriculum.learning_outcomes"),
        modules=[
            f.curriculum_module(
                hostile("curriculum.module.title"), 3, hostile_rich_text("curriculum.module.objectives"), [method]
            )
        ],
    )

    manifestos = index("manifesto_index", f.ManifestoIndexPageFactory)
    manifesto = content(
        "manifesto",
        f.ManifestoPageFactory,
        manifestos,
        version=hostile("manifesto.version", 20),
        body=base_stream("manifesto", document, image),
    )
    f.ManifestoSignatoryFactory(manifesto=manifesto, lab=lab)

    reports = index("report_index", f.SessionReportIndexPageFactory)
    report = content(
        "report",
        f.SessionReportPageFactory,
        reports,
        place=hostile("report.place", 200),
        host=hostile("report.host", 200),
        discussed_themes=[
            f.discussed_theme(
                hostile("report.theme.title"),
                hostile("report.theme.question"),
                hostile_rich_text("report.theme.discussion"),
                [hostile("report.theme.direction")],
            )
        ],
        decisions=hostile_rich_text("report.decisions"),
        roadmap=[
            f.roadmap_action(
                hostile("report.action.title"), owner_labs=[lab], description=hostile("report.action.description")
            )
        ],
        next_session_title=hostile("report.next_title", 200),
        next_session_place=hostile("report.next_place", 200),
        next_session_contact=hostile("report.next_contact", 200),
    )
    f.SessionParticipantFactory(report=report, name=hostile("participant.name", 150), organisation=hostile("org", 200))
    report.save_revision().publish()

    agenda = index("agenda", nf.AgendaPageFactory)
    event = content(
        "event",
        nf.EventPageFactory,
        agenda,
        place=hostile("event.place", 200),
        address=hostile("event.address", 300),
        online_url=HOSTILE_URL,
        registration_url=HOSTILE_URL,
        body=base_stream("event", document, image),
        session_report=report,
    )
    event.organisers.add(lab)
    event.save_revision().publish()

    news = index("news_index", nf.NewsIndexPageFactory)
    content("news", nf.NewsPageFactory, news, body=base_stream("news", document, image))

    index("map", nf.EcosystemMapPageFactory)
    kind = ActorKind.objects.create(name=hostile("actor_kind.name", 80), slug="kind-hostile")
    nf.ActorFactory(
        name=hostile("actor.name", 200),
        kind=kind,
        address=hostile("actor.address", Actor._meta.get_field("address").max_length),
        website=HOSTILE_URL,
        description=hostile("actor.description", Actor._meta.get_field("description").max_length),
        latitude="47.2184",
        longitude="-1.5536",
    )
    return {"lab": lab, "event": event, "theme": theme, "tag": lab.tags.get()}


@pytest.fixture(scope="module")
def hostile_site(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_hostile_site(HomePage.objects.get())
        transaction.set_rollback(True)


# The checks ----------------------------------------------------------------------------------

MARKER = re.compile(r"xm(\d{3})x")
CONTROL = re.compile(r"[\x00-\x20\x7f-\xa0]+")
# <script> elements that hold data (JSON-LD, Wagtail admin's json_script), not code.
DATA_SCRIPTS = {"application/ld+json", "application/json"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}


def markers(text):
    return {FIELDS[int(number)] for number in MARKER.findall(text)}


def executable_parts(html):
    """What a browser would run from the payloads in an HTML document: our scripts, event-handler
    attributes, `javascript:` URLs, JSON-LD that is not data or could close its element."""
    found = []
    soup = BeautifulSoup(html, "html5lib")
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if name.lower().startswith("on"):
                found.append(f"<{element.name} {name}={value!r}>")
            if name.lower() in URL_ATTRIBUTES and CONTROL.sub("", value).lower().startswith("javascript:"):
                found.append(f"<{element.name} {name}={value!r}>")
    for script in soup.find_all("script"):
        text = script.string or ""
        if script.get("type") in DATA_SCRIPTS:
            if "<" in text:
                found.append(f"JSON with a raw '<' in <script>: {text[:80]!r}")
            try:
                json.loads(text)
            except ValueError:
                found.append(f"JSON in <script> cut short: {text[:80]!r}")
        elif "alert(" in text:
            found.append(f"<script>{text[:80]}")
    found += [
        f"<{element.name}> from a payload" for element in soup.find_all(["svg", "img"]) if element.get("src") == "x"
    ]
    return found


def json_strings(data):
    if isinstance(data, dict):
        for value in data.values():
            yield from json_strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from json_strings(value)
    elif isinstance(data, str):
        yield data


def inert_json(text):
    """JSON: valid, so the payloads in it are string data; the strings that are HTML (rich text, as
    an API client would insert it) hold nothing executable. A plain text field starts with its marker."""
    found = []
    for string in json_strings(json.loads(text)):
        if string.lstrip().startswith("<"):
            found += executable_parts(string)
    return found


def inert_feed(text):
    """RSS/Atom: valid XML, and the elements readers render as HTML (RSS description, Atom type="html")
    hold nothing executable once decoded."""
    found = []
    for element in ElementTree.fromstring(text).iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if element.text and (tag == "description" or element.get("type") == "html"):
            found += [f"{tag}: {part}" for part in executable_parts(element.text)]
    return found


def assert_inert(response, url, expected_type):
    assert response.status_code == 200, url
    content_type = response["Content-Type"].split(";")[0]
    assert content_type == expected_type, url
    # No browser may sniff a JSON, CSV or feed answer into HTML.
    assert response["X-Content-Type-Options"] == "nosniff", url
    text = response.content.decode()
    if expected_type == "text/html":
        found = executable_parts(text)
    elif expected_type in ("application/json", "application/geo+json", "application/ld+json"):
        found = inert_json(text)
    elif expected_type in ("application/rss+xml", "application/atom+xml", "application/xml"):
        found = inert_feed(text)
    else:  # CSV and iCalendar are data that no browser runs as served.
        found = []
    assert not found, f"{url}: {found}"
    return markers(text)


def test_the_checker_catches_what_a_browser_would_run():
    assert executable_parts("<p>x</p><script>alert(1)</script>")
    assert executable_parts('<img src=x onerror="alert(1)">')
    assert executable_parts("<svg onload=alert(1)>")
    assert executable_parts('<a href=" java\tscript:alert(1)">x</a>')
    assert executable_parts('<script type="application/ld+json">{"a": "</script><script>alert(1)</script>"}</script>')
    assert executable_parts("<title></title><script>alert(1)</script></title>")
    assert inert_feed(
        "<rss><channel><item><description>&lt;script&gt;alert(1)&lt;/script&gt;</description></item></channel></rss>"
    )
    assert not executable_parts(
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p>"
        '<script type="application/ld+json">{"a": "\\u003C/script\\u003E"}</script>'
    )


def public_surfaces(site):
    pages = [page.url for page in Page.objects.live().public().specific() if page.url]
    event, lab = site["event"], site["lab"]
    surfaces = [(url, "text/html") for url in pages]
    surfaces += [
        ("/themes/", "text/html"),
        (f"/themes/{site['theme'].slug}/", "text/html"),
        (f"/tags/{site['tag'].slug}/", "text/html"),
        ("/recherche/?q=alert", "text/html"),
        ("/recherche/?q=" + PAYLOADS[0], "text/html"),
        ("/recherche/autocomplete/?q=alert", "application/json"),
        ("/carte/geojson/", "application/geo+json"),
        ("/carte/csv/", "text/csv"),
        ("/agenda/ical/", "text/calendar"),
        (event.url + "ical/", "text/calendar"),
        ("/catalogue.jsonld", "application/ld+json"),
    ]
    for kind in ("site", "methodes", "ateliers"):
        surfaces += [(f"/flux/{kind}.rss", "application/rss+xml"), (f"/flux/{kind}.atom", "application/atom+xml")]
    surfaces += [
        (f"/flux/themes/{site['theme'].slug}.rss", "application/rss+xml"),
        (f"/flux/labs/{lab.slug}.atom", "application/atom+xml"),
    ]
    surfaces += [(f"/api/{name}/?page_size=100", "application/json") for name in SOURCES]
    for source in exported_sources():
        surfaces += [(f"/donnees/{source.name}.json", "application/json"), (f"/donnees/{source.name}.csv", "text/csv")]
    return surfaces


def test_public_surfaces_show_the_payloads_inert(hostile_site, db, report_figure):
    client = Client()
    seen = set()
    surfaces = public_surfaces(hostile_site)
    pages = {page.url for page in Page.objects.live().specific()}
    for url, content_type in surfaces:
        response = client.get(url)
        found = assert_inert(response, url, content_type)
        if url in pages:  # each page shows its title: the template syntax in it is text, not evaluated
            assert "{{ 7*7 }}{% now &#x27;Y&#x27; %}" in response.content.decode(), url
        # The DCAT catalogue describes the datasets, not the pages: no editor's text in it.
        assert found or url == "/catalogue.jsonld", f"{url} shows none of the payloads"
        seen |= found
    unseen = set(FIELDS) - seen
    report_figure(
        f"XSS: {len(FIELDS)} fields × {len(PAYLOADS)} payloads, {len(surfaces)} public surfaces, "
        f"unseen: {sorted(unseen)}"
    )
    # Every field an editor fills reaches the public somewhere (if it did not, the check above proved
    # nothing), but an image's title: the public sees its alt text; its title is checked in the admin.
    assert unseen == {"image.title"}


def test_admin_listings_show_the_payloads_inert(hostile_site, db, report_figure):
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("admin-xss", "admin@example.org", "x"))
    parents = Page.objects.filter(depth__gte=2, numchild__gt=0)
    urls = [f"/admin/pages/{page.pk}/" for page in parents] + [
        "/admin/",
        "/admin/pages/search/?q=alert",
        "/admin/snippets/home/theme/",
        "/admin/snippets/ecosystem/actor/",
        "/admin/snippets/ecosystem/actorkind/",
        "/admin/documents/",
        "/admin/images/",
        f"/admin/pages/{hostile_site['lab'].pk}/edit/",
        f"/admin/pages/{hostile_site['event'].pk}/edit/",
    ]
    seen = set()
    for url in urls:
        seen |= assert_inert(client.get(url), url, "text/html")
    assert {"theme.name", "actor.name", "actor_kind.name", "document.title", "image.title", "lab.title"} <= seen
    response = client.get("/admin/tag-autocomplete/?term=xm")
    assert_inert(response, "tag autocomplete", "application/json")
    report_figure(f"XSS: {len(urls) + 1} admin answers checked")


# URL fields: the schemes a browser would run are refused where editors and visitors type them.


@pytest.mark.parametrize("url", JAVASCRIPT_URLS + ["data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)"])
@pytest.mark.parametrize(
    "model, field",
    [
        (LabPage, "website"),
        ("events.EventPage", "online_url"),
        ("events.EventPage", "registration_url"),
        (Actor, "website"),
    ],
)
def test_url_fields_refuse_scripts(model, field, url):
    from django.apps import apps

    model = apps.get_model(model) if isinstance(model, str) else model
    with pytest.raises(ValidationError):
        model._meta.get_field(field).clean(url, None)


URL_REFUSED = "Saisissez une adresse web commençant par https://."


@pytest.fixture
def admin_client(db):
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("admin-url", "admin@example.org", "x"))
    return client


@pytest.mark.parametrize("field", ["registration_url", "online_url"])
def test_admin_refuses_a_javascript_link_on_an_event_and_keeps_what_was_typed(admin_client, home_page, field):
    agenda = nf.AgendaPageFactory(parent=home_page, slug="agenda-url")
    data = nested_form_data(event_form(**{field: "javascript:alert(document.cookie)"}))
    response = admin_client.post(f"/admin/pages/add/events/eventpage/{agenda.pk}/", data)
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [URL_REFUSED]
    assert URL_REFUSED in response.content.decode()
    assert "Immersion dans le design public" in response.content.decode()
    assert not EventPage.objects.filter(title="Immersion dans le design public").exists()


def test_admin_refuses_a_javascript_link_as_a_lab_website(admin_client, home_page):
    index = f.LabIndexPageFactory(parent=home_page, slug="labs-url")
    data = nested_form_data(
        {
            **f.LAB_FORM_FIELDS,
            "website": "JaVaScRiPt:alert(1)",
            "body": streamfield([]),
            "team_members": inline_formset([]),
            "tags": "",
            "action-publish": "action-publish",
        }
    )
    response = admin_client.post(f"/admin/pages/add/labs/labpage/{index.pk}/", data)
    assert response.status_code == 200
    assert response.context["form"].errors["website"] == [URL_REFUSED]
    assert not LabPage.objects.filter(title="La 27e Région").exists()


def test_admin_and_public_form_refuse_a_javascript_link_as_an_actor_website(admin_client, client):
    kind, _ = ActorKind.objects.get_or_create(slug="association", defaults={"name": "Association"})
    data = {
        "name": "Les Beaux Quartiers",
        "kind": str(kind.pk),
        "region": "52",
        "departement": "44",
        "website": "javascript:alert(1)",
        "action-publish": "action-publish",
    }
    response = admin_client.post("/admin/snippets/ecosystem/actor/add/", data)
    assert response.status_code == 200
    assert response.context["form"].errors["website"] == [URL_REFUSED]
    assert 'value="Les Beaux Quartiers"' in response.content.decode()

    if not EcosystemMapPage.objects.exists():
        nf.EcosystemMapPageFactory(parent=HomePage.objects.get())
    data = {
        "name": "La Fabrique du design public",
        "kind": str(kind.pk),
        "region": "52",
        "departement": "44",
        "website": "javascript:alert(1)",
        "description": "Des designers.",
        "contact_email": "designer@example.org",
        "consent": "on",
        "homepage": "",
    }
    response = client.post("/proposer-un-acteur/", data)
    assert response.status_code == 200
    assert URL_REFUSED in response.content.decode()
    assert not Actor.objects.filter(name__in=["Les Beaux Quartiers", "La Fabrique du design public"]).exists()
