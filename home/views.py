from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from taggit.models import Tag

from home.listings import attach_listing_images
from home.models import Theme, public_pages
from home.pagination import paginate


def _listing_page(request, pages):
    """The requested page of a mixed listing, as specific pages with their images."""
    page = paginate(request, pages.specific().defer_streamfields())
    page.object_list = attach_listing_images(list(page.object_list))
    return page


def theme_list(request):
    """The themes of the network, each linking to its pages."""
    return render(
        request,
        "home/theme_list.html",
        {
            "themes": Theme.objects.all(),
            "meta_title": _("Themes"),
            "breadcrumbs": [{"title": _("Themes")}],
        },
    )


def theme_pages(request, slug):
    """Every live page carrying the theme, all page types together, newest first."""
    themes = list(Theme.objects.all())  # a short controlled vocabulary: the page lists them all
    theme = next((theme for theme in themes if theme.slug == slug), None)
    if theme is None:
        raise Http404
    return render(
        request,
        "home/theme_pages.html",
        {
            "theme": theme,
            "pages": _listing_page(request, theme.pages()),
            "themes": themes,
            "meta_title": _("Theme: %(name)s") % {"name": theme.name},
            "meta_description": theme.description,
            "breadcrumbs": [{"title": _("Themes"), "url": reverse("theme_list")}, {"title": theme.name}],
        },
    )


def tag_pages(request, slug):
    """Every live page carrying the free tag, newest first."""
    tag = get_object_or_404(Tag, slug=slug)
    tagged = public_pages().filter(tagged_items__tag=tag).order_by("-first_published_at", "-pk")
    pages = _listing_page(request, tagged)
    if not pages.paginator.count:
        # A tag only drafts or private pages carry is not public: its name says nothing here.
        raise Http404
    return render(
        request,
        "home/tag_pages.html",
        {
            "tag": tag,
            "pages": pages,
            "meta_title": _("Tag: %(name)s") % {"name": tag.name},
            "breadcrumbs": [{"title": _("Tags")}, {"title": tag.name}],
        },
    )
