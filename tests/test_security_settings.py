"""Passwords, cookies, secrets and caches as production needs them (issue 21)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from tests.test_foundation import PRODUCTION_ENV, run_manage


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("entrelabs", "Ce mot de passe est trop court"),
        ("Entrelabs2026", "Ce mot de passe contient le nom du site (Entrelabs)."),
        ("ENTRE-LABS!x9q", "Ce mot de passe contient le nom du site (Entrelabs)."),
        ("aaaaaaaaaaaa", "Ce mot de passe répète les mêmes quelques caractères"),
        ("abababababab12", "Ce mot de passe répète les mêmes quelques caractères"),
        ("password1234", "Ce mot de passe est trop courant."),
    ],
)
def test_weak_passwords_are_refused_in_french(password, message, settings):
    settings.LANGUAGE_CODE = "fr"
    with pytest.raises(ValidationError) as refused:
        validate_password(password)
    assert any(text.startswith(message) for text in refused.value.messages), refused.value.messages


def test_a_long_varied_password_is_accepted():
    validate_password("Pivoine-Lagune-Carafe-71")


@pytest.mark.django_db
def test_the_admin_refuses_a_weak_password_for_a_new_user(client):
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "password"))
    response = client.post(
        "/admin/users/new/",
        {
            "username": "agent",
            "email": "agent@example.org",
            "first_name": "Agent",
            "last_name": "Public",
            "password1": "Entrelabs2026",
            "password2": "Entrelabs2026",
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "Ce mot de passe contient le nom du site" in response.content.decode()
    assert not get_user_model().objects.filter(username="agent").exists()


@pytest.mark.django_db
def test_language_cookie_is_lax_and_http_only(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    cookie = response.cookies["django_language"]
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"] is True


def test_production_sends_the_language_cookie_over_https_only():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.LANGUAGE_COOKIE_SECURE, settings.LANGUAGE_COOKIE_SAMESITE)",
        env_overrides={**PRODUCTION_ENV, "REDIS_URL": "redis://127.0.0.1:6379/0"},
    )
    assert result.stdout.strip().splitlines()[-1] == "True Lax", result.stderr


@pytest.mark.parametrize("secret", ["changeme", "x" * 60, "django-insecure-" + "k3j4h5g6f7d8s9a0" * 3])
def test_production_refuses_a_weak_secret_key(secret):
    result = run_manage("check", env_overrides={**PRODUCTION_ENV, "SECRET_KEY": secret})
    assert result.returncode != 0
    assert "SECRET_KEY is too weak" in result.stderr


def test_deploy_check_warns_when_the_cache_is_per_process():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "REDIS_URL"}
    result = run_manage("check", "--deploy", env_overrides=env)
    assert "portal.W001" in result.stderr
    assert "REDIS_URL" in result.stderr

    shared = run_manage("check", "--deploy", env_overrides={**env, "REDIS_URL": "redis://127.0.0.1:6379/0"})
    assert "portal.W001" not in shared.stderr
