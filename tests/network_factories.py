"""Test data of the network's life: agenda, news, ecosystem map."""

import datetime
from zoneinfo import ZoneInfo

import factory
import wagtail_factories

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
