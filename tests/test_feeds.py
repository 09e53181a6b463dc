"""RSS and Atom feeds, read with feedparser: titles, links, dates, never a private page, and the
<link rel="alternate"> of the pages they follow."""

import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.open_data import network_once


@pytest.fixture(scope="module")
def network(django_db_setup, django_db_blocker):
    yield from network_once(django_db_blocker)


def read(client, url, feed_format):
    response = client.get(url)
    assert response.status_code == 200, url
    expected = "application/rss+xml" if feed_format == "rss" else "application/atom+xml"
    assert response["Content-Type"].startswith(expected)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == ("rss20" if feed_format == "rss" else "atom10")
    return feed


def entry_titles(feed):
    return [entry.title for entry in feed.entries]


@pytest.mark.parametrize("feed_format", ["rss", "atom"])
def test_site_feed(client, network, db, feed_format):
    feed = read(client, f"/flux/site.{feed_format}", feed_format)
    assert feed.feed.title == "Entrelabs · tout le site"
    titles = entry_titles(feed)
    # newest first (the order in which the network was published)
    assert titles[:4] == ["Réenchantez est lancé", "Immersion en design public", "Entrelabs #1", "Prototypage rapide"]
    assert set(titles) >= {"Immersion", "Ville de Paris", "Réenchantez", "Manifeste des collectivités ingénieuses"}
    for title in network["private_titles"]:
        assert title not in titles
    immersion = next(entry for entry in feed.entries if entry.title == "Immersion")
    assert immersion.link == "http://localhost/methodes/immersion/"
    assert immersion.summary == "Passer du temps avec les usagers là où ils vivent le service."
    assert datetime.datetime(*immersion.published_parsed[:6]) == datetime.datetime(2015, 4, 13, 10, 0)
    assert immersion.updated_parsed >= immersion.published_parsed


@pytest.mark.parametrize("feed_format", ["rss", "atom"])
@pytest.mark.parametrize(
    ("url", "title", "expected"),
    [
        ("/flux/methodes", "Entrelabs · méthodes", ["Prototypage rapide", "Immersion"]),
        ("/flux/ateliers", "Entrelabs · comptes rendus des sessions", ["Entrelabs #1"]),
        (
            "/flux/themes/inclusion",
            "Entrelabs · thème « Inclusion »",
            ["Réenchantez est lancé", "Entrelabs #1", "Immersion"],
        ),
        ("/flux/labs/paris", "Entrelabs · Ville de Paris", ["Réenchantez est lancé", "Immersion", "Réenchantez"]),
        ("/flux/agenda", "Entrelabs · agenda", ["Immersion en design public"]),
        ("/flux/actualites", "Entrelabs · actualités", ["Réenchantez est lancé"]),
    ],
)
def test_feeds_per_type_theme_and_lab(client, network, db, feed_format, url, title, expected):
    feed = read(client, f"{url}.{feed_format}", feed_format)
    assert feed.feed.title == title
    assert entry_titles(feed) == expected
    for entry in feed.entries:
        assert entry.link.startswith("http://localhost/")


def test_feeds_of_private_or_unknown_things_are_404(client, network, db):
    assert client.get("/flux/labs/lab-reserve.rss").status_code == 404
    assert client.get("/flux/labs/lab-brouillon.rss").status_code == 404
    assert client.get("/flux/themes/inconnu.atom").status_code == 404
    assert client.get("/flux/site.json").status_code == 404


def alternates(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    # The feeds: the language alternates (hreflang, no type) are tests/test_i18n.py's.
    return [(link["type"], link["href"]) for link in soup.head.find_all("link", rel="alternate", type=True)]


def feeds(path):
    """The RSS and Atom links a page announces for one feed, as ``alternates`` lists them."""
    return [("application/rss+xml", f"/flux/{path}.rss"), ("application/atom+xml", f"/flux/{path}.atom")]


def test_pages_announce_the_feeds_they_follow(client, network, db):
    site = feeds("site")
    assert alternates(client, "/") == site
    assert alternates(client, "/methodes/") == site + feeds("methodes")
    assert alternates(client, "/methodes/immersion/") == site + feeds("methodes")
    assert alternates(client, "/comptes-rendus/entrelabs-1/") == site + feeds("ateliers")
    assert alternates(client, "/labs/paris/") == site + feeds("labs/paris")
    assert alternates(client, "/themes/inclusion/") == site + feeds("themes/inclusion")
    assert alternates(client, "/agenda/immersion-en-design-public/") == site + feeds("agenda")
    assert alternates(client, "/labs/paris/reenchantez-lance/") == site + feeds("actualites")
    for _, href in alternates(client, "/labs/paris/") + alternates(client, "/themes/inclusion/"):
        assert client.get(href).status_code == 200
