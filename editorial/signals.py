"""Index pages created after the migration get the "Relecture renforcée" workflow; a partner group
gets its rights on the indexes created later and on its lab page's translations."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import copy_for_translation_done

from labs.models import ManifestoIndexPage, SessionReportIndexPage


@receiver(post_save, sender=ManifestoIndexPage)
@receiver(post_save, sender=SessionReportIndexPage)
def assign_strict_workflow(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from editorial.partners import assign_workflows

        assign_workflows()


def grant_partner_groups_on_new_index(sender, instance, created, raw=False, **kwargs):
    """A method or curriculum index created after the labs: every partner group may add to it."""
    if created and not raw:
        from wagtail.models import Locale

        from editorial.partners import ensure_partner_group, partner_group_for
        from labs.models import LabPage

        for lab in LabPage.objects.filter(locale=Locale.get_default()):
            if partner_group_for(lab) is not None:
                ensure_partner_group(lab)


@receiver(copy_for_translation_done)
def grant_partner_group_on_translated_lab(sender, source_obj, target_obj, **kwargs):
    """A lab page translated (simple_translation's copy): its partner group may edit the new version."""
    from labs.models import LabPage

    if isinstance(target_obj, LabPage) and target_obj.alias_of_id is None:
        from editorial.partners import grant_partner_group_on_translation

        grant_partner_group_on_translation(target_obj)


def connect_index_signals():
    from methods.models import CurriculumIndexPage, MethodIndexPage

    for model in (MethodIndexPage, CurriculumIndexPage):
        post_save.connect(grant_partner_groups_on_new_index, sender=model, dispatch_uid=f"partners-{model.__name__}")


connect_index_signals()
