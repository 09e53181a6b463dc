"""The demo of the network's life: the seed's events, illustrative news, actors of the seed's territories."""

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Revision

from ecosystem.models import Actor, EcosystemMapPage
from events.models import AgendaPage, EventPage
from news.models import NewsPage
from roadmap.models import RoadmapAction, RoadmapPage


def counts():
    return (
        EventPage.objects.count(),
        NewsPage.objects.count(),
        Actor.objects.count(),
        RoadmapAction.objects.count(),
        Revision.objects.count(),
    )


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", stdout=None)
        first = counts()
        call_command("load_demo_content", stdout=None)
        yield {"first": first, "second": counts()}
        transaction.set_rollback(True)


def test_loading_twice_creates_nothing_more(db, demo):
    assert demo["first"] == demo["second"]
    events, news, actors, follow_ups, _revisions = demo["first"]
    assert (events, news, follow_ups) == (3, 5, 4) and actors >= 30


def test_the_seed_events(db, demo, client):
    workshop = EventPage.objects.get(slug="immersion-in-public-design")
    assert (workshop.local_start.date().isoformat(), workshop.local_end.isoformat()) == (
        "2015-06-18",
        "2015-06-19T12:30:00+02:00",
    )
    week = EventPage.objects.get(slug="semaine-de-l-innovation-publique-2015")
    assert (week.local_start.day, week.local_end.day, week.local_end.month) == (12, 18, 10)
    html = client.get(AgendaPage.objects.get().url).content.decode()
    assert "Immersion in public design" in html and "Semaine de l’innovation publique" in html
    report_html = client.get("/ateliers/entrelabs-1/").content.decode()
    assert 'href="/agenda/entrelabs-1/"' in report_html


def test_the_map_holds_the_seed_territories_and_says_what_is_illustrative(db, demo, client):
    regions = set(Actor.objects.filter(live=True).values_list("region", flat=True))
    assert regions == {"52", "93", "11"}
    assert Actor.objects.filter(description__endswith="Exemple illustratif.").count() >= 20
    assert not Actor.objects.filter(name__contains="ENSCI", description__contains="illustratif").exists()
    html = client.get(EcosystemMapPage.objects.get().url).content.decode()
    assert "ENSCI – Les Ateliers" in html
    assert "Acteurs du territoire" in client.get("/labs/pays-de-la-loire/").content.decode()


def test_every_demo_page_renders(db, demo, client):
    for page in [*EventPage.objects.all(), *NewsPage.objects.all(), EcosystemMapPage.objects.get()]:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title.replace("'", "&#x27;") in response.content.decode()


def test_the_roadmap_follows_the_seed_actions(db, demo, client):
    html = client.get(RoadmapPage.objects.get().url).content.decode()
    assert "Tests de cartographie collaborative des écosystèmes territoriaux" in html
    assert 'href="/carte/">Carte</a>' in html
    assert 'href="/agenda/semaine-de-l-innovation-publique-2015/"' in html
    assert "13 avril 2015</time> : Engagée" in html


def test_an_event_added_to_the_data_file_becomes_a_page(tmp_path, monkeypatch):
    """Adding an event is editing events.yaml: no Python (checked on the specs, without a database)."""
    import shutil

    import yaml

    from demo import content

    data_dir = tmp_path / "data"
    shutil.copytree(content.DATA_DIR, data_dir)
    events = yaml.safe_load((data_dir / "events.yaml").read_text(encoding="utf-8"))
    events["events"].append(
        {
            "slug": "entrelabs-2",
            "title": "Entrelabs #2",
            "summary": "Le deuxième atelier des labs.",
            "start": "2015-11-16 09:30",
            "end": "2015-11-16 17:00",
            "place": "Nantes",
            "organisers": ["pays-de-la-loire"],
            "body": "Le deuxième atelier.",
        }
    )
    (data_dir / "events.yaml").write_text(yaml.safe_dump(events, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(content, "DATA_DIR", data_dir)
    content.read.cache_clear()
    try:
        spec = next(spec for spec in content.page_specs() if spec.slug == "entrelabs-2")
    finally:
        content.read.cache_clear()
    assert spec.parent == "agenda" and spec.fields["title"] == "Entrelabs #2"
    assert spec.fields["start"].isoformat() == "2015-11-16T09:30:00+01:00"
    assert [ref.slug for ref in spec.fields["organisers"]] == ["pays-de-la-loire"]
    assert spec.provenance[0][1] == "seed" and ("start", "illustrative", spec.provenance[1][2]) == spec.provenance[1]
    assert "Horaires illustratifs" in spec.fields["body"][0]["value"]
