"""Template helpers of the method catalogue shown outside it (the home page's method finder)."""

from django import template
from django.db.models import Count
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from home.index_urls import until_pages_change

register = template.Library()

CACHE_KEY = "method-finder:{site_id}"

# What a method of each phase helps to do, in the words of an agent looking for one.
PHASE_HINTS = {
    "discover": _("understand the field and the users"),
    "define": _("frame the problem to solve"),
    "ideate": _("find ideas together"),
    "prototype": _("give an idea a shape"),
    "test": _("try it with real users"),
    "deploy": _("roll it out and spread it"),
    "evaluate": _("measure what changed"),
}


def _catalogue(request):
    """The method index's URL and the number of methods a visitor may see per phase (two queries)."""
    from methods.models import MethodIndexPage, MethodPage

    index = MethodIndexPage.objects.public_live().order_by("path").first()
    if index is None:
        return {"url": None, "counts": {}}
    counts = MethodPage.objects.public_live().descendant_of(index).order_by().values_list("phase").annotate(Count("pk"))
    return {"url": index.get_url(request), "counts": dict(counts)}


@register.simple_tag(takes_context=True)
def method_finder(context):
    """{"url", "phases"}: the method index's URL and, for each phase that has live methods, its
    value, label, hint, number of methods and the index's URL filtered by it. Cached until a page
    or a view restriction changes (``until_pages_change``)."""
    from methods.models import Phase

    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    catalogue = until_pages_change(CACHE_KEY.format(site_id=site.pk if site else 0), lambda: _catalogue(request))
    url = catalogue["url"]
    phases = [
        {
            "value": phase.value,
            "label": phase.label,
            "hint": PHASE_HINTS[phase.value],
            "count": catalogue["counts"][phase.value],
            "url": f"{url}?{urlencode({'phase': phase.value})}",
        }
        for phase in Phase
        if catalogue["counts"].get(phase.value)
    ]
    return {"url": url, "phases": phases}
