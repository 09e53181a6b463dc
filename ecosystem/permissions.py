"""Who may change which actor: Wagtail's ownership rule, with the lab that added the actor as owner.

``change_actor`` (communicators) changes every actor. ``add_actor`` alone (a partner lab's editors)
adds actors and changes those of the labs whose page the user may edit in Wagtail's page
permissions: a partner never edits another lab's actor, and never publishes (``publish_actor``).
"""

from django.core.exceptions import PermissionDenied
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy


def editable_labs(user):
    """The lab pages the user may edit (Wagtail's page permissions), by title."""
    from labs.models import LabPage

    editable_pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return LabPage.objects.filter(pk__in=editable_pages.values("pk")).order_by("title")


class ActorPermissionPolicy(ModelPermissionPolicy):
    def _changes_own_lab_only(self, user):
        return not user.has_perm(self._get_permission_name("change")) and user.has_perm(
            self._get_permission_name("add")
        )

    def user_has_permission(self, user, action):
        # Adding an actor implies editing it afterwards (until it is reviewed, and after).
        if action == "change" and self._changes_own_lab_only(user):
            return True
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "change" and self._changes_own_lab_only(user):
            return instance.lab_id is not None and editable_labs(user).filter(pk=instance.lab_id).exists()
        return super().user_has_permission_for_instance(user, action, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if "change" in actions and self._changes_own_lab_only(user):
            return self.model._default_manager.filter(lab_id__in=list(editable_labs(user).values_list("pk", flat=True)))
        return super().instances_user_has_any_permission_for(user, actions)


class OwnActorsOnly:
    """For the actor admin views: an actor the user may not change is a 403, not an edit form,
    and the listing shows only the actors the user may change."""

    def get_object(self, queryset=None):
        actor = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(self.request.user, "change", actor):
            raise PermissionDenied
        return actor
