"""Partner groups get on each translation of their lab page (English) the rights they have on the
French one: translations made before this migration; later ones get them when they are made
(editorial/signals.py)."""

from django.db import migrations

PARTNER_GROUP_PREFIX = "Éditeurs – "


def grant_on_lab_translations(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    lab_rights = GroupPagePermission.objects.filter(
        group__name__startswith=PARTNER_GROUP_PREFIX,
        page__content_type__app_label="labs",
        page__content_type__model="labpage",
    ).select_related("page")
    for right in lab_rights:
        translations = Page.objects.filter(translation_key=right.page.translation_key, alias_of__isnull=True).exclude(
            pk=right.page_id
        )
        for translation in translations:
            GroupPagePermission.objects.get_or_create(
                group_id=right.group_id, page=translation, permission_id=right.permission_id
            )


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0005_merge_translators_and_proposal_decisions"),
        ("labs", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant_on_lab_translations, migrations.RunPython.noop)]
