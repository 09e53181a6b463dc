"""Inputs that used to answer 500 (issue 21): each now gets a clear message or a 4xx."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db

DAMAGED = "Ce fichier image est endommagé ou incomplet"


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "password")
    client.force_login(user)
    return client


def image_bytes(image_format, size=(400, 300)):
    buffer = io.BytesIO()
    PILImage.effect_noise(size, 60).convert("RGB").save(buffer, image_format)
    return buffer.getvalue()


def test_theme_snippet_search_finds_by_name_and_description(admin_client):
    ThemeFactory(name="Qualité de vie au travail", description="Bien-être des agents")
    ThemeFactory(name="Numérique", description="Outils en ligne")

    by_name = admin_client.get("/admin/snippets/home/theme/", {"q": "qualité"})
    by_description = admin_client.get("/admin/snippets/home/theme/", {"q": "outils"})

    assert by_name.status_code == 200
    assert "Qualité de vie au travail" in by_name.text and "Numérique" not in by_name.text
    assert by_description.status_code == 200
    assert "Numérique" in by_description.text


def test_nul_byte_in_tag_autocomplete_is_a_bad_request(admin_client):
    assert admin_client.get("/admin/tag-autocomplete/", {"term": "\x00"}).status_code == 400
    assert admin_client.get("/admin/tag-autocomplete/", {"term": "atelier"}).status_code == 200


def test_nul_byte_in_an_admin_search_is_a_bad_request(admin_client):
    assert admin_client.get("/admin/pages/search/", {"q": "a\x00b"}).status_code == 400


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("truncated.png", image_bytes("PNG")[:300]),
        ("truncated.jpg", image_bytes("JPEG")[:400]),
        ("truncated-late.jpg", image_bytes("JPEG")[:-2000]),
        ("garbled.png", image_bytes("PNG")[:40] + b"\x00" * 600),
        ("empty-body.gif", b"GIF89a" + b"\x00" * 20),
        ("bad-header.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 " + b"\x00" * 30),
    ],
)
def test_damaged_image_upload_is_refused_with_a_message(admin_client, name, data):
    response = admin_client.post(
        "/admin/images/add/", {"title": "Affiche", "file": SimpleUploadedFile(name, data), "collection": 1}
    )
    assert response.status_code == 200
    assert DAMAGED in response.text or "pas une image valide" in response.text
    assert 'value="Affiche"' in response.text  # the title the person typed is kept

    multiple = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile(name, data), "collection": 1},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert multiple.status_code == 200
    assert multiple.json()["success"] is False
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize(("name", "image_format"), [("photo.jpg", "JPEG"), ("schema.png", "PNG"), ("anim.gif", "GIF")])
def test_sound_image_upload_is_accepted(admin_client, name, image_format):
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Affiche", "file": SimpleUploadedFile(name, image_bytes(image_format)), "collection": 1},
    )
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert (image.width, image.height) == (400, 300)
    assert image.get_rendition("fill-80x60").width == 80
