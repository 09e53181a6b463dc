"""Translators: communicators may start a page's translation (Wagtail's simple_translation), and a
"Traducteurs" group may too, and edit pages of every language, without publishing: what they write
goes through the "Relecture" workflow of the whole site, approved by the communicators."""

from django.db import migrations

COMMUNICATORS = "Communicants"
TRANSLATORS = "Traducteurs"
TRANSLATOR_PAGE_ACTIONS = ["add", "change"]


def permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})[0]


def create_translators(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    submit_translation = permission(
        apps, "simple_translation", "simpletranslation", "submit_translation", "Can submit translations"
    )
    access_admin = permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
    Group.objects.get_or_create(name=COMMUNICATORS)[0].permissions.add(submit_translation)
    translators = Group.objects.get_or_create(name=TRANSLATORS)[0]
    translators.permissions.add(access_admin, submit_translation)

    root_page = Page.objects.filter(depth=1).first()
    if root_page is not None:
        for action in TRANSLATOR_PAGE_ACTIONS:
            page_permission = permission(apps, "wagtailcore", "page", f"{action}_page", f"Can {action} page")
            GroupPagePermission.objects.get_or_create(group=translators, page=root_page, permission=page_permission)
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        # A translated page keeps its images and documents: translators choose among them.
        for model, app_label in (("document", "wagtaildocs"), ("image", "wagtailimages")):
            GroupCollectionPermission.objects.get_or_create(
                group=translators,
                collection=root_collection,
                permission=permission(apps, app_label, model, f"choose_{model}", f"Can choose {model}"),
            )


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0003_communicators_manage_search_promotions"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_translators, migrations.RunPython.noop)]
