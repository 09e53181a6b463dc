"""Demo news: a few items of the labs, written from the projects the seed report lists (the texts
and dates are illustrative)."""

import datetime

from django.db import transaction
from wagtail.rich_text import RichText

from home.models import HomePage
from labs.models import LabPage
from news.models import NewsIndexPage, NewsPage

ILLUSTRATIVE = "<p><em>Actualité illustrative, écrite à partir du compte rendu d’Entrelabs #1.</em></p>"

NEWS = [
    ("pays-de-la-loire", "actualite-bureau-du-futur-30-mesures", datetime.date(2015, 4, 20),
     "Bureau du futur : 30 mesures pour la qualité de vie au travail",
     "Le labo de la Région publie les mesures issues du projet Bureau du futur.",
     "<p>Trente mesures pour améliorer la qualité de vie au travail des agents, conçues avec eux.</p>"),
    ("provence-alpes-cote-d-azur", "actualite-cafe-de-l-innovation", datetime.date(2015, 5, 4),
     "Un café de l’innovation pour les agents",
     "Le labo de la Région ouvre un rendez-vous régulier pour faire connaître ses méthodes.",
     "<p>Des journées de sensibilisation et un café de l’innovation, avant le séminaire de l’encadrement.</p>"),
    ("futurs-publics", "actualite-chaire-innovation-publique-ensci", datetime.date(2015, 5, 12),
     "Une chaire de l’innovation publique à l’ENSCI",
     "Futurs Publics lance une chaire avec l’École nationale supérieure de création industrielle.",
     "<p>La chaire réunira designers, chercheurs et agents autour du prototypage des services publics.</p>"),
    ("la-27e-region", "actualite-residence-hopital-nord-marseille", datetime.date(2015, 5, 18),
     "Résidence à l’Hôpital Nord de Marseille",
     "Une équipe pluridisciplinaire en immersion à l’hôpital.",
     "<p>Designers, sociologues et architectes s’installent plusieurs semaines sur le terrain.</p>"),
    ("reacteur-public", "actualite-reenchantez-2-nantes", datetime.date(2015, 5, 26),
     "Réenchantez #2 à Nantes en fin d’année",
     "La deuxième édition du programme de formation se tiendra à Nantes.",
     "<p>Apprendre à maîtriser la chaîne d’outils de l’innovation publique et à transférer les compétences.</p>"),
]  # fmt: skip


@transaction.atomic
def load(stdout=None):
    """Create what is missing (found by slug under its lab); change nothing that exists."""
    home = HomePage.objects.first()
    if home is None:
        return 0
    created = 0
    if not NewsIndexPage.objects.child_of(home).exists():
        home.add_child(
            instance=NewsIndexPage(
                title="Actualités",
                slug="actualites",
                summary="Ce que font les labs du réseau.",
                show_in_menus=True,
            )
        )
        created += 1
    for lab_slug, slug, date, title, summary, body in NEWS:
        lab = LabPage.objects.filter(slug=lab_slug).first()
        if lab is None or lab.get_children().filter(slug=slug).exists():
            continue
        page = NewsPage(
            title=title, slug=slug, date=date, summary=summary, body=[("paragraph", RichText(body + ILLUSTRATIVE))]
        )
        lab.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    if stdout:
        stdout.write(f"News: {created} page(s) created.")
    return created
