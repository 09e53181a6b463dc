"""The restore drill: `backup` then `restore` into an empty instance gives the same site (issue 21, part 7)."""

import json
import os
import subprocess
import sys

import psycopg
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from wagtail_factories import DocumentFactory, ImageFactory

from portal.backups import inventory
from tests.browser.conftest import ensure_site_root
from tests.conftest import postgresql_only
from tests.factories import MethodIndexPageFactory, MethodPageFactory, MethodWorksheetFactory
from tests.test_search import make_pdf

QUERIES = ["immersion", "grille", "prototypage"]

# Printed by the restored instance: its inventory, the search results and a document's bytes.
SNAPSHOT = """
import json, re
from django.test import Client
from portal.backups import inventory
from wagtail.documents import get_document_model
client = Client()
results = {q: re.findall(r'<a href="([^"]+)"', client.get('/recherche/', {'q': q}).text.split('<main', 1)[1])
           for q in QUERIES}
document = get_document_model().objects.get(title="Grille d'observation")
page = client.get("/methodes/immersion/")
print("SNAPSHOT " + json.dumps({"inventory": inventory(), "results": results,
      "document": document.file.read().hex()[:2000], "page": page.status_code}))
"""


def snapshot(client):
    import re

    from wagtail.documents import get_document_model

    results = {
        q: re.findall(r'<a href="([^"]+)"', client.get("/recherche/", {"q": q}).content.decode().split("<main", 1)[1])
        for q in QUERIES
    }
    document = get_document_model().objects.get(title="Grille d'observation")
    with document.open_file() as file:
        data = file.read().hex()[:2000]
    return {"inventory": inventory(), "results": results, "document": data, "page": 200}


def build_site():
    home = ensure_site_root()
    index = MethodIndexPageFactory(parent=home, slug="methodes")
    index.save_revision().publish()
    immersion = MethodPageFactory(parent=index, title="Immersion", slug="immersion", summary="Vivre le service")
    immersion.save_revision().publish()
    immersion.summary = "Vivre le service comme un usager"
    immersion.save_revision().publish()
    MethodPageFactory(parent=index, title="Prototypage rapide", slug="prototypage").save_revision().publish()
    grid = DocumentFactory(
        title="Grille d'observation",
        file=ContentFile(make_pdf("Grille pour observer un accueil"), name="grille.pdf"),
    )
    MethodWorksheetFactory(page=immersion, document=grid)
    immersion.save_revision().publish()
    ImageFactory(title="Atelier")
    get_user_model().objects.create_user("camille", "camille@example.org", "Pivoine-Lagune-Carafe-71")


@postgresql_only("the drill restores with pg_restore: run it with DATABASE_URL on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_into_an_empty_instance_gives_the_same_site(client, tmp_path):
    build_site()
    before = snapshot(client)
    assert before["results"]["immersion"] and before["results"]["grille"]

    call_command("backup", str(tmp_path / "backup"))

    database = connection.settings_dict
    restored_name = f"{database['NAME']}_restored"
    server = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT'] or 5432}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{restored_name}"')
        admin.execute(f'CREATE DATABASE "{restored_name}"')
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        DATABASE_URL=f"{server}/{restored_name}",
        MEDIA_ROOT=str(tmp_path / "restored-media"),
    )

    def restore_backup():
        command = [sys.executable, "manage.py", "restore", str(tmp_path / "backup")]
        return subprocess.run(command, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=300)

    try:
        restore = restore_backup()
        assert restore.returncode == 0, restore.stderr
        assert "Restore complete." in restore.stdout
        again = restore_backup()
        assert again.returncode != 0 and "not empty" in again.stderr  # never over a live instance
        after = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", f"QUERIES = {QUERIES!r}\n{SNAPSHOT}"],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{restored_name}" WITH (FORCE)')
    line = next(line for line in after.stdout.splitlines() if line.startswith("SNAPSHOT "))
    assert json.loads(line.removeprefix("SNAPSHOT ")) == before
