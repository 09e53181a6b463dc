from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import Theme
from home.models.mixins import serve_in_language_of


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "slug"]


register_snippet(ThemeViewSet)


# Every URL field of the admin's forms (a lab's website, an event's links, an actor's website) says
# what it accepts when Django's URLValidator refuses a value such as "javascript:…". This replaces
# Wagtail's own override for URL fields, whose https default is kept.
register_form_field_override(
    models.URLField,
    override={
        "assume_scheme": "https",
        "error_messages": {"invalid": _("Enter a web address starting with https://.")},
    },
)


@hooks.register("before_serve_page")
def list_in_the_page_language(page, request, serve_args, serve_kwargs):
    """A page lists pages of its own language, also when it is served under another language's
    interface (a French page not translated yet, under /en/)."""
    serve_in_language_of(page)
