"""Backups: the database and the media in one folder, and what they hold (to compare after a restore)."""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.db import connection
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

DATABASE_FILE = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
MEDIA_FILE = "media.tar.gz"
MANIFEST_FILE = "manifest.json"


def inventory():
    """What a restore must bring back: counts of pages, revisions, documents, images and users."""
    return {
        "pages": Page.objects.count(),
        "live_pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
    }


def _pg_environment():
    database = connection.settings_dict
    env = dict(os.environ, PGPASSWORD=str(database.get("PASSWORD") or ""))
    args = ["--host", database.get("HOST") or "127.0.0.1", "--port", str(database.get("PORT") or 5432)]
    if database.get("USER"):
        args += ["--username", database["USER"]]
    return env, args, database["NAME"]


def _run(command, env=None):
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=3600)
    if result.returncode != 0:
        raise CommandError(f"{command[0]} failed: {result.stderr.strip()}")


def back_up(folder):
    """Write the database, the media and the manifest into folder (created; must be new)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=False)
    vendor = connection.vendor
    if vendor == "postgresql":
        env, args, name = _pg_environment()
        _run(
            [
                "pg_dump",
                *args,
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--file",
                str(folder / DATABASE_FILE[vendor]),
                name,
            ],
            env,
        )
    elif vendor == "sqlite":
        source = sqlite3.connect(connection.settings_dict["NAME"])
        target = sqlite3.connect(folder / DATABASE_FILE[vendor])
        with target:
            source.backup(target)  # a consistent copy while the site keeps serving
        source.close()
        target.close()
    else:
        raise CommandError(f"No backup for the {vendor} database.")
    with tarfile.open(folder / MEDIA_FILE, "w:gz") as archive:
        if Path(settings.MEDIA_ROOT).exists():
            archive.add(settings.MEDIA_ROOT, arcname="media")
    manifest = {"database": vendor, "inventory": inventory()}
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2))
    return manifest


def _database_is_empty():
    return not connection.introspection.table_names()


def restore(folder):
    """Load a backup into this instance, whose database and media folder must be empty; return
    (the backup's inventory, the restored one)."""
    folder = Path(folder)
    manifest = json.loads((folder / MANIFEST_FILE).read_text())
    vendor = connection.vendor
    if manifest["database"] != vendor:
        raise CommandError(f"This backup is of a {manifest['database']} database; this instance uses {vendor}.")
    if not _database_is_empty():
        raise CommandError("The database is not empty: restore into a new, empty database.")
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.exists() and any(media_root.iterdir()):
        raise CommandError(f"The media folder {media_root} is not empty: restore into an empty one.")
    if vendor == "postgresql":
        env, args, name = _pg_environment()
        _run(
            [
                "pg_restore",
                *args,
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--dbname",
                name,
                str(folder / DATABASE_FILE[vendor]),
            ],
            env,
        )
    else:
        connection.close()
        shutil.copyfile(folder / DATABASE_FILE[vendor], connection.settings_dict["NAME"])
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / MEDIA_FILE, "r:gz") as archive:
        members = [member for member in archive.getmembers() if member.name.startswith("media/")]
        for member in members:
            member.name = member.name.removeprefix("media/")
        archive.extractall(media_root, members=[m for m in members if m.name], filter="data")
    connection.close()
    return manifest["inventory"], inventory()
