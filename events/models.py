"""The network's agenda: events with their time zone, listed upcoming first, also as iCalendar."""

from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from events import ical
from events.forms import EventPageForm
from home.blocks import BaseStreamBlock
from home.fields import optional_link
from home.listings import card_listing
from home.models import ContentPage, SectionIndexPage, visible_page_ids
from home.pagination import paginate_when_shown
from home.search_facets import Facet
from labs.models import LabPage

DEFAULT_TIME_ZONE = "Europe/Paris"


class TimeZone(models.TextChoices):
    """The time zones of metropolitan and overseas France, where the network's labs are."""

    PARIS = "Europe/Paris", _("Metropolitan France and Corsica")
    GUADELOUPE = "America/Guadeloupe", _("Guadeloupe")
    MARTINIQUE = "America/Martinique", _("Martinique")
    GUYANE = "America/Cayenne", _("French Guiana")
    REUNION = "Indian/Reunion", _("La Réunion")
    MAYOTTE = "Indian/Mayotte", _("Mayotte")
    NOUMEA = "Pacific/Noumea", _("New Caledonia")
    TAHITI = "Pacific/Tahiti", _("French Polynesia")
    UTC = "UTC", _("UTC")


def public_labs():
    """Live labs without view restriction: the organisers a visitor may see."""
    return LabPage.objects.public_live().defer_streamfields().order_by("title")


class AgendaPage(RoutablePageMixin, SectionIndexPage):
    """The network's agenda: upcoming events first, then past ones; also as an iCalendar feed."""

    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")

    def events(self):
        """The live public events of the agenda, with their visible organiser labs."""
        return card_listing(EventPage.objects.child_of(self)).prefetch_related(
            Prefetch("organisers", queryset=public_labs())
        )

    def upcoming_events(self):
        """Events not yet over, soonest first."""
        return self.events().filter(end__gte=timezone.now()).order_by("start", "title")

    def past_events(self):
        """Events that are over, most recent first."""
        return self.events().filter(end__lt=timezone.now()).order_by("-start", "title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["upcoming_events"] = paginate_when_shown(request, self.upcoming_events(), param="upcoming")
        context["past_events"] = paginate_when_shown(request, self.past_events())
        return context

    @path("ical/", name="ical")
    def ical(self, request):
        """Every event of the agenda as one iCalendar file."""
        events = self.events().order_by("start")
        return ical.response(ical.calendar(self.title, [event.ical_event(request) for event in events]), self.slug)


class Attendance(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


class EventPage(RoutablePageMixin, ContentPage):
    """An event of the network: when (in its own time zone), where or online, who organises it."""

    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=TimeZone.choices,
        default=DEFAULT_TIME_ZONE,
        help_text=_("The start and end are entered and shown in this time zone."),
    )
    place = models.CharField(
        _("place"), max_length=200, blank=True, help_text=_("The venue and its city, e.g. “Mairie de Paris, Paris”.")
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("The video conference or live stream, for an online event.")
    )
    # Read from the place and the online link on save (one source): what the search facet counts.
    attendance = models.CharField(
        _("attendance"), max_length=10, choices=Attendance.choices, default=Attendance.IN_PERSON, editable=False
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    organisers = ParentalManyToManyField(
        "labs.LabPage", verbose_name=_("organiser labs"), blank=True, related_name="organised_events"
    )
    session_report = optional_link(
        "labs.SessionReportPage",
        _("session report"),
        related_name="events",
        help_text=_("For an Entrelabs workshop: its report, once written."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    base_form_class = EventPageForm
    content_panels = ContentPage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("time_zone")],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("place"), FieldPanel("address"), FieldPanel("online_url")],
            heading=_("Where"),
            help_text=_("A place, an online link, or both."),
        ),
        FieldPanel("registration_url"),
        FieldPanel("organisers", widget=forms.CheckboxSelectMultiple),
        FieldPanel("session_report"),
        FieldPanel("body"),
        *ContentPage.taxonomy_panels,
    ]
    # Below the session report it announces at equal match (title boost 2.5, not 3): the report is
    # what an agent looking for the workshop's content wants first.
    search_fields = ContentPage.search_fields + [
        index.SearchField("title", boost=2.5),
        index.SearchField("place", boost=2),
        index.SearchField("address"),
        index.SearchField("body"),
        index.FilterField("start"),
        index.FilterField("end"),
        index.FilterField("attendance"),
    ]
    search_facets = [Facet("attendance", _("Attendance"), "attendance")]

    parent_page_types = ["events.AgendaPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The event cannot end before it starts.")
        if not self.place and not self.online_url:
            errors["place"] = _("Give a place, or an online link for an online event.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.place and self.online_url:
            self.attendance = Attendance.HYBRID
        elif self.online_url:
            self.attendance = Attendance.ONLINE
        else:
            self.attendance = Attendance.IN_PERSON
        super().save(*args, **kwargs)

    @property
    def zone(self):
        return ZoneInfo(self.time_zone or DEFAULT_TIME_ZONE)

    @property
    def local_start(self):
        return timezone.localtime(self.start, self.zone)

    @property
    def local_end(self):
        return timezone.localtime(self.end, self.zone)

    @property
    def is_past(self):
        return self.end < timezone.now()

    def period_label(self):
        """When the event takes place, in its time zone: "18 juin 2015, 09:00 – 19 juin 2015, 12:30"."""
        start, end = self.local_start, self.local_end
        if start.date() == end.date():
            return _("%(day)s, %(start)s – %(end)s") % {
                "day": date_format(start, "DATE_FORMAT"),
                "start": time_format(start, "TIME_FORMAT"),
                "end": time_format(end, "TIME_FORMAT"),
            }
        return _("%(start_day)s, %(start)s – %(end_day)s, %(end)s") % {
            "start_day": date_format(start, "DATE_FORMAT"),
            "start": time_format(start, "TIME_FORMAT"),
            "end_day": date_format(end, "DATE_FORMAT"),
            "end": time_format(end, "TIME_FORMAT"),
        }

    def location_label(self):
        """Where, in one line: the place and address, or "En ligne"."""
        parts = [part for part in (self.place, self.address) if part]
        if self.online_url:
            parts.append(str(_("Online")))
        return ", ".join(parts)

    def card_details(self):
        """The line under an event's summary in listings: when, where, who organises it."""
        parts = [self.period_label(), self.location_label()]
        labs = self.organiser_labs()
        if labs:
            parts.append(_("Organised by %(labs)s") % {"labs": ", ".join(lab.title for lab in labs)})
        return " · ".join(part for part in parts if part)

    def organiser_labs(self):
        """The organiser labs a visitor may see (prefetched in listings, in memory in a preview)."""
        labs = self.organisers.all()
        if not isinstance(labs, models.QuerySet):  # a preview: the editor's choice is in memory
            visible = visible_page_ids(labs)
            return [lab for lab in labs if lab.pk in visible]
        if "organisers" in getattr(self, "_prefetched_objects_cache", {}):
            return list(labs)  # prefetched with public_labs()
        return list(public_labs().filter(organised_events=self))

    def visible_session_report(self):
        """The linked session report, when any visitor may see it."""
        report = self.session_report
        return report if report is not None and report.pk in visible_page_ids([report]) else None

    def ical_event(self, request):
        return ical.event(self, request)

    @path("ical/", name="ical")
    def ical(self, request):
        """This event as an iCalendar file (a live page only: Wagtail answers 404 otherwise)."""
        return ical.response(ical.calendar(self.title, [self.ical_event(request)]), self.slug)
