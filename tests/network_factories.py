"""Test data of the network's life: agenda, news, ecosystem map."""

import datetime
from zoneinfo import ZoneInfo

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from ecosystem.models import Actor, ActorKind, EcosystemMapPage
from events.models import AgendaPage, EventPage
from news.models import NewsIndexPage, NewsPage

PARIS = ZoneInfo("Europe/Paris")


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


class AgendaPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AgendaPage

    title = "Agenda"
    slug = "agenda"


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Événement {n}")
    summary = "Un atelier du réseau."
    start = factory.LazyFunction(lambda: paris(2099, 6, 18, 9, 30))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=3))
    place = "Paris"


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Actualités"
    slug = "actualites"


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Actualité {n}")
    summary = "Ce que le lab a fait."
    date = datetime.date(2015, 5, 1)


class ActorFactory(DjangoModelFactory):
    """A reviewed (live) actor in Loire-Atlantique."""

    class Meta:
        model = Actor

    name = factory.Sequence(lambda n: f"Acteur {n}")
    kind = factory.LazyFunction(
        lambda: ActorKind.objects.get_or_create(slug="association", defaults={"name": "Association"})[0]
    )
    region = "52"
    departement = "44"
    description = "Un acteur du territoire."
    live = True


class EcosystemMapPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EcosystemMapPage

    title = "Carte de l’écosystème"
    slug = "carte"
