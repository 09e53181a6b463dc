"""The agenda on other pages: the next event on the home page, a session report's event."""

from django import template
from django.utils import timezone

from events.models import EventPage

register = template.Library()


@register.inclusion_tag("events/next_event.html")
def next_event():
    """The live public event that is next (or under way), for the home page."""
    event = (
        EventPage.objects.public_live().filter(end__gte=timezone.now()).defer_streamfields().order_by("start").first()
    )
    return {"event": event}


@register.inclusion_tag("events/report_events.html")
def report_events(report):
    """The live public events a session report belongs to."""
    events = EventPage.objects.public_live().filter(session_report=report).defer_streamfields()
    return {"events": list(events.order_by("start")) if report.pk else []}
