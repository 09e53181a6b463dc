"""Abstract building blocks: each page type declares only the fields that are its own."""

from django import forms
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageViewRestriction
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

    def get_view_restrictions(self):
        """Wagtail's rule (restrictions on the page and its ancestors, an alias using its source's)
        in one query instead of two: the ancestors' paths are known from the page's own path."""
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        aliased = Page.objects.filter(path__in=paths, alias_of__isnull=False).values("alias_of")
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__in=aliased)
        )

    # Related objects the page's own template shows, loaded with the page when it is served.
    route_select_related = ()

    def route(self, request, path_components):
        """Wagtail's routing, one query cheaper per level: when this page allows a single child
        type, the child is fetched as that type directly (with its ``route_select_related``)."""
        child_models = self.specific_class.allowed_subpage_models()
        if path_components and len(child_models) == 1:
            model = child_models[0]
            try:
                child = (
                    model.objects.child_of(self)
                    .select_related(*getattr(model, "route_select_related", ()))
                    .get(slug=path_components[0])
                )
            except model.DoesNotExist:
                return super().route(request, path_components)
            child._cached_parent_obj = self
            return child.route(request, path_components[1:])
        return super().route(request, path_components)

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
        # Above Wagtail's 2 for listing and standard pages: content ranks first at equal match.
        index.SearchField("title", boost=3),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("themes"),
    ]

    class Meta:
        abstract = True

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
