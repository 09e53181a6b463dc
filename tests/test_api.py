"""The public API: what it lists (only what a visitor sees), its filters, pagination, search,
errors, the OpenAPI description and the documentation page."""

import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories as f
from tests.open_data import network_once

LISTINGS = [
    "methods", "labs", "projects", "curricula", "manifestos", "session-reports", "roadmap-actions", "events", "news",
    "actors", "themes",
]  # fmt: skip


@pytest.fixture(scope="module")
def network(django_db_setup, django_db_blocker):
    yield from network_once(django_db_blocker)


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def titles(client, url):
    return [item["title"] for item in get_json(client, url)["results"]]


@pytest.mark.parametrize("name", LISTINGS)
def test_listing_shows_nothing_private(client, network, db, name):
    body = client.get(f"/api/{name}/?page_size=100").content.decode()
    for title in network["private_titles"]:
        assert json.dumps(title)[1:-1] not in body, title
    for slug in ["lab-reserve", "lab-brouillon", "methode-reservee", "methode-brouillon", "session-reservee"]:
        assert f"/{slug}/" not in body
    assert "agent.prive@paris.example.org" not in body


def test_each_listing_holds_the_public_items(client, network, db):
    assert titles(client, "/api/methods/") == ["Immersion", "Prototypage rapide"]
    assert titles(client, "/api/labs/") == ["Région Pays de la Loire", "Ville de Paris"]
    assert titles(client, "/api/projects/") == ["Réenchantez", "Cartographie des acteurs"]  # newest first
    assert titles(client, "/api/curricula/") == ["Se former au design des politiques publiques"]
    assert titles(client, "/api/manifestos/") == ["Manifeste des collectivités ingénieuses"]
    assert titles(client, "/api/session-reports/") == ["Entrelabs #1"]
    assert titles(client, "/api/roadmap-actions/") == [
        "Entrelabs",
        "Cadre de formation",
        "Semaine de l'innovation publique",
    ]
    assert [theme["slug"] for theme in get_json(client, "/api/themes/")["results"]] == ["inclusion", "outils"]
    assert titles(client, "/api/events/") == ["Immersion en design public"]
    assert titles(client, "/api/news/") == ["Réenchantez est lancé"]


def test_map_actors_are_the_reviewed_ones(client, network, db):
    actors = get_json(client, "/api/actors/")["results"]
    assert [actor["name"] for actor in actors] == ["PiNG", "Tiers-lieu du lab réservé"]
    ping, other = actors
    assert ping["latitude"] == 47.2184 and ping["region"] == "52" and ping["kind"] == "association"
    assert ping["lab"]["slug"] == "pays-de-la-loire" and ping["themes"] == [{"slug": "outils", "name": "Outils du lab"}]
    assert other["lab"] is None  # added by a restricted lab
    assert [a["name"] for a in get_json(client, "/api/actors/?theme=outils&departement=44")["results"]] == ["PiNG"]
    assert [a["name"] for a in get_json(client, "/api/actors/?q=ping")["results"]] == ["PiNG"]
    error = get_json(client, "/api/actors/?region=99", status=400)
    assert error["errors"][0]["parameter"] == "region"


def test_event_and_news_records(client, network, db):
    event = get_json(client, "/api/events/")["results"][0]
    assert event["start"] == "2015-06-18T07:30:00Z" and event["end"] == "2015-06-19T15:00:00Z"
    assert event["time_zone"] == "Europe/Paris" and event["place"] == "Paris"
    assert [lab["slug"] for lab in event["organisers"]] == ["paris"]  # the restricted organiser is left out
    assert event["session_report"]["url"] == "http://localhost/comptes-rendus/entrelabs-1/"
    news = get_json(client, "/api/news/")["results"][0]
    assert news["date"] == "2015-05-01" and news["lab"]["slug"] == "paris"


def test_method_record(client, network, db):
    immersion = get_json(client, "/api/methods/?q=immersion")["results"][0]
    assert immersion["url"] == "http://localhost/methodes/immersion/"
    assert immersion["phase"] == "discover" and immersion["phase_label"] == "Découvrir"
    assert immersion["materials"] == ["Carnet", "Appareil photo"]
    assert immersion["steps"][1] == {"title": "Observer", "text": "Noter ce que font les usagers & les agents."}
    assert immersion["author_lab"]["slug"] == "paris"
    assert immersion["themes"] == [{"slug": "inclusion", "name": "Inclusion"}]
    assert immersion["first_published_at"] == "2015-04-13T10:00:00Z"


def test_links_to_private_pages_are_left_out(client, network, db):
    prototyping = get_json(client, "/api/methods/?phase=prototype")["results"][0]
    assert prototyping["author_lab"] is None  # its author lab is restricted
    project = get_json(client, "/api/projects/?lab=paris")["results"][0]
    assert [method["slug"] for method in project["methods"]] == ["immersion"]
    modules = get_json(client, "/api/curricula/")["results"][0]["modules"]
    assert [[method["slug"] for method in module["methods"]] for module in modules] == [
        ["immersion"],
        ["prototypage-rapide"],
    ]
    manifesto = get_json(client, "/api/manifestos/")["results"][0]
    assert [lab["slug"] for lab in manifesto["signatories"]] == ["paris"]
    training = get_json(client, "/api/roadmap-actions/?horizon=months")["results"][0]
    assert [lab["slug"] for lab in training["owner_labs"]] == ["pays-de-la-loire"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/api/methods/?phase=prototype", ["Prototypage rapide"]),
        ("/api/methods/?duration=days", ["Immersion"]),
        ("/api/methods/?theme=outils", ["Prototypage rapide"]),
        ("/api/methods/?lab=paris", ["Immersion"]),
        ("/api/methods/?theme=outils&phase=discover", []),
        ("/api/labs/?region=idf", ["Ville de Paris"]),
        ("/api/labs/?kind=region", ["Région Pays de la Loire"]),
        ("/api/projects/?lab=pays-de-la-loire", ["Cartographie des acteurs"]),
        ("/api/projects/?status=finished", []),
        ("/api/session-reports/?date_from=2015-01-01&date_to=2015-12-31", ["Entrelabs #1"]),
        ("/api/session-reports/?date_from=2016-01-01", []),
        ("/api/session-reports/?theme=inclusion", ["Entrelabs #1"]),
        ("/api/roadmap-actions/?status=engaged", ["Entrelabs"]),
        ("/api/roadmap-actions/?lab=paris", ["Entrelabs"]),
        ("/api/roadmap-actions/?scope=authority&session=1", ["Semaine de l'innovation publique"]),
        ("/api/roadmap-actions/?session=2", []),
        ("/api/roadmap-actions/?q=formation", ["Cadre de formation"]),
        ("/api/events/?date_from=2015-06-19&date_to=2015-06-30", ["Immersion en design public"]),
        ("/api/events/?date_from=2016-01-01", []),
        ("/api/events/?lab=paris", ["Immersion en design public"]),
        ("/api/events/?lab=pays-de-la-loire", []),
        ("/api/news/?lab=paris&theme=inclusion", ["Réenchantez est lancé"]),
        ("/api/news/?date_to=2015-04-30", []),
    ],
)
def test_filters_match_the_public_ones(client, network, db, url, expected):
    assert titles(client, url) == expected


def test_full_text_search_goes_through_wagtail_search(client, network, db):
    assert titles(client, "/api/methods/?q=maquette carton") == ["Prototypage rapide"]
    assert titles(client, "/api/methods/?q=service") == ["Immersion", "Prototypage rapide"]
    assert titles(client, "/api/methods/?q=r%C3%A9serv%C3%A9e") == []  # the restricted method matches, unlisted
    assert titles(client, "/api/labs/?q=Paris") == ["Ville de Paris"]
    assert titles(client, "/api/methods/?q=%22*%28NEAR%20OR") == []


def test_pagination_is_stable_and_complete(client, network, db):
    for n in range(7):
        f.MethodPageFactory(parent=network["indexes"]["methods"], title="Même titre", slug=f"meme-titre-{n}")
    first = get_json(client, "/api/methods/?page_size=3&q=titre")
    assert first["count"] == 7 and first["previous"] is None
    assert first["next"] == "http://testserver/api/methods/?page_size=3&q=titre&page=2"
    seen = [item["id"] for item in first["results"]]
    url = first["next"]
    while url:
        page = get_json(client, url)
        seen += [item["id"] for item in page["results"]]
        url = page["next"]
    assert len(seen) == 7 and len(set(seen)) == 7 and seen == sorted(seen)
    assert get_json(client, "/api/methods/?page=9")["results"] == []


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("/api/methods/?phase=nimporte", "phase"),
        ("/api/methods/?theme=inconnu", "theme"),
        ("/api/methods/?theme=%00", "theme"),
        ("/api/methods/?lab=inconnu", "lab"),
        ("/api/methods/?page=abc", "page"),
        ("/api/methods/?page=0", "page"),
        ("/api/methods/?page_size=1000", "page_size"),
        ("/api/labs/?region=zz", "region"),
        ("/api/projects/?lab=lab-reserve", "lab"),
        ("/api/session-reports/?date_from=13/04/2015", "date_from"),
        ("/api/roadmap-actions/?session=x", "session"),
        ("/api/roadmap-actions/?lab=lab-reserve", "lab"),
        ("/api/themes/?q=" + "x" * 201, "q"),
        ("/api/events/?lab=lab-reserve", "lab"),
        ("/api/news/?date_from=hier", "date_from"),
    ],
)
def test_bad_parameters_get_a_400_naming_them(client, network, db, query, parameter):
    error = get_json(client, query, status=400)
    assert [item["parameter"] for item in error["errors"]] == [parameter]
    assert parameter in error["detail"]


def test_query_count_does_not_grow_with_the_items(client, network, db):
    lab = f.LabPageFactory(parent=network["indexes"]["labs"])
    index = network["indexes"]["methods"]
    theme = f.ThemeFactory()

    def queries(url):
        with CaptureQueriesContext(connection) as context:
            client.get(url)
        return len(context)

    def add_items(count):
        for _ in range(count):
            method = f.MethodPageFactory(parent=index, author_lab=lab)
            method.themes.add(theme)
            method.save()
            project = f.ProjectPageFactory(parent=lab)
            f.ProjectMethodFactory(project=project, method=method)

    add_items(3)
    client.get("/api/labs/")  # the first page URL caches the site root paths
    few = {name: queries(f"/api/{name}/?page_size=100") for name in ("methods", "projects", "labs")}
    add_items(27)
    many = {name: queries(f"/api/{name}/?page_size=100") for name in ("methods", "projects", "labs")}
    assert many == few
    assert max(few.values()) <= 12, few


def test_openapi_description(client, network, db):
    schema = get_json(client, "/api/openapi.json")
    assert schema["openapi"].startswith("3.")
    assert sorted(schema["paths"]) == sorted(f"/api/{name}/" for name in LISTINGS)
    methods = schema["paths"]["/api/methods/"]["get"]
    assert {parameter["name"] for parameter in methods["parameters"]} == {
        "lang", "q", "page", "page_size", "theme", "phase", "duration", "lab"
    }  # fmt: skip
    lang = next(parameter for parameter in methods["parameters"] if parameter["name"] == "lang")
    assert lang["schema"]["enum"] == ["fr", "en"] and lang["schema"]["default"] == "fr"
    assert set(methods["responses"]) == {"200", "400", "429"}


def test_documentation_page_loads_nothing_from_outside(client, network, db):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text() == "API Entrelabs"
    documented = [code.get_text() for code in soup.select("section h2 + p > code")]
    assert documented == [f"GET /api/{name}/" for name in LISTINGS]
    for element in soup.find_all(["script", "link", "img", "iframe"]):
        address = element.get("src") or element.get("href") or ""
        assert not address.startswith(("http", "//")) or element.get("rel") in (["canonical"], ["alternate"]), address
    assert "curl 'http://testserver/api/methods/?page_size=5'" in soup.get_text()


def test_api_is_rate_limited_with_retry_after(client, network, db, settings):
    settings.OPEN_DATA_RATE = "2/m"
    assert client.get("/api/themes/").status_code == 200
    assert client.get("/api/methods/?phase=nimporte").status_code == 400  # bad requests count too
    response = client.get("/api/labs/")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response.json() == {
        "detail": f"Trop de requêtes : réessayez dans {response['Retry-After']} s.",
        "errors": [],
    }
    assert client.get("/api/labs/", REMOTE_ADDR="192.0.2.7").status_code == 200
