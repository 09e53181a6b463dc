"""The open data of a page in its <head>: its feeds (<link rel="alternate">) and its JSON-LD."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from opendata import feeds
from opendata.structured_data import SITE_NAME, page_graph, view_graph

register = template.Library()


@register.simple_tag(takes_context=True)
def feed_alternates(context):
    page = context.get("page")
    return feeds.alternates(page=page if isinstance(page, Page) else None, theme=context.get("theme"))


# As Django's json_script: the JSON cannot close the <script> element nor open a comment.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def structured_data(context):
    """<script type="application/ld+json"> with the schema.org description of the page or view."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return ""
    nav = context.get("nav") or {}
    page = context.get("page")
    if isinstance(page, Page):
        graph = page_graph(page, request, nav.get("ancestors", []), site.root_url)
    else:
        title = context.get("meta_title") or SITE_NAME
        graph = view_graph(request, title, context.get("breadcrumbs") or [], nav.get("home"), site.root_url)
    data = json.dumps(graph, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(data))


@register.simple_tag(takes_context=True)
def export_links(context, name):
    """The CSV and JSON exports of a listing, with the filters the visitor chose (not the page)."""
    from django.urls import reverse

    request = context.get("request")
    query = request.GET.copy() if request else {}
    if query:
        query.pop("page", None)
    suffix = f"?{query.urlencode()}" if query else ""
    return {
        extension: reverse("export", kwargs={"name": name, "extension": extension}) + suffix
        for extension in ("csv", "json")
    }
