"""Training curricula built on the method cards."""

from methods.models import CurriculumPage

from .keys import (
    AMBASSADORS,
    BREAKFAST,
    CREATIVE_MEETING,
    IMMERSION,
    INDICATORS,
    JOURNEY,
    LESSONS_LEARNED,
    MAPPING,
    POSTIT_TO_PROJECT,
    PROTOTYPING,
    USER_TESTING,
    WATCH,
)
from .loader import PageSpec, Ref
from .text import p, ul
from .themes import SCALING, TEAMS, TOOLS, VISION

CURRICULA = [
    {
        "slug": "referentiel-de-formation-des-agents-a-l-innovation",
        "title": "Référentiel de formation des agents à l'innovation",
        "summary": "Un parcours en cinq modules pour apprendre à conduire une démarche de conception "
        "créative de bout en bout et à la transmettre dans son service.",
        "audience": "Agents et cadres des collectivités et des administrations de l'État qui veulent "
        "conduire des projets avec les méthodes des labs, et futurs ambassadeurs.",
        "prerequisites": p(
            "Aucun prérequis technique. Venir avec un sujet réel de son service, validé par son encadrant."
        ),
        "outcomes": ul(
            "Observer un service du point de vue de ses usagers et restituer ce qu'on a vu.",
            "Animer un atelier qui produit des décisions.",
            "Prototyper et tester une idée en quelques jours.",
            "Définir des indicateurs de succès et tirer les enseignements d'un projet.",
            "Transmettre ces pratiques à ses collègues.",
        ),
        "modules": [
            (
                "Comprendre les usagers",
                "7",
                "Conduire une immersion et dessiner un parcours usager.",
                [IMMERSION, JOURNEY],
            ),
            (
                "Animer et cadrer",
                "7",
                "Animer une réunion créative et transformer ses résultats en projet.",
                [CREATIVE_MEETING, POSTIT_TO_PROJECT],
            ),
            (
                "Prototyper et tester",
                "7",
                "Fabriquer un prototype et le tester avec des usagers.",
                [PROTOTYPING, USER_TESTING],
            ),
            (
                "Évaluer et capitaliser",
                "3.5",
                "Choisir des indicateurs de succès et conduire un retour d'expérience.",
                [INDICATORS, LESSONS_LEARNED],
            ),
            (
                "Transmettre",
                "3.5",
                "Rejoindre le réseau d'ambassadeurs et faire connaître les méthodes.",
                [AMBASSADORS],
            ),
        ],
        "themes": [TEAMS, SCALING],
        "tags": ["formation des agents", "référentiel"],
    },
    {
        "slug": "veille-numerique-et-reunions-creatives",
        "title": "Veille numérique et réunions créatives",
        "summary": "Deux journées pour organiser une veille partagée dans son équipe et animer des réunions "
        "qui produisent des idées.",
        "audience": "Agents de toutes les directions, en particulier les assistants, chargés de mission et "
        "encadrants de proximité.",
        "prerequisites": p("Savoir utiliser un navigateur et une messagerie."),
        "outcomes": ul(
            "Mettre en place une veille partagée sur un sujet et la diffuser.",
            "Préparer et animer une réunion créative de deux heures.",
            "Organiser un petit déjeuner de l'innovation dans son service.",
        ),
        "modules": [
            (
                "Organiser une veille partagée",
                "3.5",
                "Choisir ses sources, les outils et un rythme de diffusion.",
                [WATCH],
            ),
            ("Cartographier son écosystème", "3.5", "Repérer les acteurs et ressources utiles à son sujet.", [MAPPING]),
            (
                "Animer une réunion créative",
                "5",
                "Construire un déroulé, animer, conclure par des engagements.",
                [CREATIVE_MEETING],
            ),
            ("Faire connaître", "2", "Présenter un projet en quinze minutes lors d'un petit déjeuner.", [BREAKFAST]),
        ],
        "themes": [SCALING, TOOLS],
        "tags": ["formation des agents", "veille", "animation"],
    },
    {
        "slug": "evaluer-un-projet-d-innovation-publique",
        "title": "Évaluer un projet d'innovation publique",
        "summary": "Une journée pour choisir des indicateurs de succès avant un projet et raconter ses "
        "résultats après.",
        "audience": "Chefs de projet, contrôleurs de gestion et membres des labs.",
        "prerequisites": p("Avoir conduit ou suivi au moins un projet."),
        "outcomes": ul(
            "Combiner des indicateurs d'expérience, d'impact, d'efficience et de transparence.",
            "Mesurer un point de départ et un résultat.",
            "Conduire un retour d'expérience utile aux autres labs.",
        ),
        "modules": [
            (
                "Des indicateurs qui ont du sens",
                "3.5",
                "Choisir et définir une combinaison d'indicateurs.",
                [INDICATORS],
            ),
            (
                "Tester pour mesurer",
                "2",
                "Utiliser les tests utilisateurs comme mesure de l'expérience.",
                [USER_TESTING],
            ),
            ("Capitaliser", "1.5", "Conduire un retour d'expérience et le publier.", [LESSONS_LEARNED]),
        ],
        "themes": [VISION],
        "tags": ["évaluation", "indicateurs"],
    },
]


def curriculum_specs():
    specs = []
    for curriculum in CURRICULA:
        fields = {
            "title": curriculum["title"],
            "summary": curriculum["summary"],
            "audience": curriculum["audience"],
            "prerequisites": curriculum["prerequisites"],
            "learning_outcomes": curriculum["outcomes"],
            "modules": [
                {
                    "type": "module",
                    "value": {
                        "title": title,
                        "duration_hours": hours,
                        "objectives": p(objectives),
                        "methods": [Ref(slug) for slug in methods],
                    },
                }
                for title, hours, objectives, methods in curriculum["modules"]
            ],
        }
        specs.append(
            PageSpec(
                CurriculumPage,
                curriculum["slug"],
                "formations",
                fields,
                themes=curriculum["themes"],
                tags=curriculum["tags"],
            )
        )
    return specs
