from django.db import migrations, models


def read_attendance(apps, schema_editor):
    """Existing events: the attendance from their place and online link, as EventPage.save() does."""
    EventPage = apps.get_model("events", "EventPage")
    EventPage.objects.exclude(online_url="").filter(place="").update(attendance="online")
    EventPage.objects.exclude(online_url="").exclude(place="").update(attendance="hybrid")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="eventpage",
            name="attendance",
            field=models.CharField(
                choices=[("in_person", "In person"), ("online", "Online"), ("hybrid", "In person and online")],
                default="in_person",
                editable=False,
                max_length=10,
                verbose_name="attendance",
            ),
        ),
        migrations.RunPython(read_attendance, migrations.RunPython.noop),
    ]
