"""Abstract building blocks: each page type declares only the fields that are its own."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index


class PageTag(TaggedItemBase):
    """Free tags, one table for every page type so that /tags/<slug>/ is a single query."""

    content_object = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = _("page tag")
        verbose_name_plural = _("page tags")


class ListingFields(models.Model):
    """What a page shows of itself in listings, search results and meta descriptions."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two plain sentences, shown in listings and search results."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True


class SocialFields(models.Model):
    """OpenGraph image for link previews."""

    og_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True


class BasePage(ListingFields, SocialFields, Page):
    """Every page of the portal: listing summary, SEO and OpenGraph fields."""

    promote_panels = [
        MultiFieldPanel(Page.promote_panels, heading=_("For search engines")),
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("og_image")], heading=_("Images for listings and sharing")
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary", boost=2)]

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        return self.search_description or self.summary

    @property
    def share_image(self):
        return self.og_image or self.listing_image


class ContentPage(BasePage):
    """A page of the network's content: carries themes (controlled) and free tags."""

    themes = ParentalManyToManyField(
        "home.Theme", verbose_name=_("themes"), blank=True, related_name="%(app_label)s_%(class)s_pages"
    )
    tags = ClusterTaggableManager(through="home.PageTag", verbose_name=_("free tags"), blank=True)

    taxonomy_panels = [
        MultiFieldPanel(
            [FieldPanel("themes", widget=forms.CheckboxSelectMultiple), FieldPanel("tags")],
            heading=_("Themes and tags"),
        )
    ]
    search_fields = BasePage.search_fields + [
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("themes"),
    ]

    class Meta:
        abstract = True
