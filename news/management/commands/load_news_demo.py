from django.core.management.base import BaseCommand

from news import demo


class Command(BaseCommand):
    help = "Load the demo news of the labs (illustrative); idempotent."

    def handle(self, *args, **options):
        demo.load(self.stdout)
