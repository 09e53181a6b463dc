"""Admin hooks: what partner editors see of pages, and what every editor sees of files and tags
(see editorial/isolation.py)."""

from django.contrib import messages
from wagtail import hooks
from wagtail.models import Locale

# The dashboard per role and the reviewer's comment; the edit page's main button.
from editorial import dashboard, editing  # noqa: F401
from editorial.admin_views import (
    PartnerAwarePageViewSet,
    UsableDocumentsAPIViewSet,
    UsableImagesAPIViewSet,
    usable_items_bulk_actions,
)
from editorial.isolation import check_document_is_served
from editorial.partners import restrict_for_partner
from editorial.translations import (
    links_to_choose_again,
    out_of_date_button,
    out_of_date_message,
    source_published_at,
)


@hooks.register("construct_page_chooser_queryset")
def hide_other_labs_drafts_in_chooser(pages, request):
    return restrict_for_partner(pages, request.user)


@hooks.register("construct_explorer_page_queryset")
def hide_other_labs_drafts_in_explorer(parent_page, pages, request):
    return restrict_for_partner(pages, request.user)


# After Wagtail's base page viewset (order -1), so that it replaces it for every page type.
@hooks.register("register_admin_viewset")
def register_partner_aware_page_viewset():
    return PartnerAwarePageViewSet()


@hooks.register("construct_explorer_page_queryset")
def note_when_the_french_page_was_published(parent_page, pages, request):
    return source_published_at(pages)


@hooks.register("register_page_listing_buttons")
def flag_out_of_date_translations(page, user, next_url=None):
    button = out_of_date_button(page)
    if button is not None:
        yield button


@hooks.register("before_edit_page")
def warn_of_an_out_of_date_translation(request, page):
    message = out_of_date_message(page) if request.method == "GET" else None
    if message:
        messages.warning(request, message)


@hooks.register("before_edit_page")
def warn_of_links_to_choose_again(request, page):
    """A link copied to a French page that has an English version now (translated after this page)."""
    if request.method == "GET" and page.locale_id != Locale.get_default().pk:
        for message in links_to_choose_again(page):
            messages.warning(request, message)


# After Wagtail's own registration (order 0), so that these endpoints replace its.
@hooks.register("construct_admin_api", order=1)
def list_only_usable_files_in_admin_api(router):
    router.register_endpoint("documents", UsableDocumentsAPIViewSet)
    router.register_endpoint("images", UsableImagesAPIViewSet)


hooks.register("before_serve_document", check_document_is_served)

# After Wagtail's own, so that each replaces the action of the same type in the registry.
for action in usable_items_bulk_actions():
    hooks.register("register_bulk_action", action, order=1)
