from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model

from search.documents import store_document_text


class Command(BaseCommand):
    help = "Extract (again) the text of every document whose file changed, so that search finds it."

    def handle(self, *args, **options):
        documents = get_document_model().objects.order_by("pk")
        total = documents.count()
        for number, document in enumerate(documents.iterator(), start=1):
            store_document_text(document)
            if number % 50 == 0 or number == total:
                self.stdout.write(f"{number}/{total} documents")
