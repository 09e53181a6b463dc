"""Two-factor authentication for communicators and administrators (issue 21, part 3)."""

import re

import pytest
from django.contrib.auth.models import Permission
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts import PASSWORD, create_partner_editor

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def two_factor_required(settings):
    settings.REQUIRE_2FA_FOR_STAFF = True


@pytest.fixture
def partner_editor():
    user = create_partner_editor()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def code_for(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def sign_in(client, user):
    return client.post("/admin/login/", {"username": user.username, "password": PASSWORD})


def enrol(client):
    """Set up TOTP through the pages as a person would; return the device and the recovery codes."""
    page = client.get("/admin/2fa/setup/")
    device = TOTPDevice.objects.get(confirmed=False)
    done = client.post("/admin/2fa/setup/", {"code": code_for(device), "next": "/admin/"})
    codes = re.findall(r"<li><code>(\w+)</code></li>", done.content.decode())
    device.refresh_from_db()
    return page, done, device, codes


def enrolled_then_signed_in_again(client, user):
    """Enrol, sign out, sign in with the password again: the code page is next. (device, codes)"""
    sign_in(client, user)
    _, _, device, codes = enrol(client)
    client.logout()
    sign_in(client, user)
    return device, codes


def test_a_communicator_must_set_up_a_second_factor_before_the_admin(client, communicator):
    sign_in(client, communicator)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/setup/")

    page, done, device, codes = enrol(client)
    html = page.content.decode()
    assert "Activer la vérification en deux étapes" in html
    assert "<svg" in html and "<path" in html  # the QR code, inline
    assert "otpauth" not in html and "http" not in html.split("<svg", 1)[1].split("</svg>", 1)[0].replace(
        "http://www.w3.org/2000/svg", ""
    )
    assert done.status_code == 200 and "Vos codes de secours" in done.content.decode()
    assert device.confirmed and len(codes) == 10
    assert client.get("/admin/pages/").status_code == 200


def test_signing_in_asks_for_the_code_and_refuses_a_wrong_one(client, communicator):
    device, _ = enrolled_then_signed_in_again(client, communicator)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/2fa/verify/")
    # What the code page loads is served (the icons sprite, once answered with the code page itself).
    assert client.get("/admin/sprite/").status_code == 200
    wrong = client.post("/admin/2fa/verify/", {"code": "000000", "next": "/admin/"})
    assert wrong.status_code == 200
    assert "Ce code n&#x27;est pas valide" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302

    device.refresh_from_db()
    device.throttling_failure_count = 0  # the wrong code above started django-otp's back-off
    device.last_t = -1  # as in the next 30-second window: a code that served once is refused
    device.save()
    right = client.post("/admin/2fa/verify/", {"code": code_for(device), "next": "/admin/pages/"})
    assert right.status_code == 302 and right["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_signs_in_once(client, communicator):
    _, codes = enrolled_then_signed_in_again(client, communicator)
    assert client.post("/admin/2fa/verify/", {"code": codes[0], "next": "/admin/"}).status_code == 302
    assert client.get("/admin/").status_code == 200
    assert not StaticToken.objects.filter(token=codes[0]).exists()
    client.logout()
    sign_in(client, communicator)
    assert client.post("/admin/2fa/verify/", {"code": codes[0], "next": "/admin/"}).status_code == 200


def test_the_second_factor_is_optional_for_partner_editors(client, partner_editor):
    sign_in(client, partner_editor)
    assert client.get("/admin/").status_code == 200
    account = client.get("/admin/account/").content.decode()
    assert "Vérification en deux étapes" in account
    assert "Inactive" in client.get("/admin/2fa/").content.decode()

    enrol(client)
    assert client.post("/admin/2fa/remove/").status_code == 302
    assert not TOTPDevice.objects.filter(user=partner_editor).exists()


def test_a_communicator_cannot_remove_the_required_second_factor(client, communicator):
    sign_in(client, communicator)
    enrol(client)
    client.post("/admin/2fa/remove/")
    assert TOTPDevice.objects.filter(user=communicator, confirmed=True).exists()


def test_the_setting_off_lets_staff_in_with_a_password(client, communicator, settings):
    settings.REQUIRE_2FA_FOR_STAFF = False
    sign_in(client, communicator)
    assert client.get("/admin/").status_code == 200


def test_next_never_leaves_the_site(client, communicator):
    sign_in(client, communicator)
    device = TOTPDevice.objects.create(user=communicator, name="x", confirmed=False)
    response = client.post("/admin/2fa/setup/", {"code": code_for(device), "next": "https://evil.example.com/"})
    assert "https://evil.example.com/" not in response.content.decode()
    assert 'href="/admin/"' in response.content.decode()
