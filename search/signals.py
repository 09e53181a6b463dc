from wagtail.models import Page, PageViewRestriction

from .documents import update_document_text
from .facets import forget_option_pages


def document_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """Keep the document's extracted text in step with its file (and title)."""
    if raw or (update_fields and set(update_fields) <= {"file_hash", "file_size"}):
        return
    update_document_text(instance)


def forget_facet_pages(sender, instance=None, **kwargs):
    """A page or a view restriction changed: the cached options of page-valued facets (the live
    public labs) may be out of date."""
    if isinstance(instance, Page | PageViewRestriction):
        forget_option_pages()
