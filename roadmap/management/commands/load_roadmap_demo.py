from django.core.management.base import BaseCommand

from roadmap import demo


class Command(BaseCommand):
    help = "Load the demo roadmap follow-up of Entrelabs #1; idempotent."

    def handle(self, *args, **options):
        demo.load(self.stdout)
