from django.core.management.base import BaseCommand

from ecosystem import demo


class Command(BaseCommand):
    help = "Load the demo ecosystem map (actors of the seed's territories); idempotent."

    def handle(self, *args, **options):
        demo.load(self.stdout)
