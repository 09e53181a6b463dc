from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from demo.content import load_demo
from demo.models import DemoProvenance
from demo.network import ecosystem, events, news, roadmap
from editorial.partners import setup_editorial_structure
from home.models import PageTag, Theme

# The network's demo pages (demo/network/): what of them the project wrote for illustration.
NETWORK_SEED = [("events.EventPage", "Compte rendu d'Entrelabs #1 : l'atelier, le prochain atelier et la Semaine")]
NETWORK_ILLUSTRATIONS = [
    ("events.EventPage", "start", "les horaires (le compte rendu ne donne que les dates)"),
    ("news.NewsPage", "", "l'actualité"),
    ("events.AgendaPage", "", "le texte de présentation"),
    ("news.NewsIndexPage", "", "le texte de présentation"),
    ("ecosystem.EcosystemMapPage", "", "le texte de présentation et les acteurs marqués « Exemple illustratif »"),
    ("roadmap.RoadmapPage", "", "le texte de présentation et le suivi des actions"),
]


def mark_network_pages():
    """Record the provenance of the network's demo pages, so that they carry the "Contenu d'exemple" line."""
    from django.apps import apps

    for model_label, note in NETWORK_SEED:
        for page in apps.get_model(model_label).objects.all():
            DemoProvenance.objects.get_or_create(
                page=page, field="", defaults={"provenance": DemoProvenance.Source.SEED, "note": note}
            )
    for model_label, field, note in NETWORK_ILLUSTRATIONS:
        for page in apps.get_model(model_label).objects.all():
            DemoProvenance.objects.get_or_create(
                page=page, field=field, defaults={"provenance": DemoProvenance.Source.ILLUSTRATIVE, "note": note}
            )


class Command(BaseCommand):
    help = (
        "Load the demo content of demo/data/: the first Entrelabs session, its labs, projects, methods, curricula, "
        "manifesto, worksheets and the standard pages; the network's events, news, map actors and roadmap follow-up "
        "(demo/network/). Idempotent: what already exists is left untouched."
    )

    def handle(self, *args, **options):
        loader = load_demo()
        setup_editorial_structure()  # review workflows and one editor group per demo lab (as add_partner_lab)
        for network_demo in (events, news, ecosystem, roadmap):  # the network's life, after the labs it links to
            network_demo.load(self.stdout)
        mark_network_pages()
        Document = get_document_model()
        illustrative = DemoProvenance.objects.filter(provenance=DemoProvenance.Source.ILLUSTRATIVE)
        self.stdout.write(
            f"Demo content: {loader.created_pages} pages, {loader.created_documents} documents and "
            f"{loader.created_themes} themes created. In the database: {Page.objects.filter(depth__gt=1).count()} "
            f"pages ({illustrative.values('page').distinct().count()} with illustrative content), "
            f"{Revision.objects.count()} revisions, {Document.objects.count()} documents, "
            f"{Theme.objects.count()} themes, {PageTag.objects.values('tag').distinct().count()} tags."
        )
