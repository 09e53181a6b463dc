"""Each lab's news, written under its lab page, and the network's news index."""

from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.fields import optional_image
from home.listings import card_listing
from home.models import ContentPage, SectionIndexPage
from home.pagination import paginate
from labs.models import LabPage


def public_news():
    """Live news items without view restriction, newest first, with their card images."""
    return card_listing(NewsPage.objects.all()).order_by("-date", "-pk")


def with_labs(news_items):
    """Attach each news item's lab (its parent) in one query, as ``item.lab``."""
    news_items = list(news_items)
    parent_paths = {item.path[: -Page.steplen] for item in news_items}
    labs = {lab.path: lab for lab in LabPage.objects.public_live().filter(path__in=parent_paths).defer_streamfields()}
    for item in news_items:
        item.lab = labs.get(item.path[: -Page.steplen])
    return news_items


class NewsIndexPage(RoutablePageMixin, SectionIndexPage):
    """The news of the whole network, and of each lab at ``lab/<slug>/``."""

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def listing(self, request, news_items, lab=None):
        items = paginate(request, news_items)
        items.object_list = with_labs(items.object_list)
        context_overrides = {"news_items": items, "lab": lab}
        if lab is not None:
            title = _("News of %(lab)s") % {"lab": lab.title}
            context_overrides.update(
                meta_title=title,
                listing_title=title,
                breadcrumbs=[{"title": self.title, "url": self.url}, {"title": title}],
            )
        return self.render(request, context_overrides=context_overrides)

    @path("", name="all")
    def all_news(self, request):
        return self.listing(request, public_news())

    @path("lab/<slug:slug>/", name="lab")
    def lab_news(self, request, slug):
        lab = LabPage.objects.public_live().filter(slug=slug).first()
        if lab is None:
            raise Http404
        return self.listing(request, public_news().child_of(lab), lab=lab)


class NewsPage(ContentPage):
    """A news item of a lab: what it did, launched or learned, dated."""

    date = models.DateField(_("date"), default=timezone.localdate)
    image = optional_image(
        _("main image"), _("Shown at the top of the news item; its description is read aloud to blind visitors.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = ContentPage.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        *ContentPage.taxonomy_panels,
    ]
    # Below projects and other content at equal match (title boost 2.5, not 3): a news item reports
    # on a project or a method, which an agent looking for the words wants first.
    search_fields = ContentPage.search_fields + [
        index.SearchField("title", boost=2.5),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["labs.LabPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def card_details(self):
        """The line under a news item's summary in listings: its date, and its lab when known."""
        lab = self.__dict__.get("lab")  # attached by with_labs() in the network-wide listings
        date = date_format(self.date, "DATE_FORMAT")
        return f"{date} · {lab.title}" if lab else date

    @cached_property
    def lab(self):
        """The lab that wrote this news item, when it is live (its parent: no query on a routed page,
        Wagtail keeps the parent it routed through)."""
        parent = self.get_parent()
        return parent.specific if parent is not None and parent.live else None
