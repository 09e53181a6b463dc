"""Communicators accept or decline method proposals (a change to the proposal)."""

from django.db import migrations

COMMUNICATORS = "Communicants"


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    communicators, _ = Group.objects.get_or_create(name=COMMUNICATORS)
    content_type, _ = ContentType.objects.get_or_create(app_label="methods", model="methodproposal")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="change_methodproposal", defaults={"name": "Can change method proposal"}
    )
    communicators.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0003_communicators_manage_search_promotions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
