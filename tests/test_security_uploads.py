"""Document uploads and their text extraction under hostile files (issue 21, part 6)."""

import io
import time
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

from search.documents import extract_text
from search.models import DocumentText
from tests.test_search import make_pdf

pytestmark = pytest.mark.django_db

DOCX_XML = (
    '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:body></w:document>"
)


def docx(text="", padding=0):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", DOCX_XML.format(text + " " * padding))
    return buffer.getvalue()


def zip_bomb_docx(inflated_bytes):
    """A .docx whose document part inflates from a few KB to inflated_bytes, written in chunks."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b"\0" * (16 * 1024 * 1024)
            for _ in range(inflated_bytes // len(chunk)):
                part.write(chunk)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def gigabyte_bomb():
    return zip_bomb_docx(1024 * 1024 * 1024)


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "password"))
    return client


def upload(client, name, data):
    return client.post(
        "/admin/documents/add/", {"title": "Fiche", "file": SimpleUploadedFile(name, data), "collection": 1}
    )


def test_a_one_gigabyte_zip_bomb_is_refused_quickly(admin_client, gigabyte_bomb):
    assert len(gigabyte_bomb) < 1_100_000  # ~1 MB on disk (1 KB per MB inflated), 1 GB opened
    started = time.monotonic()
    response = upload(admin_client, "bombe.docx", gigabyte_bomb)
    elapsed = time.monotonic() - started
    assert response.status_code == 200
    assert "Ce fichier occuperait 1024 Mo une fois ouvert" in response.content.decode()
    assert elapsed < 2
    assert not get_document_model().objects.exists()


UNREADABLE_DOCUMENTS = [
    ("vide.pdf", b"", "est vide"),
    ("faux.pdf", b"<html>pas un pdf</html>", "n&#x27;est pas un PDF, malgré son nom"),
    ("faux.docx", b"%PDF-1.4 un pdf renomme", "est endommagé ou n&#x27;est pas un document .docx"),
    ("tronque.docx", docx("Bonjour")[:60], "est endommagé ou n&#x27;est pas un document .docx"),
    ("faux.doc", b"PK\x03\x04 un zip", "n&#x27;est pas un document .doc"),
    ("tableur.odt", docx("Bonjour"), "n&#x27;est pas un document .odt"),
]


# Named by file: the generated archives hold a timestamp, and parallel workers must collect the
# same test names.
@pytest.mark.parametrize(
    ("name", "data", "message"), UNREADABLE_DOCUMENTS, ids=[case[0] for case in UNREADABLE_DOCUMENTS]
)
def test_unreadable_documents_get_a_clear_message(admin_client, name, data, message):
    response = upload(admin_client, name, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'value="Fiche"' in response.content.decode()  # the title typed is kept
    assert not get_document_model().objects.exists()


def test_an_oversized_document_gets_a_clear_message(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    response = upload(admin_client, "grand.pdf", make_pdf("x" * 3000) + b" " * 2000)
    assert response.status_code == 200
    assert "Ce fichier est trop gros" in response.content.decode()


def test_a_sound_document_is_accepted_and_its_text_extracted(admin_client):
    assert upload(admin_client, "fiche.docx", docx("Immersion dans les services")).status_code == 302
    document = get_document_model().objects.get()
    assert "Immersion dans les services" in DocumentText.objects.get(document=document).text


def test_extraction_is_bounded_even_for_a_bomb_stored_by_other_means(gigabyte_bomb):
    """A file that skipped the form (an import, an old upload): extraction refuses it in seconds."""
    document = get_document_model().objects.create(title="Bombe", file=ContentFile(gigabyte_bomb, name="bombe.docx"))
    started = time.monotonic()
    assert extract_text(document) == ""
    assert time.monotonic() - started < 5
    assert DocumentText.objects.get(document=document).text == ""


def test_extraction_is_bounded_in_memory(settings, monkeypatch):
    """A file that passes the checks yet needs more memory than allowed: the child is stopped."""
    monkeypatch.setattr("search.documents.EXTRACTION_MEMORY_BYTES", 200 * 1024 * 1024)
    monkeypatch.setattr("search.documents.MAX_INFLATED_BYTES", 1024 * 1024 * 1024)
    monkeypatch.setattr("search.documents.MAX_COMPRESSION_RATIO", 10**9)
    document = get_document_model().objects.create(
        title="Lourd", file=ContentFile(zip_bomb_docx(512 * 1024 * 1024), name="lourd.docx")
    )
    started = time.monotonic()
    assert extract_text(document) == ""
    assert time.monotonic() - started < 20


def test_extraction_runs_as_a_background_task(settings):
    from search.documents import extract_document_text

    assert extract_document_text.backend == "documents"
    document = get_document_model().objects.create(title="Fiche", file=ContentFile(docx("Atelier"), name="f.docx"))
    assert "Atelier" in DocumentText.objects.get(document=document).text
