"""Index pages created after the migration get the "Relecture renforcée" workflow."""

from django.db.models.signals import post_save
from django.dispatch import receiver

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
        from editorial.partners import ensure_partner_group, partner_group_for
        from labs.models import LabPage

        for lab in LabPage.objects.all():
            if partner_group_for(lab) is not None:
                ensure_partner_group(lab)


def connect_index_signals():
    from methods.models import CurriculumIndexPage, MethodIndexPage

    for model in (MethodIndexPage, CurriculumIndexPage):
        post_save.connect(grant_partner_groups_on_new_index, sender=model, dispatch_uid=f"partners-{model.__name__}")


connect_index_signals()
