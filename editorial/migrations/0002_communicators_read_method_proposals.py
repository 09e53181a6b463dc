"""Communicators read (and delete, once handled) the contact details of method proposals."""

from django.db import migrations

COMMUNICATORS = "Communicants"


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    communicators, _ = Group.objects.get_or_create(name=COMMUNICATORS)
    content_type, _ = ContentType.objects.get_or_create(app_label="methods", model="methodproposal")
    for action in ("view", "delete"):
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_methodproposal",
            defaults={"name": f"Can {action} method proposal"},
        )
        communicators.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_editorial_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
