"""What an editor may see and attach of pages, documents, images and tags, decided by Wagtail's
permission policies (``wagtail.permissions.policy_registry``).

Wagtail filters its HTML listings and choosers through the policies, but a few places read
every collection: the admin API, the popular tags of the media listings and of the image
chooser, the tag autocomplete, the page types usage report (editorial/admin_views.py), the
public document URL and the ids a page form accepts (here).
"""

import json

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.http import Http404
from django.utils.translation import gettext as _
from modelcluster.fields import ParentalKey
from taggit.models import Tag
from wagtail.admin.forms.pages import WagtailAdminPageForm
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

from home.models import public_pages

# A file may be attached, listed or counted by whoever may choose or change it.
MEDIA_ACTIONS = ["choose", "change"]


def media_models():
    return [get_document_model(), get_image_model()]


def usable_media(user, model):
    """The documents or images (``model``) the user may choose or change: their collections' files."""
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(user, MEDIA_ACTIONS)


def visible_pages(user):
    """Pages the user may see in the admin: what the page policy lets them explore, and live pages."""
    explorable = policy_registry.get_by_type(Page).explorable_instances(user)
    return Page.objects.filter(Q(pk__in=explorable.values("pk")) | Q(live=True, has_unpublished_changes=False))


# Documents served to the public ---------------------------------------------------------


def document_is_public(document):
    """True when a live page without view restriction uses the document (Wagtail's reference index)."""
    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.get_references_to(document).filter(base_content_type=page_type)
    live_ids = [str(pk) for pk in public_pages(all_locales=True).values_list("pk", flat=True)]
    return references.filter(object_id__in=live_ids).exists()


def check_document_is_served(document, request):
    """``before_serve_document``: a file no live public page uses is served only to its editors."""
    if document_is_public(document):
        return None
    policy = policy_registry.get_by_type(type(document))
    if policy.user_has_any_permission_for_instance(request.user, MEDIA_ACTIONS, document):
        return None
    raise Http404


# Tags -----------------------------------------------------------------------------------


def visible_tags(user):
    """Tags carried by something the user may see: a visible page, a usable document or image.

    Page tags are read through the pages' ``tagged_items`` (the portal's PageTag); media tags
    through taggit's generic TaggedItem.
    """
    condition = Q(home_pagetag_items__content_object__in=visible_pages(user))
    for model in media_models():
        condition |= Q(
            taggit_taggeditem_items__content_type=ContentType.objects.get_for_model(model),
            taggit_taggeditem_items__object_id__in=usable_media(user, model).values("pk"),
        )
    return Tag.objects.filter(condition).distinct()


def popular_usable_tags(user, model, count=10):
    """Wagtail's ``popular_tags_for_model``, counted on the files the user may use."""
    return (
        Tag.objects.filter(
            taggit_taggeditem_items__content_type=ContentType.objects.get_for_model(model),
            taggit_taggeditem_items__object_id__in=usable_media(user, model).values("pk"),
        )
        .annotate(item_count=Count("taggit_taggeditem_items"))
        .order_by("-item_count", "name")[:count]
    )


# Page forms: the ids of files and pages a form accepts -------------------------------------


def referenced_objects(instance):
    """(field name, model, id) of each document, image or page the object refers to.

    Uses the fields' own ``extract_references`` (StreamField, rich text) and foreign keys,
    the way Wagtail's reference index reads them.
    """
    watched = (*media_models(), Page)
    for field in instance._meta.get_fields():
        if field.is_relation and field.many_to_one and not isinstance(field, ParentalKey):
            model = field.related_model
            if isinstance(model, type) and issubclass(model, watched):
                value = field.value_from_object(instance)
                if value is not None:
                    yield field.name, model, str(value)
        if hasattr(field, "extract_references"):
            value = field.value_from_object(instance)
            if value is not None:
                for model, object_id, _model_path, _content_path in field.extract_references(value):
                    if issubclass(model, watched):
                        yield field.name, model, str(object_id)


def may_attach(user, model, object_id):
    if issubclass(model, Page):
        return visible_pages(user).filter(pk=object_id).exists()
    return usable_media(user, model).filter(pk=object_id).exists()


# Bound data keys of a StreamField's structure, never a chosen id.
STRUCTURE_SUFFIXES = ("-count", "-order", "-type", "-deleted", "-id")


def forget_chosen_id(form, field_name, object_id):
    """Empty the refused id in the form's data: the form shows an empty chooser (or the link's
    text without the link) again, not the title or address of something the editor may not
    see; everything else typed stays."""
    prefix = form.add_prefix(field_name)
    data = form.data.copy()
    for key in list(data):
        if not (key == prefix or key.startswith(f"{prefix}-")) or key.endswith(STRUCTURE_SUFFIXES):
            continue
        value = data.get(key)
        if value == object_id:
            data[key] = ""
        elif '"entityMap"' in value:
            data[key] = unlink_rich_text(value, object_id)
    form.data = data


def unlink_rich_text(contentstate, object_id):
    """A rich text editor's value (Draftail's contentstate) without the links to ``object_id``."""
    try:
        state = json.loads(contentstate)
        refused = {
            key for key, entity in state["entityMap"].items() if str(entity.get("data", {}).get("id")) == object_id
        }
        for key in refused:
            del state["entityMap"][key]
        for block in state["blocks"]:
            block["entityRanges"] = [r for r in block.get("entityRanges", []) if str(r["key"]) not in refused]
    except (ValueError, KeyError, TypeError, AttributeError):
        # Not a contentstate the editor could have produced a link in: left as typed.
        return contentstate
    return json.dumps(state)


class AttachOnlyUsableForm(WagtailAdminPageForm):
    """Refuses a document, image or page the editor could not have chosen, typed in by id.

    References the page already had (attached by someone else) are kept; the rest of what was
    typed stays in the form with the error.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._existing_references = set(self._references())

    def _references(self):
        """{(model, id): (form, field name)} for the page and its inline children."""
        found = {(model, object_id): (self, name) for name, model, object_id in referenced_objects(self.instance)}
        for formset in self.formsets.values():
            for form in formset.forms:
                if not getattr(form, "cleaned_data", {}).get("DELETE"):
                    found.update(
                        {
                            (model, object_id): (form, name)
                            for name, model, object_id in referenced_objects(form.instance)
                        }
                    )
        return found

    def is_valid(self):
        valid = super().is_valid()
        if not valid or self.for_user is None:
            return valid
        refused = False
        for (model, object_id), (form, field_name) in self._references().items():
            if (model, object_id) in self._existing_references or may_attach(self.for_user, model, object_id):
                continue
            message = _(
                "You cannot attach this item (%(kind)s no. %(id)s): it is in no collection or area open to you."
            ) % {"kind": model._meta.verbose_name, "id": object_id}
            form.add_error(field_name if field_name in form.fields else None, forms.ValidationError(message))
            forget_chosen_id(form, field_name, object_id)
            refused = True
        return not refused
