"""The agenda: events in their time zone, upcoming first, as iCalendar, with bad input refused."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from events.models import AgendaPage, EventPage
from home.models import HomePage
from tests import factories as f
from tests import network_factories as nf
from tests.test_pages_queries import assert_bounded
from tests.translations import translate

PARIS = ZoneInfo("Europe/Paris")
MARTINIQUE = ZoneInfo("America/Martinique")


def event_form(**overrides):
    data = {
        "title": "Immersion dans le design public",
        "slug": "immersion-design-public",
        "summary": "Le deuxième atelier Entrelabs.",
        "start": "2099-06-18 09:30",
        "end": "2099-06-19 12:30",
        "time_zone": "Europe/Paris",
        "place": "Paris",
        "address": "",
        "online_url": "",
        "registration_url": "https://example.org/inscription",
        "body": streamfield([("paragraph", rich_text("<p>Deux jours pour pratiquer l'immersion.</p>"))]),
        "tags": "atelier",
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return data


class TestEventAdmin(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = HomePage.objects.get()
        self.agenda = nf.AgendaPageFactory(parent=self.home)
        self.lab = f.LabPageFactory(parent=f.LabIndexPageFactory(parent=self.home), title="La 27e Région")

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(AgendaPage, {HomePage})
        self.assertAllowedSubpageTypes(AgendaPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {AgendaPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertFalse(AgendaPage.can_create_at(self.home))  # one agenda

    def test_create_agenda(self):
        self.agenda.delete()
        self.assertCanCreate(
            self.home,
            AgendaPage,
            nested_form_data(
                {"title": "Agenda", "slug": "agenda", "introduction": rich_text("<p>Les rendez-vous.</p>")}
            ),
        )
        assert "Les rendez-vous." in Client().get("/agenda/").content.decode()

    def test_create_event_in_its_time_zone(self):
        data = nested_form_data(event_form(time_zone="America/Martinique"))
        data["organisers"] = [self.lab.pk]
        self.assertCanCreate(self.agenda, EventPage, data)
        event = EventPage.objects.get(slug="immersion-design-public")
        assert event.start == datetime.datetime(2099, 6, 18, 9, 30, tzinfo=MARTINIQUE)
        assert event.end == datetime.datetime(2099, 6, 19, 12, 30, tzinfo=MARTINIQUE)
        assert list(event.organisers.all()) == [self.lab]
        # The edit form shows the times as typed, in the event's zone.
        html = self.client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
        assert 'value="2099-06-18 09:30"' in html
        html = Client().get(event.url).content.decode()
        assert "18 juin 2099, 09:30 – 19 juin 2099, 12:30" in html and "Martinique" in html
        assert 'href="/labs/la-27e-region/">La 27e Région</a>' in html
        assert "Deux jours pour pratiquer" in html
        assert 'href="https://example.org/inscription"' in html

    def test_end_before_start_is_a_form_error_that_keeps_what_was_typed(self):
        data = nested_form_data(event_form(start="2099-06-19 09:00", end="2099-06-18 09:00"))
        response = self.client.post(f"/admin/pages/add/events/eventpage/{self.agenda.pk}/", data)
        self.assertEqual(response.status_code, 200)
        assert response.context["form"].errors["end"] == ["L’événement ne peut pas finir avant de commencer."]
        html = response.content.decode()
        assert 'value="2099-06-19 09:00"' in html and "Immersion dans le design public" in html
        self.assertFalse(EventPage.objects.exists())

    def test_place_or_online_link_is_required(self):
        data = nested_form_data(event_form(place=""))
        response = self.client.post(f"/admin/pages/add/events/eventpage/{self.agenda.pk}/", data)
        self.assertEqual(response.status_code, 200)
        assert "place" in response.context["form"].errors
        data = nested_form_data(event_form(place="", online_url="https://visio.example.org/atelier"))
        self.assertCanCreate(self.agenda, EventPage, data)
        html = Client().get(EventPage.objects.get().url).content.decode()
        assert 'href="https://visio.example.org/atelier"' in html

    def test_bad_dates_and_long_address_are_form_errors(self):
        data = nested_form_data(event_form(start="18/06/20999", address="x" * 10_000))
        response = self.client.post(f"/admin/pages/add/events/eventpage/{self.agenda.pk}/", data)
        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].errors
        assert "start" in errors and "address" in errors
        assert "x" * 10_000 in response.content.decode()  # nothing typed is lost


@pytest.fixture
def agenda(home_page):
    return nf.AgendaPageFactory(parent=home_page)


def now_plus(days):
    return datetime.datetime.now(tz=PARIS) + datetime.timedelta(days=days)


def test_agenda_lists_upcoming_first_then_past(client, agenda):
    nf.EventPageFactory(parent=agenda, title="Passé ancien", start=now_plus(-400))
    nf.EventPageFactory(parent=agenda, title="Passé récent", start=now_plus(-10))
    nf.EventPageFactory(parent=agenda, title="Bientôt", start=now_plus(3))
    nf.EventPageFactory(parent=agenda, title="Plus tard", start=now_plus(60))
    draft = nf.EventPageFactory(parent=agenda, title="Brouillon", start=now_plus(5))
    draft.unpublish()
    html = client.get("/agenda/").content.decode()
    positions = [html.index(title) for title in ("Bientôt", "Plus tard", "Passé récent", "Passé ancien")]
    assert positions == sorted(positions)
    assert html.index("Événements à venir") < html.index("Bientôt") < html.index("Événements passés")
    assert "Brouillon" not in html


def test_agenda_cards_show_the_date_and_the_call_to_register_while_the_event_is_to_come(client, agenda):
    from bs4 import BeautifulSoup

    start = datetime.datetime(2099, 7, 14, 9, 30, tzinfo=PARIS)
    nf.EventPageFactory(parent=agenda, title="Bientôt", start=start, registration_url="https://example.org/inscription")
    nf.EventPageFactory(parent=agenda, title="Passé", start=now_plus(-10), registration_url="https://example.org/old")
    soup = BeautifulSoup(client.get("/agenda/").content, "html.parser")
    coming = soup.find("a", string="Bientôt").find_parent("article")
    leaf = coming.find(class_="date-tile")
    assert leaf["aria-hidden"] == "true" and " ".join(leaf.get_text(" ").split()) == "14 juil. 2099"
    assert "14 juillet 2099, 09:30" in coming.find(class_="card__details").get_text()
    register = coming.find("a", class_="button")
    assert register["href"] == "https://example.org/inscription"
    assert " ".join(register.get_text(" ").split()) == "S’inscrire : Bientôt"
    past = soup.find("a", string="Passé").find_parent("article")
    assert "card--past" in past["class"] and not past.find("a", class_="button")


def test_home_page_shows_the_next_event(client, agenda):
    nf.EventPageFactory(parent=agenda, title="Passé", start=now_plus(-10))
    nf.EventPageFactory(parent=agenda, title="Le prochain", start=now_plus(2))
    nf.EventPageFactory(parent=agenda, title="Le suivant", start=now_plus(20))
    html = client.get("/").content.decode()
    assert "Prochain événement" in html and "Le prochain" in html
    assert "Le suivant" not in html and "Passé" not in html


def test_event_ics_is_rfc5545_in_the_event_time_zone(client, agenda):
    event = nf.EventPageFactory(
        parent=agenda,
        title="Semaine de l'innovation publique",
        start=datetime.datetime(2099, 10, 12, 9, 0, tzinfo=PARIS),
        end=datetime.datetime(2099, 10, 18, 18, 0, tzinfo=PARIS),
        place="Partout en France",
    )
    response = client.get(event.url + "ical/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    (vevent,) = calendar.events
    assert vevent["SUMMARY"] == "Semaine de l'innovation publique"
    assert vevent.start == datetime.datetime(2099, 10, 12, 9, 0, tzinfo=PARIS)
    assert vevent.start.tzinfo.key == "Europe/Paris"
    assert vevent.end == datetime.datetime(2099, 10, 18, 18, 0, tzinfo=PARIS)
    assert vevent["LOCATION"] == "Partout en France"
    assert vevent["URL"] == "http://localhost" + event.url
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert 'href="' + event.url + 'ical/"' in client.get(event.url).content.decode()


def test_agenda_ics_holds_the_public_events_only(client, agenda):
    nf.EventPageFactory(parent=agenda, title="Public")
    nf.EventPageFactory(parent=agenda, title="Brouillon").unpublish()
    private = nf.EventPageFactory(parent=agenda, title="Réservé")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/agenda/ical/")
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    assert [str(event["SUMMARY"]) for event in calendar.events] == ["Public"]


def test_ics_of_an_unpublished_or_private_event_is_not_served(client, agenda):
    draft = nf.EventPageFactory(parent=agenda, slug="brouillon")
    draft.unpublish()
    assert client.get("/agenda/brouillon/ical/").status_code == 404
    assert client.get("/agenda/n-existe-pas/ical/").status_code == 404
    private = nf.EventPageFactory(parent=agenda, slug="reserve")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/agenda/reserve/ical/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_session_report_shows_its_event(client, home_page, agenda):
    report = f.SessionReportPageFactory(parent=f.SessionReportIndexPageFactory(parent=home_page), title="Entrelabs #1")
    event = nf.EventPageFactory(parent=agenda, title="Atelier Entrelabs #1", session_report=report)
    html = client.get(report.url).content.decode()
    assert f'href="{event.url}">Atelier Entrelabs #1</a>' in html
    assert f'href="{report.url}">Entrelabs #1</a>' in client.get(event.url).content.decode()
    event.unpublish()
    assert "Atelier Entrelabs #1" not in client.get(report.url).content.decode()


def test_organisers_shown_are_the_public_labs(client, home_page, agenda):
    labs = f.LabIndexPageFactory(parent=home_page)
    public, draft = f.LabPageFactory(parent=labs, title="Lab public"), f.LabPageFactory(parent=labs, title="Lab caché")
    draft.unpublish()
    event = nf.EventPageFactory(parent=agenda, title="Co-organisé")
    event.organisers.add(public, draft)
    event.save()
    for url in (event.url, agenda.url):
        html = client.get(url).content.decode()
        assert "Lab public" in html and "Lab caché" not in html
    # In English: the organiser translated first is linked in English (the copy points to it).
    english_lab = translate(public, title="Public lab")
    english = client.get(translate(event, title="Co-organised").url).content.decode()
    assert f'href="{english_lab.url}"' in english and "Lab caché" not in english


def test_events_are_in_the_sitemap_and_the_search(client, agenda):
    event = nf.EventPageFactory(parent=agenda, title="Rencontre des cartographes", place="Marseille")
    assert "http://localhost" + event.url in client.get("/sitemap.xml").content.decode()
    assert EventPage.objects.live().search("cartographes").count() == 1
    assert EventPage.objects.live().search("Marseille").count() == 1


def test_agenda_and_event_query_counts(client, home_page, agenda):
    labs = f.LabIndexPageFactory(parent=home_page)

    def add(count):
        for n in range(count):
            event = nf.EventPageFactory(parent=agenda, start=now_plus(n - count // 2))
            event.organisers.add(f.LabPageFactory(parent=labs))
            event.save()

    add(3)
    assert_bounded(client, agenda.url, lambda: add(30))
    assert_bounded(client, agenda.url + "ical/", lambda: add(3))
    event = EventPage.objects.first()

    def add_organisers(count):
        event.organisers.add(*[f.LabPageFactory(parent=labs) for _ in range(count)])
        event.save()

    add_organisers(3)
    assert_bounded(client, event.url, lambda: add_organisers(27))


def test_search_offers_the_events_attendance_as_a_facet(client, agenda):
    nf.EventPageFactory(parent=agenda, title="Atelier immersion à Nantes", place="Nantes")
    nf.EventPageFactory(
        parent=agenda, title="Atelier immersion en visio", place="", online_url="https://visio.example/a"
    )
    both = nf.EventPageFactory(
        parent=agenda, title="Atelier immersion hybride", place="Paris", online_url="https://visio.example/b"
    )
    response = client.get(reverse("search"), {"q": "immersion"})
    attendance = next(group for group in response.context["facets"] if group["name"] == "attendance")
    assert attendance["label"] == "Format"
    assert [(o["label"], o["count"]) for o in attendance["options"]] == [
        ("Sur place", 1),
        ("En ligne", 1),
        ("Sur place et en ligne", 1),
    ]
    response = client.get(reverse("search"), {"q": "immersion", "attendance": "online"})
    assert [hit.object.title for hit in response.context["results"].object_list] == ["Atelier immersion en visio"]
    # The attendance follows the place and the link when the event changes.
    both.online_url = ""
    both.save_revision().publish()
    response = client.get(reverse("search"), {"q": "immersion", "attendance": "in_person"})
    assert sorted(hit.object.title for hit in response.context["results"].object_list) == [
        "Atelier immersion hybride",
        "Atelier immersion à Nantes",
    ]
