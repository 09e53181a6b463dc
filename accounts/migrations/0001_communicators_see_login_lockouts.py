"""Communicators see and lift login lock-outs (django-axes' AccessAttempt): view and delete.

The group is found or created by name, as labs' roles migration does (get_or_create), so this
runs before or after it with the same result."""

from django.db import migrations

COMMUNICATORS = "Communicants"
ACTIONS = {"view": "Can view access attempt", "delete": "Can delete access attempt"}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="axes", model="accessattempt")
    communicators, _ = Group.objects.get_or_create(name=COMMUNICATORS)
    for action, name in ACTIONS.items():
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_accessattempt", defaults={"name": name}
        )
        communicators.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
