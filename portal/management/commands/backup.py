from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.backups import back_up


class Command(BaseCommand):
    help = "Back up the database (pg_dump, or SQLite's online backup) and the media into one new folder."

    def add_arguments(self, parser):
        parser.add_argument("folder", nargs="?", help="a new folder (default: backups/<date-time>)")

    def handle(self, *args, folder=None, **options):
        folder = folder or f"backups/{timezone.now():%Y%m%d-%H%M%S}"
        manifest = back_up(folder)
        counts = ", ".join(f"{count} {name}" for name, count in manifest["inventory"].items())
        self.stdout.write(f"Backed up into {folder}: {counts}")
