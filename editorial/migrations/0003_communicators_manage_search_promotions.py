"""Communicators manage Settings › Promoted search results and read Reports › Search queries
(which asks for the permission to add a promotion)."""

from django.db import migrations

COMMUNICATORS = "Communicants"
ACTIONS = ("add", "change", "delete", "view")


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    communicators, _ = Group.objects.get_or_create(name=COMMUNICATORS)
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailsearchpromotions", model="searchpromotion")
    for action in ACTIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_searchpromotion",
            defaults={"name": f"Can {action} search promotion"},
        )
        communicators.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_communicators_read_method_proposals"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
