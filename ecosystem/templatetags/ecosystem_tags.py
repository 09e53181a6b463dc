"""The map on other pages: a lab page lists its territory's actors."""

from django import template

from ecosystem import caching, territories
from ecosystem.models import EcosystemMapPage
from home.index_urls import index_url

register = template.Library()

LAB_PAGE_ACTORS = 12


@register.inclusion_tag("ecosystem/lab_actors.html")
def lab_territory_actors(lab):
    """The first live actors of the lab's territory and those it added, and the link to the map."""
    if lab.pk is None:  # a preview of a new lab
        return {"actors": []}
    map_url = index_url(EcosystemMapPage)
    region = territories.LAB_REGION_CODES.get(lab.region)
    return {
        "actors": caching.lab_territory_actors(lab, LAB_PAGE_ACTORS),
        "map_url": f"{map_url}?region={region}" if map_url and region else map_url,
    }
