"""Relevance on the demo content: French queries as agents type them, with the result they expect first.

Run on SQLite and on PostgreSQL; prints precision at 1 (the first hit is the expected one) and
at 3 (the share of the first three hits that are relevant, out of at most three relevant)."""

import pytest

from search.engine import SiteSearch

# (query, the expected first result, other relevant results)
QUERIES = [
    (
        "prototypage",
        "Prototypage rapide",
        ["Prototypage des services publics du futur", "Fiche pratique : Prototypage rapide"],
    ),
    ("prototype rapide", "Prototypage rapide", ["Fiche pratique : Prototypage rapide"]),
    ("prototyper un service", "Prototypage des services publics du futur", ["Prototypage rapide"]),
    (
        "immersion",
        "Immersion sur le terrain",
        [
            "Workshop « Immersion in public design »",
            "Fiche pratique : Immersion sur le terrain",
            "Grille d'observation pour une immersion",
        ],
    ),
    ("immersion terrain", "Immersion sur le terrain", ["Fiche pratique : Immersion sur le terrain"]),
    (
        "réunion créative",
        "Animation créative de réunion",
        ["Formation à l'organisation créative de réunions", "Veille numérique et réunions créatives"],
    ),
    (
        "reunions creatives",
        "Animation créative de réunion",
        ["Formation à l'organisation créative de réunions", "Veille numérique et réunions créatives"],
    ),
    ("animation de réunion", "Animation créative de réunion", ["Fiche pratique : Animation créative de réunion"]),
    ("test utilisateur", "Test utilisateur", ["Fiche pratique : Test utilisateur"]),
    ("tests utilisateurs", "Test utilisateur", ["Fiche pratique : Test utilisateur"]),
    ("tester avec les usagers", "Test utilisateur", ["Prototypage rapide"]),
    ("parcours usager", "Parcours usager", []),
    ("parcours des usagers", "Parcours usager", []),
    ("petit déjeuner", "Petit déjeuner de l'innovation", ["Petits déjeuners de l'innovation"]),
    ("petits dejeuners", "Petit déjeuner de l'innovation", ["Petits déjeuners de l'innovation"]),
    ("cartographie des acteurs", "Cartographie collaborative des acteurs locaux", []),
    ("acteurs locaux", "Cartographie collaborative des acteurs locaux", []),
    ("post-it", "Du post-it au projet structuré", ["Fiche pratique : Du post-it au projet structuré"]),
    ("retour d'expérience", "Retour d'expérience et capitalisation", []),
    ("capitalisation", "Retour d'expérience et capitalisation", []),
    ("agents ambassadeurs", "Réseau d'agents ambassadeurs", []),
    ("réseau d'agents", "Réseau d'agents ambassadeurs", []),
    (
        "résidence",
        "Résidence in situ",
        [
            "Résidence à l'Hôpital Nord de Marseille",
            "Résidence sur le parcours des nouveaux élus",
            "Résidence dans une mairie d'arrondissement de Paris",
        ],
    ),
    (
        "veille numérique",
        "Veille numérique partagée",
        ["Formation à la veille numérique", "Veille numérique et réunions créatives"],
    ),
    ("indicateurs de succès", "Évaluation par indicateurs de succès", []),
    (
        "evaluation",
        "Évaluation par indicateurs de succès",
        ["Évaluation de l'expérimentation", "Évaluer un projet d'innovation publique"],
    ),
    ("décrochage scolaire", "Décrochage scolaire", []),
    ("gares du futur", "Gares du futur", []),
    ("bureau du futur", "Le bureau du futur", []),
    ("lycees", "Lycées", []),
    ("nouveaux arrivants", "Accueil des nouveaux arrivants", []),
    ("27e region", "La 27e Région", []),
    ("futurs publics", "Futurs Publics", []),
    ("pays de la loire", "Labo de la Région Pays de la Loire", []),
    ("provence", "Labo de la Région Provence-Alpes-Côte d'Azur", []),
    ("ville de paris", "Équipe innovation de la Ville de Paris", []),
    ("manifeste", "Manifeste des collectivités ingénieuses", ["Manifeste des collectivités ingénieuses (PDF)"]),
    (
        "collectivites ingenieuses",
        "Manifeste des collectivités ingénieuses",
        ["Manifeste des collectivités ingénieuses (PDF)"],
    ),
    ("référentiel de formation", "Référentiel de formation des agents à l'innovation", []),
    ("évaluer un projet", "Évaluer un projet d'innovation publique", []),
    (
        "passage à l'échelle",
        "Entrelabs #1 : le passage à l'échelle des labos",
        ["Entrelabs #1 : le passage à l’échelle des labs"],
    ),
    ("accessibilite", "Déclaration d'accessibilité", []),
    ("mentions légales", "Mentions légales", []),
    ("nouveaux élus", "Résidence sur le parcours des nouveaux élus", ["La Pointeuse #2 : l'élu inoffensif"]),
    ("semaine de l'innovation", "2e Semaine de l'innovation publique", []),
    ("courriels", "Gestion des courriels", []),
    ("appels d'offres", "Recherche-action sur la participation des PME aux appels d'offres", []),
    ("superpublic", "Programmation de Superpublic", []),
]


def first_titles(query, number=3):
    return [hit.object.title for hit in SiteSearch(query).top_hits(number)]


@pytest.mark.django_db
def test_relevance_on_the_demo_content(demo_content, report_figure):
    at_1, at_3, misses = 0, 0.0, []
    for query, first, others in QUERIES:
        top = first_titles(query)
        relevant = {first, *others}
        at_1 += bool(top) and top[0] == first
        at_3 += len(relevant & set(top)) / min(3, len(relevant))
        if not top or top[0] != first:
            misses.append((query, top))
    precision_1, precision_3 = at_1 / len(QUERIES), at_3 / len(QUERIES)
    report_figure(
        f"Relevance over {len(QUERIES)} queries: precision at 1 {precision_1:.2f}, at 3 {precision_3:.2f}"
        + "".join(f"\n  {query!r}: {top}" for query, top in misses)
    )
    assert len(QUERIES) >= 40
    assert precision_1 >= 0.95 and precision_3 >= 0.85, misses


@pytest.mark.django_db
def test_a_query_naming_a_method_shows_its_card_first(demo_content):
    from methods.models import MethodPage

    # The French search (the English cards are searched under /en/: tests/test_bilingual_search.py).
    for method in MethodPage.objects.live().filter(locale__language_code="fr"):
        assert first_titles(method.title, 1) == [method.title], method.title


@pytest.mark.django_db
def test_a_document_ranks_below_the_page_that_offers_it(demo_content):
    titles = first_titles("test utilisateur", 10)
    assert titles.index("Test utilisateur") < titles.index("Fiche pratique : Test utilisateur")
