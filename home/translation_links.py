"""A translated page links the pages of its own language: when simple_translation copies a page into
English (Wagtail's ``copy_for_translation``, which copies links as they are), each page it links to
that has an English version (published or not) is replaced by that version: a method's author lab,
its related methods, a project's methods, the home page's featured methods, a report's participant
labs and roadmap owners, a manifesto's signatories, an event's organisers and report, a curriculum's
taught methods. A linked page with no English version stays linked as it is (its French page).

Every link to a page is found from the models, not listed: the page's foreign keys and many-to-many
fields to a page type, those of its child objects (inline panels), and the ``PageChooserBlock`` of
its StreamFields. Rich-text links are not rewritten: they lead to the reader's language when shown
(``portal.rich_text``)."""

from django.db import models
from django.db.models import OuterRef, Subquery
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.signals import copy_for_translation_done


def _is_page_model(model):
    return isinstance(model, type) and issubclass(model, Page)


def _page_foreign_keys(model):
    """The model's own foreign keys to a page type: not Page's (tree, alias), parent links nor the
    parental key of a child object."""
    return [
        field
        for field in model._meta.get_fields()
        if isinstance(field, models.ForeignKey)
        and not isinstance(field, ParentalKey)
        and not field.remote_field.parent_link
        and field.model is not Page
        and _is_page_model(field.related_model)
    ]


class _Link:
    """One place holding a linked page's id, and how to point it elsewhere."""

    def __init__(self, page_id, point_to):
        self.page_id = page_id
        self.point_to = point_to


def _stream_links(block, value, point_to):
    if value is None:
        return
    if isinstance(block, blocks.PageChooserBlock):
        yield _Link(value.pk, point_to)
    # A block may derive from these and keep another value (Wagtail's ImageBlock, an image): skipped.
    elif isinstance(block, blocks.StructBlock) and isinstance(value, blocks.StructValue):
        for name, child_block in block.child_blocks.items():
            point_to_page = lambda page, name=name: value.__setitem__(name, page)  # noqa: E731
            yield from _stream_links(child_block, value.get(name), point_to_page)
    elif isinstance(block, blocks.ListBlock) and isinstance(value, blocks.list_block.ListValue):
        for child in value.bound_blocks:
            yield from _stream_links(child.block, child.value, lambda page, child=child: setattr(child, "value", page))
    elif isinstance(block, blocks.StreamBlock) and isinstance(value, blocks.StreamValue):
        for child in value:
            yield from _stream_links(child.block, child.value, lambda page, child=child: setattr(child, "value", page))


def _links(page, changed):
    """Every link of ``page`` to another page; ``changed`` collects what must be saved."""
    for field in _page_foreign_keys(type(page)):
        if (page_id := getattr(page, field.attname)) is not None:
            yield _Link(page_id, lambda target, field=field: setattr(page, field.attname, target.pk))
    for field in page._meta.get_fields():
        if isinstance(field, ParentalManyToManyField) and _is_page_model(field.related_model):
            linked = list(getattr(page, field.name).all())
            for position, linked_page in enumerate(linked):

                def point_to(target, field=field, linked=linked, position=position):
                    linked[position] = field.related_model.objects.get(pk=target.pk)  # of the field's type
                    getattr(page, field.name).set(linked)

                yield _Link(linked_page.pk, point_to)
        elif isinstance(field, StreamField):
            stream = getattr(page, field.name)
            yield from _stream_links(field.stream_block, stream, point_to=None)
    for relation in get_all_child_relations(type(page)):
        keys = _page_foreign_keys(relation.related_model)
        if not keys:
            continue
        for child in getattr(page, relation.get_accessor_name()).all():
            for field in keys:
                if (page_id := getattr(child, field.attname)) is not None:

                    def point_to(target, child=child, field=field):
                        setattr(child, field.attname, target.pk)
                        changed.append(child)

                    yield _Link(page_id, point_to)


def _translations_in(locale_id, page_ids):
    """{page id: its version in the locale} for the pages that have one (aliases aside), in one query."""
    versions = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale_id=locale_id, alias_of__isnull=True
    ).exclude(pk=OuterRef("pk"))
    found = dict(
        Page.objects.filter(pk__in=page_ids)
        .exclude(locale_id=locale_id)
        .annotate(version=Subquery(versions.values("pk")[:1]))
        .filter(version__isnull=False)
        .values_list("pk", "version")
    )
    pages = Page.objects.in_bulk(set(found.values()))
    return {page_id: pages[version] for page_id, version in found.items()}


def link_the_translations(page):
    """Point the links of ``page`` (a new translation, a draft) to the versions of the linked pages in
    its language; saved on the page and on its revision (the one Wagtail's copy made)."""
    changed = []
    links = list(_links(page, changed))
    translations = _translations_in(page.locale_id, {link.page_id for link in links})
    for link in links:
        if link.page_id in translations:
            link.point_to(translations[link.page_id])
    if not translations:
        return
    for child in changed:
        child.save()
    page.save(clean=False)
    revision = page.latest_revision
    if revision is not None:
        revision.content = page.serializable_data()
        revision.save(update_fields=["content"])


def link_translations_after_copy(sender, source_obj, target_obj, **kwargs):
    if isinstance(target_obj, Page) and target_obj.alias_of_id is None:
        # Read again: the copy's revision was saved through another instance than the one sent.
        link_the_translations(Page.objects.get(pk=target_obj.pk).specific)


def connect():
    copy_for_translation_done.connect(link_translations_after_copy, dispatch_uid="home-translation-links")


def links_with_a_version_now(page):
    """The pages ``page`` (what its editor edits) links to in another language that now have a version
    in its own: [(linked page, its version)], in the order of the links (one query, two when any)."""
    links = list(_links(page, []))
    translations = _translations_in(page.locale_id, {link.page_id for link in links})
    if not translations:
        return []
    linked = Page.objects.in_bulk(translations.keys())
    return [
        (linked[page_id], translations[page_id])
        for page_id in dict.fromkeys(link.page_id for link in links)
        if page_id in translations
    ]
