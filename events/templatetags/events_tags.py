"""The agenda on other pages: the next event on the home page, a session report's event."""

from django import template
from django.utils import timezone

from events.models import EventPage
from home.index_urls import until_pages_change

register = template.Library()


def upcoming_event():
    return (
        EventPage.objects.public_live().filter(end__gte=timezone.now()).defer_streamfields().order_by("start").first()
    )


@register.inclusion_tag("events/next_event.html")
def next_event():
    """The live public event that is next (or under way), for the home page: cached until a page
    changes, and read again once the cached event is over."""
    event = until_pages_change("events:next", lambda: upcoming_event() or False)
    if event and event.is_past:
        event = upcoming_event()
    return {"event": event or None}


@register.inclusion_tag("events/report_events.html")
def report_events(report):
    """The live public events a session report belongs to (cached until a page changes)."""
    if report.pk is None:  # a preview of a new report
        return {"events": []}
    events = EventPage.objects.public_live().filter(session_report=report).defer_streamfields().order_by("start")
    return {"events": until_pages_change(f"events:report:{report.pk}", lambda: list(events))}
