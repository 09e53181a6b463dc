from django.apps import apps
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from home.models.mixins import public_pages


class Theme(index.Indexed, models.Model):
    """A theme of the network's controlled vocabulary, chosen by communicators."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=False)
    description = models.TextField(_("short description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    # Every field the Themes snippet listing searches (home/wagtail_hooks.py) is indexed here.
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.AutocompleteField("description"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("theme_pages", kwargs={"slug": self.slug})

    def pages(self):
        """Live, public pages of every type that carry this theme, newest first."""
        return pages_with_theme_ids([self.pk])


def themed_page_models():
    """Every concrete page model that carries themes and tags."""
    from .mixins import ContentPage

    return [m for m in apps.get_models() if issubclass(m, ContentPage) and not m._meta.abstract]


def pages_with_theme_ids(theme_ids):
    """Live public pages (all types) carrying any of the themes, newest first, in one query."""
    condition = Q(pk__in=[])
    for model in themed_page_models():
        condition |= Q(pk__in=model.objects.filter(themes__in=theme_ids).values("pk"))
    return public_pages().filter(condition).order_by("-first_published_at", "-pk")
