from django.core.management.base import BaseCommand, CommandError

from portal.backups import restore


class Command(BaseCommand):
    help = "Restore a backup folder (see `backup`) into this instance's empty database and media folder."

    def add_arguments(self, parser):
        parser.add_argument("folder")

    def handle(self, *args, folder, **options):
        expected, restored = restore(folder)
        for name, count in expected.items():
            self.stdout.write(f"{name}: {restored[name]} restored of {count}")
        if expected != restored:
            raise CommandError("The restored instance does not hold what the backup holds.")
        self.stdout.write("Restore complete.")
