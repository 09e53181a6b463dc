"""Admin: the actors (reviewed through the workflow), their kinds, and who suggested one."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from ecosystem.models import Actor, ActorKind, ActorSuggestion
from ecosystem.permissions import ActorPermissionPolicy, OwnActorsOnly

register_permission_policy(Actor, ActorPermissionPolicy(Actor))


class ActorEditView(OwnActorsOnly, EditView):
    pass


class ActorViewSet(SnippetViewSet):
    model = Actor
    edit_view_class = ActorEditView
    icon = "site"
    menu_label = _("Actors")
    list_display = ["name", "kind", "region_label", "lab", "live"]
    list_filter = ["kind", "region", "live"]
    # No view-level search_fields: the listing's search goes through the model's own index
    # (Actor.search_fields); naming fields here makes SQLite's FTS look for a column per field.

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_permission_for(request.user, "change")


class ActorKindViewSet(SnippetViewSet):
    model = ActorKind
    icon = "tag"
    menu_label = _("Kinds of actor")
    list_display = ["name", "slug"]


class ActorSuggestionViewSet(ModelViewSet):
    model = ActorSuggestion
    icon = "mail"
    menu_label = _("Suggestions")
    list_display = ["actor", "contact_email", "submitted_at"]
    form_fields = ["contact_email"]
    inspect_view_enabled = True
    inspect_view_fields = ["actor", "contact_email", "consented_at", "submitted_at"]
    url_namespace = "actor_suggestions"
    url_prefix = "ecosystem/suggestions"


class EcosystemViewSetGroup(ViewSetGroup):
    items = (ActorViewSet, ActorKindViewSet, ActorSuggestionViewSet)
    menu_icon = "site"
    menu_label = _("Ecosystem map")
    menu_order = 260


register_snippet(EcosystemViewSetGroup)
