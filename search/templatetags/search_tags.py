from functools import lru_cache

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def pictogram(name, size):
    """The pictogram component (``components/pictogram.html``), rendered once per name and size in
    a process: a page of results shows the same few pictograms dozens of times."""
    if settings.DEBUG:  # a change to the component shows at once while it is being drawn
        return render_pictogram.__wrapped__(str(name), int(size))
    return render_pictogram(str(name), int(size))


@lru_cache(maxsize=128)
def render_pictogram(name, size):
    return mark_safe(render_to_string("components/pictogram.html", {"name": name, "size": size}))  # noqa: S308 (the component's own output)
