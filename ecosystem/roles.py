"""Who reviews and edits the map: the actors go through the same "Relecture" workflow as pages;
communicators publish them and edit the kinds; partner lab editors add actors and edit those of
their own lab (``ecosystem/permissions.py``)."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

# The names the editorial app gives its roles and workflow (strings: editorial is a layer above).
COMMUNICATORS = "Communicants"
PARTNER_GROUP_PREFIX = "Éditeurs – "
WORKFLOW = "Relecture"

COMMUNICATOR_PERMISSIONS = {
    "actor": ("add", "change", "delete", "publish", "lock", "unlock"),
    "actorkind": ("add", "change", "delete"),
    "actorsuggestion": ("view",),
}
PARTNER_PERMISSIONS = {"actor": ("add",)}
# Given to partner groups before they were limited to their own lab's actors: taken back.
NOT_FOR_PARTNERS = {"actor": ("change",)}


def permissions(spec):
    from ecosystem.models import Actor

    app_label = Actor._meta.app_label
    codenames = [f"{action}_{model}" for model, actions in spec.items() for action in actions]
    return Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)


def assign_workflow():
    """Put the actors under the "Relecture" workflow, unless a communicator chose another one."""
    from wagtail.models import Workflow, WorkflowContentType

    from ecosystem.models import Actor

    workflow = Workflow.objects.filter(name=WORKFLOW, active=True).first()
    if workflow is not None:
        content_type = ContentType.objects.get_for_model(Actor)
        WorkflowContentType.objects.get_or_create(content_type=content_type, defaults={"workflow": workflow})


def grant_permissions():
    """Give the existing roles their permissions on the map (idempotent)."""
    for group in Group.objects.filter(name=COMMUNICATORS):
        group.permissions.add(*permissions(COMMUNICATOR_PERMISSIONS))
    partner_permissions = list(permissions(PARTNER_PERMISSIONS))
    not_for_partners = list(permissions(NOT_FOR_PARTNERS))
    for group in Group.objects.filter(name__startswith=PARTNER_GROUP_PREFIX):
        group.permissions.add(*partner_permissions)
        group.permissions.remove(*not_for_partners)


def setup_after_migrate(app_config, **kwargs):
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from wagtail.snippets.models import create_extra_permissions

    # Django's add/change/delete permissions and the snippets' publish/lock ones are made by other
    # apps' post_migrate handlers, which may run after this one: make them first (both skip those
    # that exist).
    create_permissions(app_config, verbosity=0)
    create_extra_permissions(apps.get_app_config("wagtailsnippets"))
    assign_workflow()
    grant_permissions()


def new_group_saved(sender, instance, created, **kwargs):
    """A role made after the migrations (``add_partner_lab``, the editorial set-up) gets its
    permissions on the map with its group."""
    if not created:
        return
    if instance.name == COMMUNICATORS:
        instance.permissions.add(*permissions(COMMUNICATOR_PERMISSIONS))
    elif instance.name.startswith(PARTNER_GROUP_PREFIX):
        instance.permissions.add(*permissions(PARTNER_PERMISSIONS))
