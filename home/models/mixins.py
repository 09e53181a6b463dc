"""Abstract building blocks: each page type declares only the fields that are its own."""

import contextvars

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.models import Locale, Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.fields import optional_image, optional_rich_text
from home.pagination import paginate_when_shown
from home.search_facets import PARENT_FILTER_FIELD

# Forgotten by home.index_urls when a view restriction changes or a page moves.
RESTRICTED_SECTIONS_KEY = "portal:restricted-sections"


class PageTag(TaggedItemBase):
    """Free tags, one table for every page type so that /tags/<slug>/ is a single query."""

    content_object = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = _("page tag")
        verbose_name_plural = _("page tags")


def restricted_sections():
    """(path, depth) of every page under a view restriction: Wagtail's ``public()`` reads them again at
    every call. Cached until a view restriction changes or a page moves, not at every edit as the
    fragments are (``home.index_urls``): every listing would pay the query again after each save."""
    sections = cache.get(RESTRICTED_SECTIONS_KEY)
    if sections is None:
        sections = list(PageViewRestriction.objects.values_list("page__path", "page__depth"))
        cache.set(RESTRICTED_SECTIONS_KEY, sections, 60 * 60)
    return sections


# The language of the page being served (set by home/wagtail_hooks.py for the request): a French
# page not translated yet is shown under /en/ with the English interface, and lists French pages.
_page_language = contextvars.ContextVar("page_language", default=None)
LOCALE_LANGUAGES_CACHE_KEY = "portal:locale-languages"


def active_language():
    """The language of the content being served: the page's, else the request's (``fr`` or ``en``:
    the URL's prefix, or the API's ``lang``), the default language outside a request or for an
    unknown code. What pages list is in this language."""
    if page_language := _page_language.get():
        return page_language
    try:
        return get_supported_content_language_variant(translation.get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def serve_in_language_of(page):
    """What the rest of this request lists is in the page's language (forgotten at the next request)."""
    languages = cache.get(LOCALE_LANGUAGES_CACHE_KEY)
    if languages is None or page.locale_id not in languages:
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        cache.set(LOCALE_LANGUAGES_CACHE_KEY, languages, 60 * 60)
    _page_language.set(languages.get(page.locale_id))


def forget_page_language(**kwargs):
    _page_language.set(None)


request_started.connect(forget_page_language, dispatch_uid="portal-page-language-start")
request_finished.connect(forget_page_language, dispatch_uid="portal-page-language-finish")


def content_languages():
    """The language codes content is written in, the default first."""
    return [code for code, _ in get_content_languages().items()]


class PortalPageQuerySet(PageQuerySet):
    def public_live(self, all_locales=False):
        """The pages any visitor may see, in the language they read (``active_language()``): live,
        with no view restriction on themselves or an ancestor. Every list of pages a public page,
        a feed or an export shows goes through it; ``all_locales`` for what is not a listing (may
        this document be served, the admin's views).

        Wagtail's ``.public()`` rule (``private_q``: each restricted page and its descendants),
        with the restricted pages read from the cache: one query less per listing. The test
        ``test_public_live_is_wagtails_public`` fails if Wagtail's rule changes."""
        private = Q(pk__in=[])
        for path, depth in restricted_sections():
            private |= self.descendant_of_q(Page(path=path, depth=depth), inclusive=True)
        pages = self.live().exclude(private)
        return pages if all_locales else pages.in_active_language()

    def in_active_language(self):
        """The pages of the active language's locale (a join, no query of its own)."""
        return self.filter(locale__language_code=active_language())


PortalPageManager = PageManager.from_queryset(PortalPageQuerySet)


def public_pages(all_locales=False):
    """Every page any visitor may see, of whatever type (``PortalPageQuerySet.public_live``)."""
    return PortalPageQuerySet(Page).public_live(all_locales=all_locales)


def visible_page_ids(pages):
    """The ids of those of ``pages`` (chosen in a StreamField or a link) any visitor may see: the
    rule of ``public_live()`` applied to pages already loaded, without a query."""
    sections = restricted_sections()
    return {
        page.pk
        for page in pages
        if page is not None and page.live and not any(page.path.startswith(path) for path, _ in sections)
    }


class ListingFields(models.Model):
    """What a page shows of itself in listings, search results and meta descriptions."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two plain sentences, shown in listings and search results."),
    )
    listing_image = optional_image(_("listing image"))

    class Meta:
        abstract = True


class SocialFields(models.Model):
    """OpenGraph image for link previews."""

    og_image = optional_image(_("social sharing image"))

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

    objects = PortalPageManager()

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        return self.search_description or self.summary

    @property
    def share_image(self):
        return self.og_image or self.listing_image


class SectionIndexPage(BasePage):
    """A section of the site, one of its type under the home page (the labs, the methods, the agenda...):
    an introduction above what it lists. ``subpage_types`` names its children, if any."""

    introduction = optional_rich_text(_("introduction"))

    content_panels = BasePage.content_panels + [FieldPanel("summary"), FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    # The name of the method that gives the pages the index lists: its template gets them, paginated,
    # under the same name. None where the index lists nothing or builds its context itself.
    listing_name = None

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.listing_name:
            context[self.listing_name] = paginate_when_shown(request, getattr(self, self.listing_name)())
        return context


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
        # Above Wagtail's 2 for listing and standard pages: content ranks first at equal match.
        index.SearchField("title", boost=3),
        # Elasticsearch filters on the slug (a chosen theme) and counts the ids (the theme facet).
        index.RelatedFields("themes", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("themes"),
        index.FilterField(PARENT_FILTER_FIELD, type="IntegerField"),
    ]

    class Meta:
        abstract = True

    def parent_page_id(self):
        """The parent page's id: what Elasticsearch counts a ``Facet.PARENT`` facet on (a project's lab)."""
        return Page.objects.filter(path=self.path[: -self.steplen]).values_list("pk", flat=True).first()

    def taxonomy(self):
        """The page's themes and tags for display, read in one query:
        {"themes": [(name, slug)...], "tags": [(name, slug)...]}."""
        themes, tags = self.themes.all(), self.tags.all()
        if isinstance(themes, models.QuerySet) and isinstance(tags, models.QuerySet):
            kind = models.Value("", output_field=models.CharField())
            rows = (
                themes.annotate(kind=kind)
                .values_list("kind", "name", "slug")
                .order_by()
                .union(
                    tags.annotate(kind=models.Value("t", output_field=models.CharField()))
                    .values_list("kind", "name", "slug")
                    .order_by(),
                    all=True,
                )
            )
            rows = sorted(rows, key=lambda row: (row[0], row[1].lower()))
        else:  # a preview: themes and tags are still in memory
            rows = [("", theme.name, theme.slug) for theme in themes] + [("t", tag.name, tag.slug) for tag in tags]
        return {
            "themes": [(name, slug) for kind, name, slug in rows if not kind],
            "tags": [(name, slug) for kind, name, slug in rows if kind],
        }
