"""Test data of the network's life: agenda, news, ecosystem map."""

import datetime
from zoneinfo import ZoneInfo

import factory
from factory.django import DjangoModelFactory

from ecosystem.models import Actor, ActorKind, EcosystemMapPage
from events.models import AgendaPage, EventPage
from news.models import NewsIndexPage, NewsPage
from tests.factories import numbered, page_factory

PARIS = ZoneInfo("Europe/Paris")


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


AgendaPageFactory = page_factory(AgendaPage, title="Agenda", slug="agenda")

EventPageFactory = page_factory(
    EventPage,
    title=numbered("Événement {}"),
    summary="Un atelier du réseau.",
    start=factory.LazyFunction(lambda: paris(2099, 6, 18, 9, 30)),
    end=factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=3)),
    place="Paris",
)

NewsIndexPageFactory = page_factory(NewsIndexPage, title="Actualités", slug="actualites")

NewsPageFactory = page_factory(
    NewsPage,
    title=numbered("Actualité {}"),
    summary="Ce que le lab a fait.",
    date=datetime.date(2015, 5, 1),
)


class ActorFactory(DjangoModelFactory):
    """A reviewed (live) actor in Loire-Atlantique."""

    class Meta:
        model = Actor

    name = numbered("Acteur {}")
    kind = factory.LazyFunction(
        lambda: ActorKind.objects.get_or_create(slug="association", defaults={"name": "Association"})[0]
    )
    region = "52"
    departement = "44"
    description = "Un acteur du territoire."
    live = True


EcosystemMapPageFactory = page_factory(EcosystemMapPage, title="Carte de l’écosystème", slug="carte")
