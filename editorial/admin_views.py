"""Admin views narrowed to what the permission policies allow the user (see editorial/isolation.py):
the admin API's documents and images, the tag autocomplete, the media listings' popular tags,
the page types usage report, the files' bulk actions; and the page views, chooser and bulk
actions refuse a page a partner editor may not open (another person's draft, another lab's area)."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import F, OuterRef, Subquery
from django.http import Http404, JsonResponse
from taggit.models import Tag, TagBase
from wagtail.admin.views import chooser as page_chooser_views
from wagtail.admin.views.pages import bulk_actions as page_bulk_actions
from wagtail.admin.views.pages import revisions as page_revisions
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.views.tags import TAGS_AUTOCOMPLETE_LIMIT
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.views import bulk_actions as document_bulk_actions
from wagtail.documents.views import documents as document_views
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.images.views import bulk_actions as image_bulk_actions
from wagtail.images.views import chooser as image_chooser_views
from wagtail.images.views import images as image_views
from wagtail.models import Page

from editorial.isolation import popular_usable_tags, usable_media, visible_pages, visible_tags
from editorial.partners import hidden_page_ids, is_partner_editor, other_lab_paths

# Admin API ------------------------------------------------------------------------------


class UsableDocumentsAPIViewSet(DocumentsAdminAPIViewSet):
    """The admin API's documents: those the user may choose or change, not every collection's."""

    def get_queryset(self):
        return super().get_queryset().filter(pk__in=usable_media(self.request.user, self.model).values("pk"))


class UsableImagesAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().filter(pk__in=usable_media(self.request.user, self.model).values("pk"))


def tag_autocomplete(request, app_name=None, model_name=None):
    """Wagtail's tag autocomplete, limited to the tags of what the user may see."""
    tag_model = Tag
    if app_name and model_name:
        try:
            tag_model = ContentType.objects.get_by_natural_key(app_name, model_name).model_class()
        except ContentType.DoesNotExist as error:
            raise Http404 from error
        if tag_model is None or not issubclass(tag_model, TagBase):
            raise Http404
    term = request.GET.get("term", "")
    if not term or tag_model is not Tag:
        return JsonResponse([], safe=False)
    names = (
        visible_tags(request.user)
        .filter(name__istartswith=term)
        .order_by("name")
        .values_list("name", flat=True)[:TAGS_AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse(list(names), safe=False)


class UsableTagsFilterSetMixin:
    """The media listing's "popular tags" filter, counted on the files the user may use."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if "tag" in self.filters:
            tags = popular_usable_tags(request.user, self._meta.model)
            self.filters["tag"].extra["choices"] = [(tag.name, tag.name) for tag in tags]


class DocumentsFilterSet(UsableTagsFilterSetMixin, document_views.DocumentsFilterSet):
    pass


class ImagesFilterSet(UsableTagsFilterSetMixin, image_views.ImagesFilterSet):
    pass


class DocumentIndexView(document_views.IndexView):
    filterset_class = DocumentsFilterSet


class ImageIndexView(image_views.IndexView):
    filterset_class = ImagesFilterSet


class ImageChooseView(image_chooser_views.ImageChooseView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["popular_tags"] = popular_usable_tags(self.request.user, self.model)
        return context


# Reports --------------------------------------------------------------------------------


class VisiblePageTypesUsageReportView(PageTypesUsageReportView):
    """Page types usage, whose "last edited page" is one the user may see."""

    def get_queryset(self):
        last_edited = (
            visible_pages(self.request.user)
            .filter(content_type=OuterRef("pk"))
            .order_by(F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk")
        )
        return super().get_queryset().annotate(last_edited_page_id=Subquery(last_edited.values("pk")[:1]))


# Pages a partner editor may not open ----------------------------------------------------
# Wagtail checks what an editor may do to a page (edit, publish, move...) through the page
# policy, but its explorer, chooser and bulk actions show the pages they are opened on, whatever
# they are. For a partner editor, these refuse another person's draft and, outside the chooser
# (which lists live pages anywhere), a page of another lab's area.

# The URL parameters of Wagtail's page views that name a page.
PAGE_ID_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id", "pk")


def refuse_pages_not_open_to(user, pages, chooser=False):
    """Raise PermissionDenied (403) when a partner editor may not open one of ``pages`` (pages or ids)."""
    if not is_partner_editor(user):
        return
    ids = {int(pk) for pk in (getattr(page, "pk", page) for page in pages) if str(pk).isdigit()}
    if not ids:
        return
    if ids & set(hidden_page_ids(user)):
        raise PermissionDenied
    if not chooser:
        other_labs = other_lab_paths(user)
        paths = Page.objects.filter(pk__in=ids).values_list("path", flat=True)
        if any(path.startswith(lab_path) for path in paths for lab_path in other_labs):
            raise PermissionDenied


class PartnerAwarePageViewSet(PageViewSet):
    """Wagtail's page views (explorer, edit, history, move...), each refusing a page the user may not open."""

    def construct_view(self, view_class, **kwargs):
        view = super().construct_view(view_class, **kwargs)

        def checked_view(request, *args, **view_kwargs):
            refuse_pages_not_open_to(request.user, [view_kwargs.get(name) for name in PAGE_ID_KWARGS])
            return view(request, *args, **view_kwargs)

        return checked_view


def revisions_index(request, page_id):
    """Wagtail's redirect from a page's revisions to its history, which is a page view like the others."""
    refuse_pages_not_open_to(request.user, [page_id])
    return page_revisions.revisions_index(request, page_id)


class VisiblePageBrowseView(page_chooser_views.BrowseView):
    def get(self, request, parent_page_id=None):
        refuse_pages_not_open_to(request.user, [parent_page_id], chooser=True)
        return super().get(request, parent_page_id)


class VisiblePagesChosenView(page_chooser_views.ChosenMultipleView):
    def get(self, request):
        refuse_pages_not_open_to(request.user, request.GET.getlist("id"), chooser=True)
        return super().get(request)


class OpenPagesOnlyMixin:
    """A page bulk action refuses a page the user may not open, and a partner's "select all" (which
    would take every child, other labs' drafts included: partners pick pages one by one)."""

    def dispatch(self, request, *args, **kwargs):
        ids = request.GET.getlist("id")
        if "all" in ids and is_partner_editor(request.user):
            raise PermissionDenied
        refuse_pages_not_open_to(request.user, ids + request.GET.getlist("childOf"))
        return super().dispatch(request, *args, **kwargs)


# Bulk actions on files -------------------------------------------------------------------


class UsableItemsOnlyMixin:
    """A bulk action's "you have no permission for these" list names only files the user may
    choose or change: another collection's file titles are not theirs to read."""

    def get_actionable_objects(self):
        objects, context = super().get_actionable_objects()
        refused = context["items_with_no_access"]
        usable = set(
            usable_media(self.request.user, self.model)
            .filter(pk__in=[item.pk for item in refused])
            .values_list("pk", flat=True)
        )
        context["items_with_no_access"] = [item for item in refused if item.pk in usable]
        return objects, context


def usable_items_bulk_actions():
    """Wagtail's document, image and page bulk actions, each with its mixin above."""
    actions = []
    for module, mixin in (
        (document_bulk_actions, UsableItemsOnlyMixin),
        (image_bulk_actions, UsableItemsOnlyMixin),
        (page_bulk_actions, OpenPagesOnlyMixin),
    ):
        for name in module.__all__:
            action = getattr(module, name)
            actions.append(type(name, (mixin, action), {"__module__": __name__}))
    return actions
