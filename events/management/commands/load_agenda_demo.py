from django.core.management.base import BaseCommand

from events import demo


class Command(BaseCommand):
    help = "Load the demo agenda (the events of the seed report); idempotent."

    def handle(self, *args, **options):
        demo.load(self.stdout)
