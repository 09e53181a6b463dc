"""Demo map: actors of the seed's territories (Pays de la Loire, Provence-Alpes-Côte d'Azur, Paris).

The labs and the organisations the seed names are marked "(seed)" below; every other actor is an
illustrative example with a generic name, and its description says so. Points are the city centres."""

from decimal import Decimal

from django.db import transaction

from ecosystem.models import Actor, ActorKind, EcosystemMapPage
from home.models import HomePage, Theme
from labs.models import LabPage

ILLUSTRATIVE = " Exemple illustratif."
CITIES = {
    "Nantes": ("44", "47.21840", "-1.55360"),
    "Saint-Nazaire": ("44", "47.27350", "-2.21380"),
    "Angers": ("49", "47.47840", "-0.56320"),
    "Le Mans": ("72", "48.00610", "0.19960"),
    "Laval": ("53", "48.07070", "-0.77340"),
    "La Roche-sur-Yon": ("85", "46.67050", "-1.42600"),
    "Marseille": ("13", "43.29650", "5.36980"),
    "Aix-en-Provence": ("13", "43.52970", "5.44740"),
    "Nice": ("06", "43.71020", "7.26200"),
    "Toulon": ("83", "43.12420", "5.92800"),
    "Avignon": ("84", "43.94930", "4.80550"),
    "Gap": ("05", "44.55940", "6.07860"),
    "Digne-les-Bains": ("04", "44.09250", "6.23560"),
    "Paris": ("75", "48.85660", "2.35220"),
}
REGIONS = {"44": "52", "49": "52", "72": "52", "53": "52", "85": "52", "13": "93", "06": "93", "83": "93",
           "84": "93", "05": "93", "04": "93", "75": "11"}  # fmt: skip

# (name, kind slug, city, lab slug or "", description, from the seed)
ACTORS = [
    ("Labo de la Région Pays de la Loire", "lab", "Nantes", "pays-de-la-loire",
     "Le laboratoire d’innovation publique de la Région.", True),
    ("Labo de la Région Provence-Alpes-Côte d'Azur", "lab", "Marseille", "provence-alpes-cote-d-azur",
     "Le laboratoire d’innovation publique de la Région.", True),
    ("Équipe innovation de la Ville de Paris", "lab", "Paris", "ville-de-paris",
     "Le réseau innovation de la Ville de Paris.", True),
    ("La 27e Région", "lab", "Paris", "la-27e-region",
     "Laboratoire de transformation publique des collectivités.", True),
    ("Futurs Publics (SGMAP)", "lab", "Paris", "futurs-publics",
     "Le programme d’innovation publique de l’État.", True),
    ("ENSCI – Les Ateliers", "ecole", "Paris", "futurs-publics",
     "École nationale supérieure de création industrielle, où naît une chaire de l’innovation publique.", True),
    ("Association des administrateurs territoriaux de France (AATF)", "communaute-professionnelle", "Paris", "",
     "Association professionnelle que le réseau veut sensibiliser à l’innovation publique.", True),
    ("Association des ingénieurs territoriaux de France (AITF)", "communaute-professionnelle", "Paris", "",
     "Association professionnelle que le réseau veut sensibiliser à l’innovation publique.", True),
    ("École de design (Nantes)", "ecole", "Nantes", "pays-de-la-loire",
     "Une école de design dont les étudiants travaillent sur des services publics.", False),
    ("Institut d’études politiques (Nantes)", "ecole", "Nantes", "", "Formation des futurs cadres publics.", False),
    ("Fab lab de Saint-Nazaire", "fab-lab", "Saint-Nazaire", "pays-de-la-loire",
     "Un atelier de fabrication numérique ouvert aux agents pour prototyper.", False),
    ("Collectif de designers de services (Angers)", "communaute-professionnelle", "Angers", "",
     "Des designers indépendants qui accompagnent des collectivités.", False),
    ("Association d’éducation populaire (Le Mans)", "association", "Le Mans", "",
     "Animation de démarches participatives avec les habitants.", False),
    ("Communauté de communes (Mayenne)", "collectivite", "Laval", "pays-de-la-loire",
     "Une intercommunalité qui teste l’immersion pour repenser l’accueil.", False),
    ("Département de la Vendée", "collectivite", "La Roche-sur-Yon", "",
     "Une collectivité voisine intéressée par les méthodes du labo.", False),
    ("Laboratoire de sociologie (Nantes)", "recherche", "Nantes", "",
     "Des sociologues qui étudient les usages des services publics.", False),
    ("Coopérative d’architectes participatifs (Nantes)", "entreprise", "Nantes", "",
     "Architectes et urbanistes qui conçoivent avec les usagers.", False),
    ("École d’art et de design (Marseille)", "ecole", "Marseille", "provence-alpes-cote-d-azur",
     "Des ateliers d’étudiants sur l’accueil des nouveaux arrivants.", False),
    ("Fab lab de Marseille", "fab-lab", "Marseille", "", "Fabrication numérique et prototypage rapide.", False),
    ("Makers de Toulon", "fab-lab", "Toulon", "", "Une communauté de makers ouverte aux projets publics.", False),
    ("Réseau des innovateurs sociaux (Aix-en-Provence)", "association", "Aix-en-Provence", "",
     "Des porteurs de projets d’innovation sociale.", False),
    ("Métropole (Nice)", "collectivite", "Nice", "", "Une collectivité qui ouvre un programme d’expérimentations.",
     False),
    ("Université (Avignon)", "recherche", "Avignon", "provence-alpes-cote-d-azur",
     "Une équipe de recherche sur l’évaluation des politiques publiques.", False),
    ("Association jeunesse (Gap)", "association", "Gap", "",
     "Partenaire du chantier participatif « info des jeunes ».", False),
    ("Agence de design de services (Digne-les-Bains)", "entreprise", "Digne-les-Bains", "",
     "Une petite agence qui conçoit des parcours usagers.", False),
    ("Collectif d’urbanistes participatifs (Paris)", "communaute-professionnelle", "Paris", "",
     "Urbanistes et paysagistes qui travaillent avec les habitants.", False),
    ("Fab lab municipal (Paris)", "fab-lab", "Paris", "ville-de-paris",
     "Un atelier partagé où les agents prototypent des services.", False),
    ("Centre de recherche en design (Paris)", "recherche", "Paris", "",
     "Recherche-action sur le design des politiques publiques.", False),
    ("Association d’usagers (Paris)", "association", "Paris", "",
     "Des habitants qui testent les nouveaux services avant leur lancement.", False),
    ("Mairie d’arrondissement (Paris)", "collectivite", "Paris", "la-27e-region",
     "Le lieu d’une résidence en préparation.", False),
]  # fmt: skip


@transaction.atomic
def load(stdout=None):
    """Create what is missing (actors found by name, the map page by type); change nothing that exists."""
    home = HomePage.objects.first()
    if home is None:
        return 0
    created = 0
    if not EcosystemMapPage.objects.child_of(home).exists():
        home.add_child(
            instance=EcosystemMapPage(
                title="Carte de l’écosystème",
                slug="carte",
                summary=(
                    "Les écoles, associations, communautés professionnelles, fab labs et collectivités "
                    "qui font l’innovation publique avec les labs, territoire par territoire."
                ),
                show_in_menus=True,
            )
        )
        created += 1
    kinds = {kind.slug: kind for kind in ActorKind.objects.all()}
    labs = {lab.slug: lab for lab in LabPage.objects.all()}
    theme = Theme.objects.order_by("pk").first()
    for name, kind, city, lab, description, from_seed in ACTORS:
        if Actor.objects.filter(name=name).exists() or kind not in kinds:
            continue
        departement, latitude, longitude = CITIES[city]
        actor = Actor(
            name=name,
            kind=kinds[kind],
            region=REGIONS[departement],
            departement=departement,
            address=city,
            latitude=Decimal(latitude),
            longitude=Decimal(longitude),
            description=description + ("" if from_seed else ILLUSTRATIVE),
            lab=labs.get(lab),
            live=False,
        )
        actor.save()
        if theme is not None and kind == "lab":
            actor.themes.add(theme)
        actor.save_revision().publish()
        created += 1
    if stdout:
        stdout.write(f"Ecosystem map: {created} page(s) and actor(s) created.")
    return created
