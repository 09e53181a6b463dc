"""JSON-LD on every page, read as a search engine does: extracted with extruct, expanded with
pyld, then checked for the properties each schema.org type requires."""

import extruct
import pytest
from pyld import jsonld

from tests.open_data import network_once

SCHEMA = "https://schema.org/"
# The part of the schema.org context these documents use (every term in its vocabulary); served
# locally: the tests call no outside host.
SCHEMA_CONTEXT = {"@context": {"@vocab": SCHEMA}}


def local_loader(url, options=None):
    assert url.rstrip("/") == SCHEMA.rstrip("/"), url
    return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_CONTEXT}


@pytest.fixture(scope="module")
def network(django_db_setup, django_db_blocker):
    yield from network_once(django_db_blocker)


def nodes(client, url):
    """The page's JSON-LD nodes, expanded, by type: {"HowTo": [node...], ...}."""
    response = client.get(url)
    assert response.status_code == 200
    documents = extruct.extract(response.content.decode(), base_url=f"http://localhost{url}", syntaxes=["json-ld"])
    assert len(documents["json-ld"]) == 1
    expanded = jsonld.flatten(documents["json-ld"][0], None, {"documentLoader": local_loader})
    by_type = {}
    for node in expanded:
        for kind in node.get("@type", []):
            by_type.setdefault(kind.removeprefix(SCHEMA), []).append(node)
    return by_type, {node["@id"]: node for node in expanded}


def value(node, name):
    values = node.get(SCHEMA + name, [])
    return [item.get("@value", item.get("@id")) for item in values]


def linked(node, name, index):
    return [index[item["@id"]] for item in node.get(SCHEMA + name, [])]


def breadcrumb_names(by_type, index):
    (trail,) = by_type["BreadcrumbList"]
    items = sorted(linked(trail, "itemListElement", index), key=lambda item: value(item, "position"))
    assert [value(item, "position")[0] for item in items] == list(range(1, len(items) + 1))
    return [(value(item, "name")[0], value(item, "item")[0]) for item in items]


def test_method_is_a_how_to(client, network, db):
    by_type, index = nodes(client, "/methodes/immersion/")
    (how_to,) = by_type["HowTo"]
    assert value(how_to, "name") == ["Immersion"]
    assert value(how_to, "totalTime") == ["P2D"]
    steps = sorted(linked(how_to, "step", index), key=lambda step: value(step, "position"))
    assert [(value(step, "name")[0], value(step, "text")[0]) for step in steps] == [
        ("Préparer", "Choisir les lieux et obtenir les accords."),
        ("Observer", "Noter ce que font les usagers & les agents."),
    ]
    assert sorted(value(tool, "name")[0] for tool in linked(how_to, "tool", index)) == ["Appareil photo", "Carnet"]
    (author,) = linked(how_to, "author", index)
    assert value(author, "name") == ["Ville de Paris"]
    assert breadcrumb_names(by_type, index) == [
        ("Entrelabs", "http://localhost/"),
        ("Méthodes", "http://localhost/methodes/"),
        ("Immersion", "http://localhost/methodes/immersion/"),
    ]


def test_a_restricted_author_lab_is_not_named(client, network, db):
    by_type, index = nodes(client, "/methodes/prototypage-rapide/")
    assert SCHEMA + "author" not in by_type["HowTo"][0]
    assert "Lab réservé" not in str(index)


def test_curriculum_is_a_course(client, network, db):
    by_type, index = nodes(client, "/formations/design-des-politiques-publiques/")
    (course,) = by_type["Course"]
    assert value(course, "name") == ["Se former au design des politiques publiques"]
    assert value(course, "description") == ["Un parcours de formation."]
    assert value(course, "timeRequired") == ["PT7H30M"]
    (provider,) = linked(course, "provider", index)
    assert value(provider, "name") == ["Entrelabs"]


def test_session_report_is_an_event(client, network, db):
    by_type, index = nodes(client, "/comptes-rendus/entrelabs-1/")
    (event,) = by_type["Event"]
    assert value(event, "name") == ["Entrelabs #1"]
    assert value(event, "startDate") == ["2015-04-13"]
    (place,) = linked(event, "location", index)
    assert value(place, "name") == ["Paris"] and value(place, "address") == ["Paris"]
    (organizer,) = linked(event, "organizer", index)
    assert value(organizer, "name") == ["Futurs Publics (SGMAP)"]


def test_event_is_an_event(client, network, db):
    by_type, index = nodes(client, "/agenda/immersion-en-design-public/")
    (event,) = by_type["Event"]
    assert value(event, "name") == ["Immersion en design public"]
    assert value(event, "startDate") == ["2015-06-18T07:30:00+00:00"]
    assert value(event, "endDate") == ["2015-06-19T15:00:00+00:00"]
    assert value(event, "eventAttendanceMode") == ["https://schema.org/OfflineEventAttendanceMode"]
    (place,) = linked(event, "location", index)
    assert value(place, "name") == ["Paris"]
    assert [value(lab, "name") for lab in linked(event, "organizer", index)] == [["Ville de Paris"]]


def test_news_is_a_news_article(client, network, db):
    by_type, index = nodes(client, "/labs/paris/reenchantez-lance/")
    (news,) = by_type["NewsArticle"]
    assert value(news, "headline") == ["Réenchantez est lancé"]
    assert value(news, "datePublished") == ["2015-05-01"]
    assert linked(news, "publisher", index)


def test_lab_is_an_organization(client, network, db):
    by_type, index = nodes(client, "/labs/paris/")
    lab = next(node for node in by_type["Organization"] if value(node, "name") == ["Ville de Paris"])
    assert value(lab, "url") == ["http://localhost/labs/paris/"]
    (address,) = linked(lab, "address", index)
    assert value(address, "addressLocality") == ["Paris"] and value(address, "addressRegion") == ["Île-de-France"]
    (parent,) = linked(lab, "parentOrganization", index)
    assert value(parent, "name") == ["Ville de Paris"]


def test_manifesto_is_an_article(client, network, db):
    by_type, index = nodes(client, "/manifestes/manifeste/")
    (article,) = by_type["Article"]
    assert value(article, "headline") == ["Manifeste des collectivités ingénieuses"]
    assert linked(article, "publisher", index)


@pytest.mark.parametrize(
    ("url", "trail"),
    [
        ("/", [("Entrelabs", "http://localhost/")]),
        ("/labs/paris/reenchantez/", [("Entrelabs", "http://localhost/"), ("Les labs", "http://localhost/labs/"),
                                      ("Ville de Paris", "http://localhost/labs/paris/"),
                                      ("Réenchantez", "http://localhost/labs/paris/reenchantez/")]),
        ("/themes/inclusion/", [("Entrelabs", "http://localhost/"), ("Thèmes", "http://localhost/themes/"),
                                ("Inclusion", "http://localhost/themes/inclusion/")]),
        ("/api/docs/", [("Entrelabs", "http://localhost/"), ("API", "http://localhost/api/docs/")]),
    ],
)  # fmt: skip
def test_breadcrumbs_everywhere(client, network, db, url, trail):
    by_type, index = nodes(client, url)
    assert breadcrumb_names(by_type, index) == trail
    assert by_type.get("WebPage") or len(by_type) > 1
