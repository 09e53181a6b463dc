"""Text extraction from uploaded documents, and which live pages use a document.

Extraction runs as a background task (django-tasks, backend "documents": the database in
production, run at once elsewhere), in a child process bounded in time and memory, after checks
that refuse a zip bomb from its declared sizes before anything is inflated."""

import logging
import multiprocessing
import resource
import zipfile

from defusedxml.ElementTree import fromstring as parse_xml
from django.db.models import F, IntegerField, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.utils.file import hash_filelike

from home.models.mixins import active_language

logger = logging.getLogger(__name__)

# Enough for any worksheet; bounds the work a huge upload can cause.
MAX_PDF_PAGES = 200
MAX_TEXT_LENGTH = 200_000
OFFICE_XML_PARTS = {"odt": ["content.xml"], "odp": ["content.xml"], "docx": ["word/document.xml"]}
ZIP_FORMATS = {"odt", "ods", "odp", "docx", "xlsx", "pptx"}
OLE_FORMATS = {"doc", "xls", "ppt"}
# What an office file may inflate to, in all and against its compressed size: real documents
# stay far below (a 2 MB .docx is ~10 MB of XML, a ratio under 20).
MAX_INFLATED_BYTES = 64 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
MIN_RATIO_CHECKED_BYTES = 1024 * 1024  # a tiny file may compress very well and harm no one
# The child process that extracts: wall time, CPU time and address space.
EXTRACTION_SECONDS = 20
EXTRACTION_MEMORY_BYTES = 768 * 1024 * 1024


class UnreadableDocument(ValueError):
    """A file that is empty, damaged, not what its extension says, or that would inflate too far."""


def check_file(file, extension):
    """Raise UnreadableDocument with a message for the editor; read headers and zip directories
    only, never inflate."""
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if not head:
        raise UnreadableDocument(_("This file is empty."))
    if extension == "pdf" and not head.startswith(b"%PDF-"):
        raise UnreadableDocument(_("This file is not a PDF, whatever its name says."))
    if extension in OLE_FORMATS and not head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableDocument(_("This file is not a .%(extension)s document.") % {"extension": extension})
    if extension == "rtf" and not head.startswith(b"{\\rtf"):
        raise UnreadableDocument(_("This file is not an RTF document."))
    if extension in ZIP_FORMATS:
        try:
            with zipfile.ZipFile(file) as archive:
                members = archive.infolist()
        except (zipfile.BadZipFile, OSError, ValueError) as error:
            raise UnreadableDocument(
                _("This file is damaged or is not a .%(extension)s document.") % {"extension": extension}
            ) from error
        finally:
            file.seek(0)
        inflated = sum(member.file_size for member in members)
        compressed = sum(member.compress_size for member in members) or 1
        suspicious_ratio = inflated > MIN_RATIO_CHECKED_BYTES and inflated / compressed > MAX_COMPRESSION_RATIO
        if inflated > MAX_INFLATED_BYTES or suspicious_ratio:
            raise UnreadableDocument(
                _("This file would inflate to %(size)d MB when opened: it cannot be accepted.")
                % {"size": inflated // (1024 * 1024)}
            )
        names = {member.filename for member in members}
        missing = [part for part in OFFICE_XML_PARTS.get(extension, []) if part not in names]
        if missing:
            raise UnreadableDocument(_("This file is not a .%(extension)s document.") % {"extension": extension})


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
            with archive.open(part) as member:
                xml = member.read(MAX_INFLATED_BYTES + 1)  # the declared size may lie: cap the read
            if len(xml) > MAX_INFLATED_BYTES:
                raise UnreadableDocument("inflates beyond the limit")
            root = parse_xml(xml)  # defusedxml: no entity expansion
            texts.append(" ".join(t.strip() for t in root.itertext() if t.strip()))
    return "\n".join(texts)


def _text_of(file, extension):
    check_file(file, extension)
    if extension == "pdf":
        return _pdf_text(file)
    if extension in OFFICE_XML_PARTS:
        return _office_xml_text(file, OFFICE_XML_PARTS[extension])
    if extension in ("txt", "csv"):
        return file.read(MAX_TEXT_LENGTH).decode("utf-8", errors="replace")
    return ""


def _extract_in_child(path, extension, sender):
    resource.setrlimit(resource.RLIMIT_AS, (EXTRACTION_MEMORY_BYTES, EXTRACTION_MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (EXTRACTION_SECONDS, EXTRACTION_SECONDS))
    try:
        with open(path, "rb") as file:
            sender.send(("text", _text_of(file, extension)[:MAX_TEXT_LENGTH]))
    except BaseException as error:  # the parent logs it; the child must end cleanly
        sender.send(("error", repr(error)[:500]))


def extract_text(document):
    """The plain text of a document's file ("" when the format is not supported, the file is
    broken, or extracting it takes more than EXTRACTION_SECONDS or EXTRACTION_MEMORY_BYTES)."""
    extension = document.file_extension.lower()
    if extension not in OFFICE_XML_PARTS and extension not in ("pdf", "txt", "csv"):
        return ""
    try:
        path = document.file.path
    except (NotImplementedError, ValueError):
        return ""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_extract_in_child, args=(path, extension, sender), daemon=True)
    child.start()
    sender.close()
    outcome = ("error", f"no answer within {EXTRACTION_SECONDS} s")
    try:
        if receiver.poll(EXTRACTION_SECONDS):
            outcome = receiver.recv()
    except EOFError:
        outcome = ("error", "the extraction process died (memory limit)")
    finally:
        child.kill()
        child.join()
        receiver.close()
    kind, value = outcome
    if kind != "text":
        logger.warning("No text extracted from document %s: %s", document.pk, value)
        return ""
    return value.replace("\x00", "")


def file_hash(document):
    try:
        with document.open_file() as file:
            return hash_filelike(file)
    except (OSError, ValueError):
        return ""


def update_document_text(document):
    """Queue the extraction of the document's text (run at once where the backend is immediate)."""
    extract_document_text.enqueue(document.pk)


@task(backend="documents")
def extract_document_text(document_id):
    """The background task: the document may have been deleted since it was queued."""
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is not None:
        store_document_text(document)


def store_document_text(document):
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

    # Unordered: the subqueries need the ids, not the pages' tree order (a sort of every live page).
    sql, params = pages.annotate(used_by_id=F("pk")).order_by().values("used_by_id").query.sql_with_params()
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
    pages = (
        Page.objects.live()
        .public()
        .filter(pk__in={page for _, page in pairs}, locale__language_code=active_language())
        .order_by("title")
    )
    pages = {page.pk: page for page in pages}
    usage = {doc: [] for doc in document_ids}
    for doc, page in sorted(pairs):
        if page in pages and pages[page] not in usage[doc]:
            usage[doc].append(pages[page])
    return usage
