"""The home page, the index pages and the standard pages (about, legal notice, accessibility statement)."""

import datetime

from django.utils.html import escape

from home.models import HomePage, StandardPage
from labs.models import LabIndexPage, ManifestoIndexPage, SessionReportIndexPage
from methods.models import CurriculumIndexPage, MethodIndexPage

from .keys import CREATIVE_MEETING, IMMERSION, PROTOTYPING, USER_TESTING
from .loader import PageSpec, Ref, page_link
from .text import heading, p, paragraph, ul

HOME = "accueil"
CONTACT_EMAIL = "contact@entrelabs.example.org"
FRENCH_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def french_date(day):
    return f"{day.day} {FRENCH_MONTHS[day.month - 1]} {day.year}"


def home_spec():
    fields = {
        "title": "Entrelabs",
        "summary": "Le portail des labs d'innovation publique des régions, des villes et de l'État : méthodes, "
        "projets, formations, manifestes et comptes rendus des ateliers Entrelabs.",
        "introduction": p(
            "Des collectivités et des administrations se sont dotées de labs qui conçoivent l'action publique "
            "avec ceux qui la vivent : design, sciences sociales, innovation sociale. Entrelabs est leur "
            "« labo des labs » : un lieu pour partager ce qui marche, ce qui rate, et progresser ensemble.",
            "Découvrez les "
            + page_link("labs", "labs du réseau")
            + " et leurs projets, les "
            + page_link("methodes", "fiches méthodes")
            + " prêtes à l'emploi, les "
            + page_link("formations", "parcours de formation")
            + ", les "
            + page_link("manifestes", "manifestes")
            + " et les "
            + page_link("ateliers", "comptes rendus des ateliers")
            + ".",
        ),
    }
    featured = [{"method": Ref(slug)} for slug in (IMMERSION, PROTOTYPING, USER_TESTING, CREATIVE_MEETING)]
    return PageSpec(HomePage, HOME, "", fields, {"featured_methods": featured})


def index_specs():
    return [
        PageSpec(
            LabIndexPage,
            "labs",
            HOME,
            {
                "title": "Les labs",
                "show_in_menus": True,
                "summary": "Les équipes d'innovation publique du réseau, leurs membres et leurs projets.",
                "introduction": p(
                    "Régions, villes, administrations de l'État et associations : chaque lab présente son "
                    "équipe, ses projets en cours et les méthodes qu'il a écrites."
                ),
            },
        ),
        PageSpec(
            MethodIndexPage,
            "methodes",
            HOME,
            {
                "title": "Méthodes",
                "show_in_menus": True,
                "summary": "Des fiches méthodes complètes, éprouvées par les labs, à réutiliser librement.",
                "introduction": p(
                    "Chaque fiche dit pourquoi et quand utiliser la méthode, comment la conduire étape par "
                    "étape, avec quel matériel, et quels points juridiques vérifier dans le secteur public. "
                    "Filtrez par thème, phase, durée ou lab."
                ),
            },
        ),
        PageSpec(
            CurriculumIndexPage,
            "formations",
            HOME,
            {
                "title": "Formations",
                "show_in_menus": True,
                "summary": "Des parcours de formation construits sur les fiches méthodes.",
                "introduction": p(
                    "Chaque parcours est découpé en modules, avec leurs objectifs, leur durée et les méthodes "
                    "qu'ils enseignent."
                ),
            },
        ),
        PageSpec(
            ManifestoIndexPage,
            "manifestes",
            HOME,
            {
                "title": "Manifestes",
                "show_in_menus": True,
                "summary": "Les textes que les labs du réseau signent ensemble.",
                "introduction": p("Chaque manifeste indique sa version, sa date et les labs signataires."),
            },
        ),
        PageSpec(
            SessionReportIndexPage,
            "ateliers",
            HOME,
            {
                "title": "Ateliers Entrelabs",
                "show_in_menus": True,
                "summary": "Les comptes rendus des ateliers semestriels où les labs s'évaluent et progressent "
                "ensemble.",
                "introduction": p(
                    "Chaque compte rendu présente les participants, les thèmes discutés, les pistes de "
                    "progression et la feuille de route d'actions."
                ),
            },
        ),
    ]


def about_spec():
    body = [
        heading("Un labo des labs"),
        paragraph(
            p(
                "Entrelabs est né d'un cycle d'ateliers semestriels lancé le 13 avril 2015 par des équipes "
                "d'innovation de régions, de la Ville de Paris, de l'État et de La 27e Région. Leur constat : "
                "après une ou deux années d'existence, les labs ont prouvé leur singularité et doivent entrer "
                "dans une phase de maturité. Ils ont tout à gagner à mettre en commun leurs outils.",
                "Le compte rendu de la "
                + page_link("entrelabs-1", "première session")
                + " présente les six thèmes alors discutés et la feuille de route qui en est sortie.",
            )
        ),
        heading("Ce que vous trouverez ici"),
        paragraph(
            ul(
                page_link("methodes", "Des fiches méthodes") + " complètes, sous licence libre.",
                page_link("labs", "Les labs") + " du réseau et leurs projets.",
                page_link("formations", "Des parcours de formation") + " pour les agents.",
                page_link("manifestes", "Les manifestes") + " que les labs signent ensemble.",
            )
        ),
        heading("Contribuer"),
        paragraph(
            p(
                "Chaque lab partenaire publie ses projets et ses méthodes depuis son espace, après relecture "
                "par l'équipe éditoriale. Tout agent peut proposer une méthode. Les contenus sont publiés "
                "sous licence CC BY-SA 4.0 sauf mention contraire, et le code du portail est libre.",
                f"Pour nous écrire : {CONTACT_EMAIL}.",
            )
        ),
    ]
    return PageSpec(
        StandardPage,
        "a-propos",
        HOME,
        {
            "title": "À propos",
            "summary": "Entrelabs réunit les labs d'innovation publique pour qu'ils partagent leurs méthodes et "
            "progressent ensemble.",
            "body": body,
        },
    )


def legal_notice_spec():
    body = [
        heading("Éditeur"),
        paragraph(
            p(
                "Ce portail est édité par le réseau Entrelabs. L'organisme qui l'exploite complète ici sa "
                "dénomination, son adresse, son numéro SIRET et le nom du directeur ou de la directrice de la "
                "publication.",
                f"Contact : {CONTACT_EMAIL}.",
            )
        ),
        heading("Hébergement"),
        paragraph(p("Nom, adresse et téléphone de l'hébergeur : à compléter par l'organisme qui exploite le portail.")),
        heading("Propriété intellectuelle et réutilisation"),
        paragraph(
            p(
                "Sauf mention contraire sur la page, les contenus (textes, fiches méthodes, documents) sont "
                "publiés sous licence Creative Commons Attribution - Partage dans les mêmes conditions 4.0 "
                "(CC BY-SA 4.0) ; certaines fiches sont sous CC BY 4.0 ou sous Licence Ouverte 2.0, comme "
                "indiqué sur chacune. Le code source du portail est un logiciel libre.",
                "Les noms et marques des organismes cités appartiennent à leurs titulaires.",
            )
        ),
        heading("Données personnelles"),
        paragraph(
            p(
                "Le portail ne dépose aucun traceur publicitaire ni de mesure d'audience tierce. Il utilise "
                "uniquement les cookies nécessaires à son fonctionnement (langue choisie, protection des "
                "formulaires, session des contributeurs).",
                "Les données des contributeurs (nom, adresse électronique) servent uniquement à la gestion des "
                "publications. Vous pouvez exercer vos droits d'accès, de rectification et d'effacement en "
                f"écrivant à {CONTACT_EMAIL}, et adresser une réclamation à la CNIL.",
            )
        ),
        heading("Accessibilité"),
        paragraph(p("Voir la " + page_link("accessibilite", "déclaration d'accessibilité") + ".")),
    ]
    return PageSpec(
        StandardPage,
        "mentions-legales",
        HOME,
        {
            "title": "Mentions légales",
            "summary": "Éditeur, hébergement, licences des contenus et données personnelles.",
            "body": body,
        },
    )


def accessibility_spec(today=None):
    """The accessibility statement in the form of the RGAA 4.1 model; dated the day it is first loaded."""
    today = today or datetime.date.today()
    email = escape(CONTACT_EMAIL)
    body = [
        paragraph(
            p(
                "Le réseau Entrelabs s'engage à rendre son portail accessible conformément à l'article 47 de "
                "la loi n° 2005-102 du 11 février 2005.",
                "Cette déclaration d'accessibilité s'applique au portail Entrelabs.",
            )
        ),
        heading("État de conformité"),
        paragraph(
            p(
                "Le portail Entrelabs est <b>non conforme</b> avec le référentiel général d'amélioration de "
                "l'accessibilité (RGAA), version 4.1 : aucun audit de conformité n'a encore été réalisé, et "
                "le RGAA impose cette mention tant qu'il n'existe pas de résultat d'audit en cours de "
                "validité. Le portail vise la conformité totale ; un audit est prévu et cette déclaration "
                "sera mise à jour avec son taux de conformité."
            )
        ),
        heading("Vérifications réalisées en continu"),
        paragraph(
            p(
                "En attendant l'audit, chaque modification du portail passe une série de tests automatisés "
                "sur les pages types (accueil, lab, projet, méthode, formation, manifeste, compte rendu, "
                "thème, liste des méthodes filtrée, recherche, formulaire de proposition, page d'erreur) :"
            ),
            ul(
                "axe-core (règles WCAG 2.1, niveaux A et AA), sur écran large et à 375 pixels de large : "
                "le test échoue à la première erreur détectée ;",
                "Nu Html Checker, le validateur HTML du W3C : le test échoue à la première erreur ;",
                "Lighthouse : l'audit d'accessibilité de l'accueil, d'une méthode et de la recherche ;",
                "navigation au clavier : chaque élément interactif doit être atteint avec la touche Tab dans "
                "un ordre logique, avec un indicateur de focus visible, et le lien d'évitement doit mener au "
                "contenu.",
            ),
            p("Ces tests ne détectent qu'une partie des critères du RGAA : ils ne remplacent pas un audit complet."),
        ),
        heading("Technologies utilisées"),
        paragraph(ul("HTML5", "CSS", "JavaScript (amélioration progressive : toutes les pages fonctionnent sans)")),
        heading("Environnement de test"),
        paragraph(
            p(
                "Les tests automatisés sont menés avec le navigateur Chromium sous Linux, piloté par "
                "Playwright. L'audit à venir portera sur les combinaisons recommandées par le RGAA, dont NVDA "
                "avec Firefox, JAWS avec Firefox et VoiceOver avec Safari."
            )
        ),
        heading("Contenus non accessibles"),
        paragraph(
            p(
                "Certaines fiches pratiques au format PDF ne sont pas balisées pour les lecteurs d'écran ; leur "
                "contenu est toujours repris sur la page de la méthode concernée."
            )
        ),
        heading("Établissement de cette déclaration"),
        paragraph(p(f"Cette déclaration a été établie le {french_date(today)}.")),
        heading("Retour d'information et contact"),
        paragraph(
            p(
                "Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez-nous à "
                f'<a href="mailto:{email}">{email}</a> : nous vous indiquerons une autre façon d\'y accéder '
                "ou vous enverrons le contenu sous une autre forme."
            )
        ),
        heading("Voies de recours"),
        paragraph(
            p(
                "Si vous nous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou "
                "à un service du portail et que vous n'avez pas obtenu de réponse satisfaisante, vous pouvez :"
            ),
            ul(
                'écrire un message au Défenseur des droits (<a href="https://formulaire.defenseurdesdroits.fr/">'
                "formulaire en ligne</a>) ;",
                'contacter le délégué du Défenseur des droits de votre région (<a href="https://www.'
                'defenseurdesdroits.fr/saisir/delegues">liste des délégués</a>) ;',
                "envoyer un courrier, gratuit et sans timbre, à : Défenseur des droits, Libre réponse 71120, "
                "75342 Paris CEDEX 07.",
            ),
        ),
    ]
    return PageSpec(
        StandardPage,
        "accessibilite",
        HOME,
        {
            "title": "Déclaration d'accessibilité",
            "summary": "Le niveau d'accessibilité du portail au regard du RGAA 4.1, les vérifications menées et "
            "comment signaler un problème.",
            "body": body,
        },
    )
