"""Text extraction from uploaded documents, and which live pages use a document."""

import logging
import zipfile
from xml.etree import ElementTree

from django.db.models import F, IntegerField, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.utils.file import hash_filelike

logger = logging.getLogger(__name__)

# Enough for any worksheet; bounds the work a huge upload can cause.
MAX_PDF_PAGES = 200
MAX_TEXT_LENGTH = 200_000
OFFICE_XML_PARTS = {"odt": ["content.xml"], "odp": ["content.xml"], "docx": ["word/document.xml"]}


def _pdf_text(file):
    from pypdf import PdfReader

    reader = PdfReader(file)
    texts = []
    for page in reader.pages[:MAX_PDF_PAGES]:
        texts.append(page.extract_text() or "")
        if sum(map(len, texts)) > MAX_TEXT_LENGTH:
            break
    return "\n".join(texts)


def _office_xml_text(file, parts):
    texts = []
    with zipfile.ZipFile(file) as archive:
        for part in parts:
            root = ElementTree.fromstring(archive.read(part))
            texts.append(" ".join(t.strip() for t in root.itertext() if t.strip()))
    return "\n".join(texts)


def extract_text(document):
    """The plain text of a document's file ("" when the format is not supported or the file is broken)."""
    extension = document.file_extension.lower()
    try:
        with document.open_file() as file:
            if extension == "pdf":
                text = _pdf_text(file)
            elif extension in OFFICE_XML_PARTS:
                text = _office_xml_text(file, OFFICE_XML_PARTS[extension])
            elif extension in ("txt", "csv"):
                text = file.read(MAX_TEXT_LENGTH).decode("utf-8", errors="replace")
            else:
                return ""
    except Exception:  # a broken upload must not break saving the document
        logger.warning("Could not extract the text of document %s", document.pk, exc_info=True)
        return ""
    return text.replace("\x00", "")[:MAX_TEXT_LENGTH]


def file_hash(document):
    try:
        with document.open_file() as file:
            return hash_filelike(file)
    except (OSError, ValueError):
        return ""


def update_document_text(document):
    """Extract and store the document's text when its file changed since the last extraction."""
    from .models import DocumentText

    current_hash = file_hash(document)
    stored = DocumentText.objects.filter(document=document).first()
    if stored and stored.file_hash == current_hash:
        if stored.title != document.title:
            stored.save()  # reindex under the new title
        return stored
    stored = stored or DocumentText(document=document)
    stored.text = extract_text(document)
    stored.file_hash = current_hash
    stored.save()
    return stored


def used_document_ids(pages):
    """A condition on documents: used by one of the given pages (worksheets, PDF fields,
    StreamField blocks). The pages' query is compiled once and read by each kind of use."""
    from labs.models import ManifestoPage
    from methods.models import MethodWorksheet

    sql, params = pages.annotate(used_by_id=F("pk")).values("used_by_id").query.sql_with_params()
    page_ids = RawSQL(sql, params)
    # The reference index stores object ids as text.
    page_text_ids = RawSQL(f"SELECT CAST(used_by_id AS VARCHAR(255)) FROM ({sql}) AS used_by", params)
    referenced = (
        ReferenceIndex.objects.filter(
            base_content_type=ReferenceIndex._get_base_content_type(Page),
            to_content_type=ReferenceIndex._get_base_content_type(get_document_model()),
            object_id__in=page_text_ids,
        )
        .annotate(document_pk=Cast("to_object_id", IntegerField()))
        .values("document_pk")
    )
    return (
        Q(document_id__in=referenced)
        | Q(document_id__in=MethodWorksheet.objects.filter(page_id__in=page_ids).values("document_id"))
        | Q(document_id__in=ManifestoPage.objects.filter(pk__in=page_ids).values("pdf_id"))
    )


def pages_using_documents(document_ids):
    """{document id: [live public pages using it]} for a few documents, in a fixed number of queries."""
    from labs.models import ManifestoPage
    from methods.models import MethodWorksheet

    pairs = set()
    document_ids = list(document_ids)
    if not document_ids:
        return {}
    references = ReferenceIndex.objects.filter(
        base_content_type=ReferenceIndex._get_base_content_type(Page),
        to_content_type=ReferenceIndex._get_base_content_type(get_document_model()),
        to_object_id__in=[str(pk) for pk in document_ids],
    ).values_list("to_object_id", "object_id")
    pairs.update((int(doc), int(page)) for doc, page in references if page.isdigit())
    pairs.update(
        (doc, page)
        for page, doc in MethodWorksheet.objects.filter(document_id__in=document_ids).values_list(
            "page_id", "document_id"
        )
    )
    pairs.update(
        (doc, page) for page, doc in ManifestoPage.objects.filter(pdf_id__in=document_ids).values_list("pk", "pdf_id")
    )
    pages = Page.objects.live().public().filter(pk__in={page for _, page in pairs}).order_by("title")
    pages = {page.pk: page for page in pages}
    usage = {doc: [] for doc in document_ids}
    for doc, page in sorted(pairs):
        if page in pages and pages[page] not in usage[doc]:
            usage[doc].append(pages[page])
    return usage
