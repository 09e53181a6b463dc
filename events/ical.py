"""iCalendar (RFC 5545) files of events, written with the `icalendar` package."""

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Entrelabs//Agenda du réseau//FR"


def event(page, request):
    """One VEVENT: times in the event's own time zone (a VTIMEZONE is added to the calendar)."""
    full_url = page.get_full_url(request)
    description = "\n\n".join(part for part in (page.summary, page.registration_url or "") if part)
    vevent = Event.new(
        uid=f"event-{page.pk}@entrelabs",
        stamp=page.last_published_at or timezone.now(),
        start=page.local_start,
        end=page.local_end,
        summary=page.title,
        description=description or None,
        location=page.location_label() or None,
        url=full_url,
    )
    if page.online_url:
        vevent.add("x-online-url", page.online_url)
    return vevent


def calendar(name, events):
    calendar = Calendar.new(prodid=PRODID, name=name, subcomponents=events)
    calendar.add("method", "PUBLISH")
    calendar.add_missing_timezones()
    return calendar


def response(calendar, slug):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug}.ics"'
    return response
