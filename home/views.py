from django.shortcuts import get_object_or_404, render
from taggit.models import Tag
from wagtail.models import Page

from home.models import Theme
from home.pagination import paginate


def theme_pages(request, slug):
    """Every live page carrying the theme, all page types together, newest first."""
    theme = get_object_or_404(Theme, slug=slug)
    pages = paginate(request, theme.pages())
    return render(request, "home/theme_pages.html", {"theme": theme, "pages": pages, "themes": Theme.objects.all()})


def tag_pages(request, slug):
    """Every live page carrying the free tag, newest first."""
    tag = get_object_or_404(Tag, slug=slug)
    tagged = Page.objects.live().public().filter(tagged_items__tag=tag).order_by("-first_published_at", "-pk")
    return render(request, "home/tag_pages.html", {"tag": tag, "pages": paginate(request, tagged)})
