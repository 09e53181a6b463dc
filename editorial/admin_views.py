"""Admin views narrowed to what the permission policies allow the user (see editorial/isolation.py):
the admin API's documents and images, the tag autocomplete, the media listings' popular tags,
the page types usage report, the files' and pages' bulk actions, and the explorer and chooser
of a page a partner editor may not see (another lab's draft)."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import F, OuterRef, Subquery
from django.http import Http404, JsonResponse
from taggit.models import Tag, TagBase
from wagtail.admin.views import chooser as page_chooser_views
from wagtail.admin.views.pages import bulk_actions as page_bulk_actions
from wagtail.admin.views.pages.listing import ExplorableIndexView
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

from editorial.isolation import popular_usable_tags, usable_media, visible_pages, visible_tags
from editorial.partners import hidden_page_ids, is_partner_editor

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


# Pages a partner editor may not see ------------------------------------------------------
# Wagtail checks what an editor may do to a page (edit, publish, move...) through the page
# policy; the explorer and the chooser show the page they are opened on, and the page bulk
# actions list the pages they are given, whatever they are.


def hidden_from(user):
    """Ids of the pages the page policy hides from the user (other labs' drafts for a partner)."""
    return set(hidden_page_ids(user)) if is_partner_editor(user) else set()


def refuse_hidden_pages(user, *pages):
    if hidden_from(user) & {page if isinstance(page, int) else page.pk for page in pages if page is not None}:
        raise PermissionDenied


class VisiblePageIndexView(ExplorableIndexView):
    def get(self, request, parent_page_id=None):
        refuse_hidden_pages(request.user, parent_page_id)
        return super().get(request, parent_page_id)


class PartnerAwarePageViewSet(PageViewSet):
    """Wagtail's page views; the explorer refuses a page the user may not see."""

    index_view_class = VisiblePageIndexView


class VisiblePageBrowseView(page_chooser_views.BrowseView):
    def get(self, request, parent_page_id=None):
        refuse_hidden_pages(request.user, parent_page_id)
        return super().get(request, parent_page_id)


class VisiblePagesOnlyMixin:
    """A page bulk action acts on, and lists, only the pages the user may see."""

    def get_actionable_objects(self):
        objects, context = super().get_actionable_objects()
        hidden = hidden_from(self.request.user)
        context["items_with_no_access"] = [page for page in context["items_with_no_access"] if page.pk not in hidden]
        return [page for page in objects if page.pk not in hidden], context


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
        (page_bulk_actions, VisiblePagesOnlyMixin),
    ):
        for name in module.__all__:
            action = getattr(module, name)
            actions.append(type(name, (mixin, action), {"__module__": __name__}))
    return actions
