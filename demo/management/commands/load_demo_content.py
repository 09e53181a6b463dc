from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from demo.content import load_demo
from demo.models import DemoProvenance
from editorial.partners import setup_editorial_structure
from home.models import PageTag, Theme


class Command(BaseCommand):
    help = (
        "Load the demo content of demo/data/: the first Entrelabs session, its labs, projects, methods, curricula, "
        "manifesto, worksheets and the standard pages; the network's events, news, map actors and roadmap "
        "follow-up. Idempotent: what already exists is left untouched."
    )

    def handle(self, *args, **options):
        loader = load_demo()
        setup_editorial_structure()  # review workflows and one editor group per demo lab (as add_partner_lab)
        Document = get_document_model()
        illustrative = DemoProvenance.objects.filter(provenance=DemoProvenance.Source.ILLUSTRATIVE)
        self.stdout.write(
            f"Demo content: {loader.created_pages} pages, {loader.created_documents} documents and "
            f"{loader.created_themes} themes created; {loader.created_snippets} map actors and "
            f"{loader.created_follow_ups} roadmap follow-ups. In the database: "
            f"{Page.objects.filter(depth__gt=1).count()} pages ({illustrative.values('page').distinct().count()} "
            f"with illustrative content), {Revision.objects.count()} revisions, {Document.objects.count()} "
            f"documents, {Theme.objects.count()} themes, {PageTag.objects.values('tag').distinct().count()} tags."
        )
