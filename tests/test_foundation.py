import os
import subprocess
import sys

import pytest
from django.conf import settings

PROJECT_DIR = settings.BASE_DIR


def run_manage(*args, env_overrides):
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=120
    )


PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-key-for-the-deploy-check-0123456789",
    "ALLOWED_HOSTS": "entrelabs.example.org",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def test_production_settings_pass_the_deploy_check():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "SECRET_KEY"}
    result = run_manage("check", env_overrides=env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({}, "django.core.cache.backends.locmem.LocMemCache"),
        ({"REDIS_URL": "redis://127.0.0.1:6379/1"}, "django.core.cache.backends.redis.RedisCache"),
    ],
)
def test_redis_url_switches_the_cache(variables, expected):
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])",
        env_overrides={"DJANGO_SETTINGS_MODULE": "portal.settings.dev", **variables},
    )
    assert result.stdout.strip().splitlines()[-1] == expected


def test_search_url_switches_to_elasticsearch():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND'])",
        env_overrides={"DJANGO_SETTINGS_MODULE": "portal.settings.dev", "SEARCH_URL": "https://search.internal:9200"},
    )
    assert result.stdout.strip().splitlines()[-1] == "wagtail.search.backends.elasticsearch8"


def test_healthz_answers_200_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_healthz_answers_503_when_the_database_does_not():
    # A real server process whose database cannot be opened.
    result = run_manage(
        "shell",
        "-c",
        "from django.test import Client; print(Client().get('/healthz').status_code)",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "DATABASE_URL": "sqlite:////nonexistent-directory/db.sqlite3",
            "ALLOWED_HOSTS": "testserver",
        },
    )
    assert result.stdout.strip().splitlines()[-1] == "503", result.stderr


@pytest.mark.parametrize(
    ("url", "browser_language", "language", "skip_link"),
    [
        ("/", "", "fr", "Aller au contenu"),  # French first
        ("/en/", "", "en", "Skip to content"),  # English under /en/
        ("/", "en", "fr", "Aller au contenu"),  # a French URL stays French for an English browser
    ],
)
def test_the_public_site_speaks_the_language_of_its_url(client, home_page, url, browser_language, language, skip_link):
    response = client.get(url, headers={"accept-language": browser_language} if browser_language else {})
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()
    assert skip_link in response.content.decode()


def test_admin_is_in_french(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert 'lang="fr"' in response.content.decode()
    assert "Mot de passe" in response.content.decode()


def test_no_call_to_outside_services():
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
