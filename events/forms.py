"""The event's admin form: start and end are typed and shown in the event's own time zone."""

from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.admin.forms import WagtailAdminPageForm

TIMES = ("start", "end")


class EventPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = ZoneInfo(self.instance.time_zone or "Europe/Paris")
        for name in TIMES:
            value = getattr(self.instance, name, None)
            if value is not None:
                # A naive value is shown as it is: the wall-clock time of the event's place.
                self.initial[name] = timezone.localtime(value, zone).replace(tzinfo=None)

    def clean(self):
        cleaned_data = super().clean()
        zone_name = cleaned_data.get("time_zone")
        if zone_name:
            zone = ZoneInfo(zone_name)
            for name in TIMES:
                value = cleaned_data.get(name)
                if value is not None:
                    # The form read the typed time in the editor's time zone; it is the event's.
                    cleaned_data[name] = timezone.make_naive(value).replace(tzinfo=zone)
        return cleaned_data
