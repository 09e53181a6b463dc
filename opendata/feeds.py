"""RSS and Atom feeds (Django's syndication framework) of the public pages: the whole site, the
methods, the session reports, a theme, a lab. Every feed reads a listing the public pages use."""

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.http import Http404, HttpResponseBadRequest
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from wagtail.models import Page

from events.models import AgendaPage, EventPage
from home.models import Theme
from home.models.mixins import active_language
from labs.models import LabPage, SessionReportIndexPage, SessionReportPage
from methods.models import MethodIndexPage, MethodPage
from news.models import NewsIndexPage, NewsPage
from opendata.sources import DEFAULT_LANGUAGE, LANGUAGE_CODES, SOURCES, PageSource

FEED_LENGTH = 30
# Pages never published through a revision have no date: last, on every database.
NEWEST_FIRST = (F("first_published_at").desc(nulls_last=True), "-pk")
FORMATS = {"rss": ("application/rss+xml", Rss201rev2Feed), "atom": ("application/atom+xml", Atom1Feed)}


class PageFeed(Feed):
    """A feed of pages, newest first, in one language (its URL's: /en/flux/… in English, or
    ``?lang=``; the pages read through ``public_live()``). Subclasses say which pages (``pages``) and
    what they are."""

    kind: str  # the URL's name: /flux/<kind>.rss

    def __init__(self, feed_format, language=DEFAULT_LANGUAGE):
        super().__init__()
        self.feed_format = feed_format
        self.feed_type = FORMATS[feed_format][1]
        self.language = language

    def in_english(self):
        return self.language == "en"

    def get_object(self, request, slug=None):
        return {"request": request, "slug": slug}

    def pages(self, obj):
        raise NotImplementedError

    def items(self, obj):
        return list(self.pages(obj).order_by(*NEWEST_FIRST)[:FEED_LENGTH])

    def title(self, obj):
        return f"Entrelabs · {self.heading(obj)}"

    def heading(self, obj):
        raise NotImplementedError

    def link(self, obj):
        return "/" if self.language == DEFAULT_LANGUAGE else f"/{self.language}/"

    def feed_url(self, obj):
        return feed_url(self.kind, self.feed_format, obj["slug"], self.language)

    def channel_text(self, obj):
        if self.in_english():
            return f"The latest publications of the Entrelabs network: {self.heading(obj)}."
        return f"Les dernières publications du réseau Entrelabs : {self.heading(obj).lower()}."

    # Readers render an RSS description and an Atom summary as HTML: the plain text editors typed is
    # escaped for them, so that a title or summary holding "<script>" reads as text. (Atom's subtitle is text.)
    def description(self, obj):
        return escape(self.channel_text(obj))

    def subtitle(self, obj):
        return self.channel_text(obj)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return escape(getattr(item, "summary", "") or item.search_description)

    def item_link(self, item):
        return item.full_url

    def item_guid(self, item):
        return item.full_url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class SiteFeed(PageFeed):
    kind = "site"

    def heading(self, obj):
        return "the whole site" if self.in_english() else "tout le site"

    def pages(self, obj):
        # Every public content listing, together: what a visitor can reach from the index pages.
        public = set()
        for source in SOURCES.values():
            if isinstance(source, PageSource):
                public.update(source.listing().prefetch_related(None).values_list("pk", flat=True))
        return Page.objects.filter(pk__in=public).specific().defer_streamfields()


class SourceFeed(PageFeed):
    """The feed of one public listing (``SOURCES[source]``), named in English and French."""

    source: str
    headings: tuple[str, str]  # (English, French)

    def heading(self, obj):
        return self.headings[0] if self.in_english() else self.headings[1]

    def pages(self, obj):
        return SOURCES[self.source].listing()


class MethodFeed(SourceFeed):
    kind, source, headings = "methodes", "methods", ("methods", "méthodes")


class SessionReportFeed(SourceFeed):
    kind, source, headings = "ateliers", "session-reports", ("session reports", "comptes rendus des sessions")


class EventFeed(SourceFeed):
    kind, source, headings = "agenda", "events", ("events", "agenda")


class NewsFeed(SourceFeed):
    kind, source, headings = "actualites", "news", ("news", "actualités")


class ThemeFeed(PageFeed):
    kind = "themes"

    def get_object(self, request, slug=None):
        theme = Theme.objects.filter(slug=slug).first()
        if theme is None:
            raise Http404
        return {"request": request, "slug": slug, "theme": theme}

    def heading(self, obj):
        if self.in_english():
            return f"theme “{obj['theme'].name}”"
        return f"thème « {obj['theme'].name} »"

    def link(self, obj):
        return obj["theme"].get_absolute_url()

    def pages(self, obj):
        return obj["theme"].pages().specific().defer_streamfields()


class LabFeed(PageFeed):
    kind = "labs"

    def get_object(self, request, slug=None):
        lab = SOURCES["labs"].listing().filter(slug=slug).first()
        if lab is None:
            raise Http404
        return {"request": request, "slug": slug, "lab": lab}

    def heading(self, obj):
        return obj["lab"].title

    def channel_text(self, obj):
        if self.in_english():
            return f"The projects, methods and news of {obj['lab'].title}, on Entrelabs."
        return f"Les projets, les méthodes et les actualités de {obj['lab'].title}, sur Entrelabs."

    def link(self, obj):
        return obj["lab"].url

    def items(self, obj):
        lab = obj["lab"]
        pages = list(lab.projects().order_by(*NEWEST_FIRST)[:FEED_LENGTH])
        pages += list(lab.authored_methods().order_by(*NEWEST_FIRST)[:FEED_LENGTH])
        pages += list(SOURCES["news"].listing().child_of(lab).order_by(*NEWEST_FIRST)[:FEED_LENGTH])
        pages.sort(key=lambda page: (page.first_published_at is not None, page.first_published_at, page.pk))
        return pages[::-1][:FEED_LENGTH]


FEEDS = {feed.kind: feed for feed in (SiteFeed, MethodFeed, SessionReportFeed, EventFeed, NewsFeed, ThemeFeed, LabFeed)}


def feed_view(request, kind, feed_format, slug=None):
    """A feed in the language of its URL (``/en/flux/…`` in English), or of ``?lang=`` (fr, en: the
    URLs announced before the English ones had their own)."""
    language = request.GET.get("lang") or active_language()
    if language not in LANGUAGE_CODES:
        message = f"Paramètre invalide : lang. Langues : {', '.join(LANGUAGE_CODES)}."
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    with translation.override(language):
        return FEEDS[kind](feed_format, language)(request, slug=slug)


def feed_url(kind, feed_format, slug=None, language=None):
    """The feed's URL in a language (the active one by default): under its prefix (/en/flux/…)."""
    with translation.override(language or active_language()):
        if slug is None:
            return reverse("feed", kwargs={"kind": kind, "feed_format": feed_format})
        return reverse("feed_of", kwargs={"kind": kind, "slug": slug, "feed_format": feed_format})


# The feeds a page follows: the whole site always, then the page's own kind.
PAGE_FEEDS = {
    MethodIndexPage: lambda page: [("methodes", None, "Méthodes")],
    MethodPage: lambda page: [("methodes", None, "Méthodes")],
    SessionReportIndexPage: lambda page: [("ateliers", None, "Comptes rendus des sessions")],
    SessionReportPage: lambda page: [("ateliers", None, "Comptes rendus des sessions")],
    LabPage: lambda page: [("labs", page.slug, page.title)],
    AgendaPage: lambda page: [("agenda", None, "Agenda")],
    EventPage: lambda page: [("agenda", None, "Agenda")],
    NewsIndexPage: lambda page: [("actualites", None, "Actualités")],
    NewsPage: lambda page: [("actualites", None, "Actualités")],
}


ENGLISH_TITLES = {
    "Tout le site": "The whole site",
    "Méthodes": "Methods",
    "Comptes rendus des sessions": "Session reports",
    "Agenda": "Events",
    "Actualités": "News",
}


def alternates(page=None, theme=None):
    """The feeds to announce with <link rel="alternate">, in the content's language:
    [{"type", "title", "url"}]."""
    english = active_language() == "en"
    feeds = [("site", None, "Tout le site")]
    if page is not None:
        feeds += PAGE_FEEDS.get(type(page), lambda page: [])(page)
    if theme is not None:
        feeds.append(("themes", theme.slug, f"Theme “{theme.name}”" if english else f"Thème « {theme.name} »"))
    return [
        {
            "type": FORMATS[feed_format][0],
            "title": f"Entrelabs · {ENGLISH_TITLES.get(title, title) if english else title} ({feed_format.upper()})",
            "url": feed_url(kind, feed_format, slug),
        }
        for kind, slug, title in feeds
        for feed_format in FORMATS
    ]
