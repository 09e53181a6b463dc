from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import Theme
from home.rich_text import PlainPageLinkHandler


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "slug"]


register_snippet(ThemeViewSet)


@hooks.register("register_rich_text_features", order=100)  # after Wagtail's own "page" link type
def register_plain_page_links(features):
    features.register_link_type(PlainPageLinkHandler)
