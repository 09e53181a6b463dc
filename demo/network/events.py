"""Demo agenda: the events the seed report of Entrelabs #1 names (dates and places from the seed;
the hours are illustrative, the seed gives none)."""

import datetime
from zoneinfo import ZoneInfo

from django.db import transaction
from wagtail.rich_text import RichText

from events.models import AgendaPage, EventPage
from home.models import HomePage
from labs.models import LabPage, SessionReportPage

PARIS = ZoneInfo("Europe/Paris")
ILLUSTRATIVE = "<p><em>Horaires illustratifs : le compte rendu d’Entrelabs #1 ne donne que les dates.</em></p>"

EVENTS = [
    {
        "slug": "entrelabs-1",
        "title": "Entrelabs #1 : le passage à l’échelle des labs",
        "summary": "Le premier atelier des labs d’innovation publique : positionnement, équipes, outils, vision.",
        "start": datetime.datetime(2015, 4, 13, 9, 30, tzinfo=PARIS),
        "end": datetime.datetime(2015, 4, 13, 17, 30, tzinfo=PARIS),
        "place": "Paris",
        "organisers": ["la-27e-region"],
        "report": "entrelabs-1",
        "body": "<p>Douze participants de six labs ont travaillé sur six thèmes et une feuille de route commune.</p>",
    },
    {
        "slug": "immersion-in-public-design",
        "title": "Workshop international « Immersion in public design »",
        "summary": "Le prochain épisode des Entrelabs : un workshop international sur l’immersion en design public.",
        "start": datetime.datetime(2015, 6, 18, 9, 30, tzinfo=PARIS),
        "end": datetime.datetime(2015, 6, 19, 12, 30, tzinfo=PARIS),
        "place": "Paris",
        "organisers": ["la-27e-region", "reacteur-public"],
        "body": (
            "<p>Deux demi-journées et une journée pour penser le « service design » des labs à partir de "
            "l’expérience de ceux qui les utilisent, avec le MindLab danois, dans le cadre des programmes "
            "Re•Acteur public et Design for Europe. Paris, le 18 juin et le 19 juin au matin.</p>"
        ),
        "registration_url": "http://www.reacteurpublic.fr",
    },
    {
        "slug": "semaine-de-l-innovation-publique-2015",
        "title": "Semaine de l’innovation publique",
        "summary": "Une semaine de rencontres partout en France, du 12 au 18 octobre.",
        "start": datetime.datetime(2015, 10, 12, 9, 0, tzinfo=PARIS),
        "end": datetime.datetime(2015, 10, 18, 18, 0, tzinfo=PARIS),
        "place": "Partout en France",
        "organisers": ["futurs-publics", "reacteur-public"],
        "body": (
            "<p>La 2e semaine de l’innovation publique : mise en réseau des acteurs et ressources "
            "territoriaux, une action de la feuille de route d’Entrelabs #1.</p>"
        ),
    },
]


@transaction.atomic
def load(stdout=None):
    """Create what is missing (found by slug under the agenda); change nothing that exists."""
    home = HomePage.objects.first()
    if home is None:
        return 0
    agenda = AgendaPage.objects.child_of(home).first()
    created = 0
    if agenda is None:
        agenda = home.add_child(
            instance=AgendaPage(
                title="Agenda",
                slug="agenda",
                summary="Les ateliers Entrelabs et les rendez-vous des labs du réseau.",
                show_in_menus=True,
            )
        )
        created += 1
    for data in EVENTS:
        if EventPage.objects.child_of(agenda).filter(slug=data["slug"]).exists():
            continue
        event = EventPage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            start=data["start"],
            end=data["end"],
            place=data["place"],
            registration_url=data.get("registration_url", ""),
            session_report=SessionReportPage.objects.filter(slug=data.get("report", "")).first(),
            body=[("paragraph", RichText(data["body"] + ILLUSTRATIVE))],
        )
        event.organisers.set(LabPage.objects.filter(slug__in=data["organisers"]))
        agenda.add_child(instance=event)
        event.save_revision().publish()
        created += 1
    if stdout:
        stdout.write(f"Agenda: {created} page(s) created.")
    return created
