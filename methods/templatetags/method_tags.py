"""Template helpers of the method catalogue shown outside it (the home page's method finder)."""

from django import template
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from home.listings import no_view_restriction

register = template.Library()

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


@register.simple_tag(takes_context=True)
def method_finder(context):
    """{"url", "phases"}: the method index's URL and, for each phase that has live methods, its
    value, label, hint, number of methods and the index's URL filtered by it (one query)."""
    from methods.models import MethodIndexPage, MethodPage, Phase

    def live_methods_in(phase):
        methods = (
            MethodPage.objects.live()
            .filter(no_view_restriction(), path__startswith=OuterRef("path"), phase=phase)
            .order_by()
            .values("phase")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return Coalesce(Subquery(methods, output_field=IntegerField()), 0)

    index = (
        MethodIndexPage.objects.live()
        .filter(no_view_restriction())
        .annotate(**{f"count_{phase.value}": live_methods_in(phase.value) for phase in Phase})
        .order_by("path")
        .first()
    )
    if index is None:
        return {"url": None, "phases": []}
    url = index.get_url(context.get("request"))
    phases = [
        {
            "value": phase.value,
            "label": phase.label,
            "hint": PHASE_HINTS[phase.value],
            "count": getattr(index, f"count_{phase.value}"),
            "url": f"{url}?{urlencode({'phase': phase.value})}",
        }
        for phase in Phase
    ]
    return {"url": url, "phases": [phase for phase in phases if phase["count"]]}
