from django.apps import apps
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.fields import optional_rich_text
from home.listings import attach_listing_images, card_listing

from .mixins import BasePage, visible_page_ids
from .taxonomy import Theme

# The labs the home page shows: as many on a network of 300 labs as on one of 8.
HOME_LAB_COUNT = 8


class HomePage(BasePage):
    """The site's root: what the network is, featured methods, latest workshops, labs, themes."""

    introduction = optional_rich_text(_("introduction"))

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("introduction"),
        InlinePanel("featured_methods", label=_("Featured methods"), max_num=6),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "labs.LabIndexPage",
        "labs.ManifestoIndexPage",
        "labs.SessionReportIndexPage",
        "methods.MethodIndexPage",
        "methods.CurriculumIndexPage",
        "home.StandardPage",
        "events.AgendaPage",
        "news.NewsIndexPage",
        "ecosystem.EcosystemMapPage",
        "roadmap.RoadmapPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def featured_method_pages(self):
        """The featured methods a visitor may see, in the editor's order (``methods.HomePageFeaturedMethod``)."""
        links = list(self.featured_methods.select_related("method"))
        visible = visible_page_ids(link.method for link in links)
        return attach_listing_images([link.method for link in links if link.method_id in visible])

    def latest_session_reports(self, count=3):
        """The most recent Entrelabs workshop reports."""
        model = apps.get_model("labs", "SessionReportPage")
        return card_listing(model.objects.all()).order_by("-date")[:count]

    def labs(self, count=HOME_LAB_COUNT):
        """The ``count`` partner labs that joined last, by name (the labs' index lists them all)."""
        model = apps.get_model("labs", "LabPage")
        joined_last = F("first_published_at").desc(nulls_last=True), "-pk"
        latest = model.objects.public_live().defer_streamfields().order_by(*joined_last)[:count]
        return sorted(latest, key=lambda lab: lab.title.lower())

    def lab_index_url(self):
        """The address of the labs' index, where every lab is listed."""
        from home.index_urls import index_url  # it reads the models of this package

        return index_url(apps.get_model("labs", "LabIndexPage"))

    def themes(self):
        return Theme.objects.all()


class StandardPage(BasePage):
    """About, legal notice, accessibility statement and other plain pages."""

    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
