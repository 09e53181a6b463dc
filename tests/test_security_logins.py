"""Login and password reset throttling with django-axes (issue 21, part 2)."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Permission
from django.core import mail

from tests.accounts import PASSWORD, create_partner_editor

LOGIN = "/admin/login/"
RESET = "/admin/password_reset/"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def axes_on(settings):
    settings.AXES_ENABLED = True


@pytest.fixture
def editor():
    return create_partner_editor()


def log_in(client, username, password, address="127.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(client, communicator):
    answers = [log_in(client, "camille", f"faux-{number}").status_code for number in range(5)]
    assert answers == [200, 200, 200, 200, 429]

    locked = log_in(client, "camille", PASSWORD)
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) == 15 * 60
    html = locked.content.decode()
    assert "Trop de tentatives" in html
    assert "Réessayez dans 15 minutes" in html
    assert "_auth_user_id" not in client.session

    # Another address is refused too: the lock is on the account.
    assert log_in(client, "camille", PASSWORD, address="10.0.0.9").status_code == 429


def test_the_lock_ends_after_the_cool_off(client, communicator, settings):
    for number in range(5):
        log_in(client, "camille", f"faux-{number}")
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.first().attempt_time.replace(year=2000))
    assert log_in(client, "camille", PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(communicator.pk)


def test_one_address_spraying_user_names_is_locked_out(client, communicator):
    answers = [log_in(client, f"agent{number}", "motdepasse").status_code for number in range(5)]
    assert answers[-1] == 429
    # Even a real account with its right password, from that address.
    assert log_in(client, "camille", PASSWORD).status_code == 429
    # The account itself is fine from elsewhere.
    assert log_in(client, "camille", PASSWORD, address="10.0.0.9").status_code == 302


def test_password_reset_is_throttled_per_address_and_per_client(client, communicator):
    answers = [
        client.post(RESET, {"email": "camille@entrelabs.example.org"}, REMOTE_ADDR=f"10.0.1.{number}").status_code
        for number in range(6)
    ]
    assert answers == [302] * 5 + [429]
    assert len(mail.outbox) == 5

    sprayed = [
        client.post(RESET, {"email": f"agent{number}@example.org"}, REMOTE_ADDR="10.0.2.1").status_code
        for number in range(6)
    ]
    assert sprayed == [302] * 5 + [429]
    refused = client.post(RESET, {"email": "autre@example.org"}, REMOTE_ADDR="10.0.2.1")
    assert refused.status_code == 429
    assert "Trop de tentatives" in refused.content.decode()
    assert 1 <= int(refused["Retry-After"]) <= 15 * 60


def test_communicators_see_and_lift_lockouts(client, communicator, editor):
    for number in range(5):
        log_in(client, "alice", f"faux-{number}", address="10.0.3.1")
    client.force_login(communicator)

    listing = client.get("/admin/login-lockouts/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "alice" in html and "10.0.3.1" in html

    attempt = AccessAttempt.objects.get(username="alice")
    assert client.post(f"/admin/login-lockouts/delete/{attempt.pk}/").status_code == 302
    client.logout()
    assert log_in(client, "alice", PASSWORD, address="10.0.3.1").status_code == 302


def test_partner_editors_do_not_see_lockouts(client, editor):
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    log_in(client, "someone", "faux", address="10.0.4.1")
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    response = client.get("/admin/login-lockouts/")
    assert response.status_code == 302
    assert "10.0.4.1" not in response.content.decode()
