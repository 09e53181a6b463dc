"""The API, the exports and the feeds in each language: ``lang=fr`` (the default) serves the French
pages, ``lang=en`` their English translations only (and the feeds under /en/flux/); an unknown
language is a 400 naming ``lang``."""

import csv
import io

import feedparser
import pytest
from django.db import transaction

from home.models import HomePage
from tests.open_data import build_network
from tests.translations import translate

ENGLISH_SUMMARY = "Spending time with users where they live the service."


@pytest.fixture(scope="module")
def network(django_db_setup, django_db_blocker):
    """The open data network, with English translations of a method, a lab, a project and the report."""
    with django_db_blocker.unblock(), transaction.atomic():
        network = build_network(HomePage.objects.get())
        network["english"] = {
            "immersion": translate(network["methods"]["immersion"], summary=ENGLISH_SUMMARY),
            "paris": translate(network["labs"]["paris"], title="City of Paris"),
            "project": translate(network["projects"]["reenchantez"], title="Re-enchant"),
            "report": translate(network["report"], title="Entrelabs #1 (report)"),
        }
        yield network
        transaction.set_rollback(True)


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.content[:300])
    return response.json()


def titles(client, url):
    return [item["title"] for item in get_json(client, url)["results"]]


def test_the_api_serves_french_by_default_and_english_with_lang_en(client, network, db):
    assert titles(client, "/api/methods/") == ["Immersion", "Prototypage rapide"]
    assert titles(client, "/api/methods/?lang=fr") == ["Immersion", "Prototypage rapide"]
    [method] = get_json(client, "/api/methods/?lang=en")["results"]
    english = network["english"]["immersion"]
    assert (method["id"], method["summary"]) == (english.pk, ENGLISH_SUMMARY)
    assert method["url"] == english.get_full_url()
    assert titles(client, "/api/labs/?lang=en") == ["City of Paris"]
    assert titles(client, "/api/labs/") == ["Région Pays de la Loire", "Ville de Paris"]
    assert titles(client, "/api/projects/?lang=en") == ["Re-enchant"]
    assert titles(client, "/api/session-reports/?lang=en") == ["Entrelabs #1 (report)"]
    actions = get_json(client, "/api/roadmap-actions/?lang=en")["results"]
    assert {action["session_title"] for action in actions} == {"Entrelabs #1 (report)"}
    # Nothing of this type is translated: an empty list, not the French one.
    assert get_json(client, "/api/curricula/?lang=en")["count"] == 0
    assert get_json(client, "/api/events/?lang=en")["count"] == 0


def test_an_unknown_language_is_a_400_naming_lang(client, network, db):
    for value in ("de", "EN", "", "en-us"):
        body = get_json(client, f"/api/methods/?lang={value}", status=400)
        assert [error["parameter"] for error in body["errors"]] == ["lang"], value
        assert "lang" in body["detail"]


def test_full_text_search_runs_in_the_language_asked(client, network, db):
    # "living" has the English stem of "live": found by English stemming only.
    assert titles(client, "/api/methods/?lang=en&q=living") == ["Immersion"]
    assert titles(client, "/api/methods/?lang=en&q=spend") == ["Immersion"]
    assert titles(client, "/api/methods/?q=living") == []
    # A word of the French summary finds the French card, not its English translation.
    assert titles(client, "/api/methods/?q=vivent") == ["Immersion"]
    assert titles(client, "/api/methods/?lang=en&q=vivent") == []


def test_filters_hold_in_english(client, network, db):
    # The English card still links the lab it was copied with: the lab filter finds it by either.
    assert titles(client, "/api/methods/?lang=en&lab=paris&phase=discover") == ["Immersion"]
    assert titles(client, "/api/methods/?lang=en&phase=prototype") == []
    assert titles(client, "/api/methods/?lang=en&theme=inclusion") == ["Immersion"]


def csv_rows(response):
    assert response.status_code == 200, response.content[:300]
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_exports_in_each_language(client, network, db):
    response = client.get("/donnees/methods.csv?lang=en")
    assert response["Content-Disposition"] == 'attachment; filename="entrelabs-methods-en.csv"'
    assert [(row["titre"], row["resume"]) for row in csv_rows(response)] == [("Immersion", ENGLISH_SUMMARY)]
    french = client.get("/donnees/methods.csv")
    assert [row["titre"] for row in csv_rows(french)] == ["Immersion", "Prototypage rapide"]
    assert [lab["title"] for lab in client.get("/donnees/labs.json?lang=en").json()] == ["City of Paris"]
    response = client.get("/donnees/methods.json?lang=it")
    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "lang"


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


@pytest.mark.parametrize("feed_format", ["rss", "atom"])
def test_feeds_in_each_language(client, network, db, feed_format):
    english = read(client, f"/en/flux/methodes.{feed_format}")
    assert english.feed.title == "Entrelabs · methods"
    assert english.feed.language == "en"
    assert [(entry.title, entry.link) for entry in english.entries] == [
        ("Immersion", network["english"]["immersion"].get_full_url())
    ]
    site = read(client, f"/en/flux/site.{feed_format}")
    assert {entry.title for entry in site.entries} == {
        "Immersion",
        "City of Paris",
        "Re-enchant",
        "Entrelabs #1 (report)",
    }
    french = read(client, f"/flux/methodes.{feed_format}")
    assert french.feed.title == "Entrelabs · méthodes"
    assert french.feed.language == "fr"
    assert [entry.title for entry in french.entries] == ["Prototypage rapide", "Immersion"]
    lab = read(client, f"/en/flux/labs/paris.{feed_format}")
    assert lab.feed.title == "Entrelabs · City of Paris"
    assert [entry.title for entry in lab.entries] == ["Re-enchant"]
    # The URLs given before the English feeds had their own keep serving English, and name the new ones.
    shared = read(client, f"/flux/methodes.{feed_format}?lang=en")
    assert [entry.title for entry in shared.entries] == ["Immersion"]
    if feed_format == "atom":
        [self_link] = [link.href for link in shared.feed.links if link.rel == "self"]
        assert self_link == "http://testserver/en/flux/methodes.atom"


def test_english_pages_announce_the_english_feeds(client, network, db):
    from bs4 import BeautifulSoup

    response = client.get(network["english"]["immersion"].url)
    head = BeautifulSoup(response.content, "html.parser").head
    feeds = {link["href"]: link["title"] for link in head.find_all("link", rel="alternate", type=True)}
    assert feeds["/en/flux/site.rss"] == "Entrelabs · The whole site (RSS)"
    assert feeds["/en/flux/methodes.atom"] == "Entrelabs · Methods (ATOM)"
    assert all(url.startswith("/en/flux/") for url in feeds), feeds
    for url in feeds:
        assert read(client, url).feed.language == "en"
    french = BeautifulSoup(client.get(network["methods"]["immersion"].url).content, "html.parser").head
    assert french.find("link", type="application/rss+xml", href="/flux/methodes.rss")


def test_a_feed_in_an_unknown_language_is_a_400(client, network, db):
    response = client.get("/flux/site.rss?lang=klingon")
    assert response.status_code == 400
    assert "lang" in response.content.decode()
