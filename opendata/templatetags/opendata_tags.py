"""The open data of a page in its <head>: its feeds (<link rel="alternate">) and its JSON-LD."""

from django import template
from wagtail.models import Page

from opendata import feeds

register = template.Library()


@register.simple_tag(takes_context=True)
def feed_alternates(context):
    page = context.get("page")
    return feeds.alternates(page=page if isinstance(page, Page) else None, theme=context.get("theme"))
