"""Deny by default every admin URL that names a page a partner editor may not see.

Wagtail checks the action (edit, publish, delete...) itself, but several read-only admin
views (explorer header, chooser parent, chosen pages, history, revisions) show a page's
draft title to anyone with admin access. Whatever the view, present or added by a later
Wagtail release, a URL parameter that names a page (``page_id``, ``page_pk``...; ``pk`` under
the page views) or the page ids of a page chooser or bulk action is checked here against
``editorial.partners.visible_pages_q``, and refused the way Wagtail refuses a forbidden action.
Files, tags and reports are narrowed by the permission policies instead (editorial/isolation.py).
"""

from wagtail.admin.auth import permission_denied
from wagtail.models import Page

from editorial.partners import hidden_page_ids, is_partner_editor, other_lab_paths

PAGE_ID_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk")


def _requested_page_ids(request, view_kwargs):
    match = request.resolver_match
    ids = [view_kwargs[key] for key in PAGE_ID_KWARGS if key in view_kwargs]
    if match.namespace == "wagtailadmin_pages" and "pk" in view_kwargs:
        ids.append(view_kwargs["pk"])
    if match.url_name == "wagtailadmin_choose_page_chosen_multiple":
        ids += request.GET.getlist("id")
    if match.url_name == "wagtail_bulk_action" and view_kwargs.get("model_name") == "page":
        ids += request.GET.getlist("id") + request.GET.getlist("childOf")
    return ids


class PartnerAreaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        name = f"{match.namespace}:{match.url_name}".lstrip(":") if match else ""
        if not name.startswith(("wagtailadmin", "wagtail_bulk_action")):
            return None
        if not is_partner_editor(request.user):
            return None
        if match.url_name == "wagtail_bulk_action" and "all" in request.GET.getlist("id"):
            # "Select all" would list every child, other labs' drafts included: partners pick pages one by one.
            return permission_denied(request)
        ids = {int(value) for value in _requested_page_ids(request, view_kwargs) if str(value).isdigit()}
        if not ids:
            return None
        if ids & set(hidden_page_ids(request.user)):
            return permission_denied(request)
        # Outside the chooser (which lists live pages anywhere), another lab's area is off limits.
        if not (match.url_name or "").startswith("wagtailadmin_choose_page"):
            paths = Page.objects.filter(pk__in=ids).values_list("path", flat=True)
            other_labs = other_lab_paths(request.user)
            if any(path.startswith(lab_path) for path in paths for lab_path in other_labs):
                return permission_denied(request)
        return None
