"""The report of Entrelabs #1 (13 April 2015): participants, six themes, the action roadmap."""

import datetime

from labs.models import SessionReportPage

from .keys import FUTURS_PUBLICS, LA_27E_REGION, PACA, PARIS, PAYS_DE_LA_LOIRE, REACTEUR_PUBLIC
from .loader import PageSpec, Ref, page_link
from .text import p, ul
from .themes import POSITIONING, REALPOLITIK, SCALING, TEAMS, TOOLS, VISION

SLUG = "entrelabs-1"

PARTICIPANTS = [
    ("Maxime Barbier", "SGMAP", FUTURS_PUBLICS),
    ("Gino Bontempelli", "Région PACA", PACA),
    ("Frédérique Chabbert", "Ville de Paris", PARIS),
    ("Magali Claux", "Région PACA", PACA),
    ("Charlotte Cottineau", "Région Pays de la Loire", PAYS_DE_LA_LOIRE),
    ("Natacha Crimier", "Région PACA", PACA),
    ("Tanguy Dennielou", "SGMAP", FUTURS_PUBLICS),
    ("Antoine Foucault", "Région Pays de la Loire", PAYS_DE_LA_LOIRE),
    ("Angélique Pourtaud", "Région Pays de la Loire", PAYS_DE_LA_LOIRE),
    ("Julien Defait", "La 27e Région", LA_27E_REGION),
    ("Nadège Guiraud", "La 27e Région", LA_27E_REGION),
    ("Stéphane Vincent", "La 27e Région", LA_27E_REGION),
]


def _theme(title, question, discussion, directions=()):
    return {
        "type": "theme",
        "value": {
            "title": title,
            "question": question,
            "discussion": discussion,
            "directions": [{"title": t, "text": p(text)} for t, text in directions],
        },
    }


DISCUSSED_THEMES = [
    _theme(
        "Positionnement du lab",
        "Comment positionner le lab, et à partir de quelles activités ?",
        p(
            "Les labs mènent, par ordre d'importance décroissante : des projets choisis avec d'autres "
            "directions, des projets où ils appuient l'exécution, des actions de sensibilisation et de "
            "transfert, et enfin des projets à leur propre initiative. Les participants se demandent comment "
            "équilibrer ces activités, s'il faut prendre plus d'initiatives, intervenir plus en amont de la "
            "décision publique ou davantage dans la mise en œuvre.",
            "Le lab vit entre plusieurs tensions : à la fois dedans et dehors, transversal tout en étant "
            "rattaché à une direction, tantôt discret, tantôt visible pour montrer ses preuves de concept. "
            "Comment garder sa capacité à bousculer en s'installant durablement, et quelle gouvernance "
            "protège sa neutralité ?",
        ),
    ),
    _theme(
        "Équipes et trajectoires professionnelles",
        "Comment valoriser les équipes et construire des trajectoires professionnelles ?",
        p(
            "Les labs réunissent des profils variés : designers et sociologues, juniors ou confirmés, agents "
            "contractuels et fonctionnaires territoriaux. L'intégration de designers et de sociologues n'a "
            "pas toujours réussi, et des agents formés sont partis vers des structures qui ne valorisent pas "
            "ces compétences.",
            "Questions ouvertes : comment former les designers publics, quelle grille de salaire, quels "
            "postes demain ? Comment faire reconnaître le temps passé au lab dans les fiches de poste et les "
            "lettres de mission, par la promotion, la formation, la certification ? Comment sensibiliser les "
            "associations professionnelles (AATF, AITF) ?",
        ),
    ),
    _theme(
        "Du club d'initiés à la pratique généralisée",
        "Comment passer du club d'initiés à une pratique généralisée ?",
        p(
            "Presque tous les labs misent sur un développement distribué, en réseau : agents ambassadeurs, "
            "petits déjeuners, documentation en ligne, veille partagée, avec très peu de temps disponible. "
            "La difficulté est de passer de la sensibilisation à l'autonomie des agents, de convaincre les "
            "moins motivés et de comprendre les opposants, et de transformer les demandes de « workshops à "
            "post-it » en projets structurés."
        ),
    ),
    _theme(
        "Les outils du lab",
        "Comment redessiner les outils du lab ?",
        p(
            "Les labs produisent des outils pour expliquer leurs règles et protocoles d'intervention, "
            "capitaliser, valoriser leurs méthodes et former des ambassadeurs. Il s'agit maintenant de les "
            "professionnaliser et de les mutualiser, et de penser le lab lui-même comme un service, à partir "
            "de l'expérience des agents, élus et usagers qui travaillent avec lui.",
            "Ce sera l'un des objets du workshop organisé en juin par La 27e Région avec le MindLab danois, "
            "dans le cadre de Re•Acteur Public et de Design for Europe.",
        ),
    ),
    _theme(
        "Innovation publique et realpolitik",
        "Innovation publique et realpolitik : comment durer dans le contexte actuel ?",
        p(
            "L'ambition des labs se heurte aux rivalités entre services, au manque de portage, à la place "
            "donnée au conseil extérieur, au peu de coopération entre collectivités, aux échéances "
            "électorales et au court terme. Ce sont des démarches fragiles."
        ),
        [
            (
                "Construire un écosystème local fort",
                "Coopérer avec les autres collectivités du territoire, les écoles de design et "
                "d'administration, et les communautés professionnelles locales (designers, sociologues, "
                "innovateurs sociaux, architectes et urbanistes participatifs, makers).",
            ),
            (
                "Renforcer le lobbying externe",
                "Informer la presse de façon coordonnée, intervenir ensemble dans les associations de "
                "fonctionnaires (AITF, AATF, Entente des territoriaux), donner suite au rapport d'Akim Oural "
                "sur l'innovation publique territoriale et préparer la Semaine de l'innovation publique du "
                "12 au 18 octobre.",
            ),
            (
                "Une gouvernance et un modèle économique qui donnent de l'autonomie au lab",
                "Diversifier les financements entre plusieurs directions, puis avec d'autres collectivités, "
                "pour renforcer la neutralité et la capacité d'initiative du lab.",
            ),
            (
                "Passer des alliances en interne",
                "Avec la direction générale (positionnement clair, temps des agents libéré), la DSI "
                "(maîtrise d'usage en amont des systèmes d'information), la communication (des projets de "
                "communication devenus projets de design) et les ressources humaines.",
            ),
            (
                "Traiter des sujets tactiques à l'approche des échéances",
                "Par exemple le parcours des nouveaux élus, la redistribution des compétences liée à la "
                "réforme territoriale ou des sujets mutualisés entre collectivités.",
            ),
            (
                "Renforcer le discours politique et stratégique",
                "Exprimer les valeurs et la vision, pas seulement les méthodes, de façon à inspirer les élus.",
            ),
        ],
    ),
    _theme(
        "Vision du lab",
        "Quelle vision pour le lab : où va-t-il et comment en parler ?",
        p(
            "Le lab est bien connu des cadres, beaucoup moins des autres agents, et son image reste floue : "
            "c'est d'abord une expérience à vivre, sur mesure, qui se prouve par des réalisations plus que "
            "par des discours. Il faut rendre plus explicite sa vision à court, moyen et long terme."
        ),
        [
            (
                "Dire ce que le lab est seul à faire",
                "Capter l'expérience des usagers, offrir un espace neutre vis-à-vis de la hiérarchie mais "
                "engagé pour les usagers, apporter des méthodes nouvelles pour l'institution (immersion, test "
                "utilisateur, prototypage rapide), servir de banc d'essai à la transformation.",
            ),
            (
                "Situer le lab dans une évolution plus large",
                "Le passage d'une administration en silos à une administration de l'essai-erreur et de la "
                "coopération, avec une approche usager à tous les niveaux.",
            ),
            (
                "Préciser les indicateurs de succès",
                "Combiner l'expérience des usagers et des agents, l'impact des politiques publiques, "
                "l'efficience de la dépense et la transparence, tout en montrant que la démarche elle-même "
                "produit du sens.",
            ),
            (
                "Penser la V2 et la V3 du lab",
                "Transfert de compétences en interne, fonction inter-collectivités et inter-labs, puis à "
                "long terme un labo ouvert à l'échelle du territoire.",
            ),
            (
                "Soigner le vocabulaire",
                "Dépasser les mots-valises comme « innovation » au profit de « conception créative » ou "
                "« approche orientée usagers », et soigner les appellations.",
            ),
            (
                "Assumer une communication sensible",
                "Montrer les situations telles qu'elles sont, valoriser le plaisir, la confiance et "
                "l'empathie, et présenter l'action publique comme un savoir-faire collectif dont on peut "
                "être fier.",
            ),
        ],
    ),
]

# Engaged: the actions the labs reported as under way in April 2015 (Entrelabs itself, the Réenchantez
# meetings and the training framework, the collaborative mapping tests, the 2nd public innovation week).
ROADMAP = [
    (
        "Des outils pour faire connaître les labs comme « voix des usagers »",
        "Vidéo, tribune dans la presse, interventions dans les colloques (congrès de l'ARF ?), un blog pour "
        "chaque labo ?",
        "now",
        "lab",
        "proposed",
        [LA_27E_REGION],
    ),
    (
        "Entrelabs pour progresser collectivement",
        "Des ateliers semestriels entre labs pour s'évaluer et se perfectionner.",
        "now",
        "lab",
        "engaged",
        [LA_27E_REGION, REACTEUR_PUBLIC],
    ),
    (
        "Réenchantez et le référentiel de formation",
        "Apprendre à maîtriser la chaîne d'outils et à transférer les compétences en interne.",
        "now",
        "lab",
        "engaged",
        [REACTEUR_PUBLIC],
    ),
    (
        "Tests de cartographie collaborative des écosystèmes territoriaux",
        "Recenser les acteurs et les ressources des territoires, sur le modèle de la datavisualisation des "
        "100 acteurs du design des politiques publiques.",
        "now",
        "beyond",
        "engaged",
        [LA_27E_REGION],
    ),
    (
        "Manifeste des collectivités ingénieuses",
        "Sur le modèle du manifeste des régions ingénieuses.",
        "months",
        "lab",
        "proposed",
        [],
    ),
    (
        "Projets « tactiques » liés aux échéances majeures",
        "",
        "months",
        "lab",
        "proposed",
        [],
    ),
    ("Alliance avec les services supports", "", "months", "authority", "proposed", []),
    (
        "Projets de chartes d'administration centrées sur l'approche usagers",
        "",
        "months",
        "authority",
        "proposed",
        [],
    ),
    (
        "2e Semaine de l'innovation publique",
        "Mise en réseau des acteurs et des ressources territoriaux.",
        "months",
        "beyond",
        "engaged",
        [FUTURS_PUBLICS, REACTEUR_PUBLIC],
    ),
    ("Entrelabs comme « labo des labs »", "Une banque d'organes des labs existants ?", "years", "lab", "proposed", []),
    ("Projets et sujets mutualisés entre collectivités", "", "years", "beyond", "proposed", []),
    ("Labos ouverts à l'échelle d'un territoire", "", "years", "beyond", "proposed", []),
]


def report_spec():
    fields = {
        "title": "Entrelabs #1 : le passage à l'échelle des labos",
        "summary": "Le 13 avril 2015, les équipes innovation de quatre administrations et La 27e Région ont "
        "fait le point sur les défis des labs après une ou deux années d'existence.",
        "number": 1,
        "date": datetime.date(2015, 4, 13),
        "place": "",
        "host": "La 27e Région",
        "discussed_themes": DISCUSSED_THEMES,
        "decisions": p(
            "Les thèmes « Innovation publique et realpolitik » et « Vision du lab » ont donné lieu à des "
            "pistes de progression et à une feuille de route d'actions pour les mois qui viennent, présentée "
            "ci-dessous selon leur horizon et leur périmètre.",
            "Voir aussi les "
            + page_link("labs", "labs participants")
            + ", leurs projets, et les "
            + page_link("methodes", "méthodes")
            + " citées pendant la session.",
        )
        + ul(
            "Faire d'Entrelabs un rendez-vous semestriel.",
            "Préparer un manifeste des collectivités ingénieuses.",
            "Se coordonner pour la 2e Semaine de l'innovation publique.",
        )
        + p(
            "Prochain épisode : le workshop international « Immersion in public design », à Paris, le 18 juin "
            "et le 19 juin au matin."
        ),
        "roadmap": [
            {
                "type": "action",
                "value": {
                    "title": title,
                    "description": description,
                    "horizon": horizon,
                    "scope": scope,
                    "status": status,
                    "owner_labs": [Ref(slug) for slug in owners],
                },
            }
            for title, description, horizon, scope, status, owners in ROADMAP
        ],
        "next_session_title": "Workshop international « Immersion in public design »",
        "next_session_start": datetime.date(2015, 6, 18),
        "next_session_end": datetime.date(2015, 6, 19),
        "next_session_place": "Paris",
        "next_session_contact": "Nadège Guiraud (La 27e Région)",
    }
    participants = [{"name": name, "organisation": org, "lab": Ref(lab)} for name, org, lab in PARTICIPANTS]
    return PageSpec(
        SessionReportPage,
        SLUG,
        "ateliers",
        fields,
        {"participants": participants},
        themes=[POSITIONING, TEAMS, SCALING, TOOLS, REALPOLITIK, VISION],
        tags=["Entrelabs", "passage à l'échelle"],
    )
