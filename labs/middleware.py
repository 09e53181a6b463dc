"""Guard every admin URL that names a page: a partner editor never reaches another lab's draft.

Wagtail checks the action (edit, publish, delete...) itself, but several read-only admin
views (explorer header, chooser parent, chosen pages, history, revisions) show a page's
draft title to anyone with admin access. This denies them, for pages a partner editor may
not see (see ``labs.partners.visible_pages_q``), the way Wagtail denies a forbidden action.
"""

from wagtail.admin.auth import permission_denied
from wagtail.models import Page

from labs.partners import is_partner_editor, visible_pages_q

PAGE_ID_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id")


def _requested_page_ids(request, view_kwargs):
    match = request.resolver_match
    ids = [view_kwargs[key] for key in PAGE_ID_KWARGS if key in view_kwargs]
    if match.namespace == "wagtailadmin_pages" and "pk" in view_kwargs:
        ids.append(view_kwargs["pk"])
    if match.url_name == "wagtailadmin_choose_page_chosen_multiple":
        ids += request.GET.getlist("id")
    return ids


class PartnerAreaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        is_admin = match and (
            match.namespace.startswith("wagtailadmin") or (match.url_name or "").startswith("wagtailadmin")
        )
        if not is_admin:
            return None
        if not is_partner_editor(request.user):
            return None
        ids = [int(value) for value in _requested_page_ids(request, view_kwargs) if str(value).isdigit()]
        if not ids:
            return None
        visible = Page.objects.filter(visible_pages_q(request.user), pk__in=ids).count()
        existing = Page.objects.filter(pk__in=ids).count()
        if visible < existing:
            return permission_denied(request)
        return None
