"""Admin: communicators follow each roadmap action (what carries it out, what continues it, its history)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from roadmap.models import RoadmapAction


class RoadmapActionViewSet(SnippetViewSet):
    model = RoadmapAction
    icon = "tasks"
    menu_label = _("Roadmap follow-up")
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["title", "report"]


register_snippet(RoadmapActionViewSet)
