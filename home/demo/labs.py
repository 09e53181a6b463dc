"""The labs of the first Entrelabs session and the projects they reported (seed: April 2015)."""

import datetime

from labs.models import LabPage, ProjectPage

from . import keys as m
from .keys import FUTURS_PUBLICS, LA_27E_REGION, PACA, PARIS, PAYS_DE_LA_LOIRE, REACTEUR_PUBLIC
from .loader import PageSpec, Ref
from .text import p, paragraph
from .themes import POSITIONING, REALPOLITIK, SCALING, TEAMS, TOOLS, VISION

LAB_TITLES = {
    PAYS_DE_LA_LOIRE: "Labo de la Région Pays de la Loire",
    PACA: "Labo de la Région Provence-Alpes-Côte d'Azur",
    FUTURS_PUBLICS: "Futurs Publics",
    PARIS: "Équipe innovation de la Ville de Paris",
    LA_27E_REGION: "La 27e Région",
    REACTEUR_PUBLIC: "Re•Acteur Public",
}

LABS = [
    {
        "slug": PAYS_DE_LA_LOIRE,
        "host_organisation": "Région Pays de la Loire",
        "organisation_kind": "region",
        "region": "pdl",
        "city": "Nantes",
        "summary": "L'équipe interne de la Région qui conduit des projets de conception créative avec les "
        "directions et forme les agents aux méthodes du lab.",
        "body": p(
            "Le labo de la Région Pays de la Loire mène des projets avec les directions de la collectivité, "
            "de la qualité de vie au travail des agents au décrochage scolaire, et prépare des chantiers sur "
            "les gares et les lycées.",
            "Il consacre une part importante de son activité à la sensibilisation et à la formation : "
            "petits déjeuners de l'innovation, veille numérique, organisation créative des réunions.",
        ),
        "team": [
            ("Charlotte Cottineau", "Membre de l'équipe du labo"),
            ("Antoine Foucault", "Membre de l'équipe du labo"),
            ("Angélique Pourtaud", "Membre de l'équipe du labo"),
        ],
        "themes": [POSITIONING, SCALING, TEAMS],
        "tags": ["région", "formation des agents"],
    },
    {
        "slug": PACA,
        "host_organisation": "Région Provence-Alpes-Côte d'Azur",
        "organisation_kind": "region",
        "region": "pac",
        "city": "Marseille",
        "summary": "Le lab de la Région Provence-Alpes-Côte d'Azur : des projets sur l'accueil, le courrier "
        "électronique, les services aux entreprises et la jeunesse, et un réseau d'agents qui s'élargit.",
        "body": p(
            "Le lab travaille sur des services de la Région vus par ceux qui les utilisent : accueil des "
            "nouveaux arrivants, gestion des courriels, documentation, plateforme et services aux "
            "entreprises, Université régionale des métiers, contrat d'accès à la qualification.",
            "Il anime aussi la vie du réseau interne : café de l'innovation, journées de sensibilisation, "
            "séminaire de l'encadrement, et travaille à son propre perfectionnement (évaluation, "
            "communication, capitalisation, formation).",
        ),
        "team": [
            ("Gino Bontempelli", "Membre de l'équipe du lab"),
            ("Magali Claux", "Membre de l'équipe du lab"),
            ("Natacha Crimier", "Membre de l'équipe du lab"),
        ],
        "themes": [SCALING, TOOLS, POSITIONING],
        "tags": ["région", "réseau d'agents"],
    },
    {
        "slug": FUTURS_PUBLICS,
        "host_organisation": "Secrétariat général pour la modernisation de l'action publique (SGMAP)",
        "organisation_kind": "state_agency",
        "region": "national",
        "city": "Paris",
        "summary": "Le programme d'innovation publique de l'État porté par le SGMAP : accompagnement de "
        "projets, Semaine de l'innovation publique et prototypage des services publics du futur.",
        "body": p(
            "Futurs Publics accompagne les administrations de l'État dans des démarches d'innovation : "
            "sélection de projets du programme d'investissements d'avenir (PIA), organisation de la "
            "Semaine de l'innovation publique, lancement d'une chaire à l'ENSCI.",
            "Il propose une offre de service de prototypage des services publics du futur.",
        ),
        "team": [
            ("Maxime Barbier", "Membre de l'équipe Futurs Publics"),
            ("Tanguy Dennielou", "Membre de l'équipe Futurs Publics"),
        ],
        "themes": [VISION, REALPOLITIK],
        "tags": ["État", "prototypage"],
    },
    {
        "slug": PARIS,
        "host_organisation": "Ville de Paris",
        "organisation_kind": "city",
        "region": "idf",
        "city": "Paris",
        "summary": "L'équipe qui anime le réseau innovation de la Ville de Paris, évalue ses expérimentations "
        "et conduit une recherche-action sur l'accès des PME à la commande publique.",
        "body": p(
            "À la Ville de Paris, l'équipe innovation définit la stratégie du réseau innovation, met au point "
            "l'évaluation des expérimentations et mène une recherche-action sur la participation des PME aux "
            "appels d'offres."
        ),
        "team": [("Frédérique Chabbert", "Membre de l'équipe innovation")],
        "themes": [VISION, POSITIONING],
        "tags": ["ville", "évaluation"],
    },
    {
        "slug": LA_27E_REGION,
        "host_organisation": "La 27e Région",
        "organisation_kind": "association",
        "region": "national",
        "city": "Paris",
        "summary": "L'association qui conduit des programmes de recherche-action avec les collectivités, "
        "notamment par des résidences d'équipes pluridisciplinaires sur le terrain.",
        "body": p(
            "La 27e Région mène des résidences : une équipe de designers, sociologues et agents s'installe "
            "plusieurs semaines dans un lieu public pour comprendre les situations vécues et prototyper des "
            "réponses avec ceux qui y travaillent.",
            "En 2015, une résidence est en cours à l'Hôpital Nord de Marseille et une autre se prépare dans "
            "une mairie d'arrondissement de la Ville de Paris.",
        ),
        "team": [
            ("Julien Defait", "Membre de l'équipe de La 27e Région"),
            ("Nadège Guiraud", "Membre de l'équipe de La 27e Région"),
            ("Stéphane Vincent", "Membre de l'équipe de La 27e Région"),
        ],
        "themes": [VISION, REALPOLITIK, TOOLS],
        "tags": ["résidence", "recherche-action"],
    },
    {
        "slug": REACTEUR_PUBLIC,
        "host_organisation": "La 27e Région",
        "organisation_kind": "association",
        "region": "national",
        "city": "Paris",
        "website": "http://www.reacteurpublic.fr",
        "summary": "Le programme de La 27e Région pour les acteurs de l'innovation publique : prospective, "
        "formation, publications et communauté.",
        "body": p(
            "Re•Acteur Public réunit quatre activités : la prospective (La Pointeuse), la formation (un "
            "référentiel de formation des agents à l'innovation, les rencontres Réenchantez), les "
            "publications et l'animation d'une communauté (ateliers internationaux, Superpublic, Semaine de "
            "l'innovation publique)."
        ),
        "team": [],
        "themes": [TEAMS, SCALING, VISION],
        "tags": ["formation des agents", "communauté"],
    },
]


def _project(lab, slug, title, summary, text, status, themes, methods=(), tags=(), **extra):
    return {
        "lab": lab,
        "slug": slug,
        "title": title,
        "summary": summary,
        "text": text,
        "status": status,
        "themes": themes,
        "methods": list(methods),
        "tags": list(tags),
        **extra,
    }


PROJECTS = [
    # Pays de la Loire
    _project(
        PAYS_DE_LA_LOIRE,
        "bureau-du-futur",
        "Le bureau du futur",
        "Trente mesures pour améliorer la qualité de vie au travail des agents de la Région, imaginées avec eux.",
        "Le projet est parti du quotidien des agents dans leurs bureaux : observation des espaces, ateliers "
        "avec les équipes, essais de nouveaux aménagements. Il a débouché sur trente mesures pour la qualité "
        "de vie au travail.",
        "ongoing",
        [POSITIONING, VISION],
        [m.IMMERSION, m.CREATIVE_MEETING, m.PROTOTYPING, m.INDICATORS],
        ["qualité de vie au travail"],
        indicators=[{"label": "Mesures pour la qualité de vie au travail", "measured_value": 30, "unit": "mesures"}],
    ),
    _project(
        PAYS_DE_LA_LOIRE,
        "decrochage-scolaire",
        "Décrochage scolaire",
        "Comprendre les parcours des jeunes qui quittent le lycée sans diplôme pour mieux les repérer et les "
        "raccrocher.",
        "Le labo travaille avec les acteurs de l'orientation et les lycées sur les moments où un élève "
        "décroche, à partir d'entretiens et de l'observation des parcours.",
        "ongoing",
        [POSITIONING],
        [m.IMMERSION, m.JOURNEY, m.PROTOTYPING],
        ["jeunesse", "lycées"],
    ),
    _project(
        PAYS_DE_LA_LOIRE,
        "gares-du-futur",
        "Gares du futur",
        "Un projet à venir sur les gares de la région et ce qu'y vivent les voyageurs.",
        "Le projet est en préparation avec la direction des transports.",
        "planned",
        [POSITIONING],
        [m.IMMERSION],
        ["transports"],
    ),
    _project(
        PAYS_DE_LA_LOIRE,
        "lycees",
        "Lycées",
        "Un projet à venir avec les lycées de la région.",
        "Le périmètre du projet est en cours de définition avec la direction de l'éducation.",
        "planned",
        [POSITIONING],
        [],
        ["lycées"],
    ),
    _project(
        PAYS_DE_LA_LOIRE,
        "petits-dejeuners-de-l-innovation",
        "Petits déjeuners de l'innovation",
        "Des rendez-vous courts et réguliers pour faire découvrir aux agents les projets et les méthodes du labo.",
        "Chaque petit déjeuner présente un projet ou une méthode en moins d'une heure, avant la journée de "
        "travail, et recrute de futurs ambassadeurs.",
        "ongoing",
        [SCALING],
        [m.BREAKFAST, m.AMBASSADORS],
        ["sensibilisation"],
    ),
    _project(
        PAYS_DE_LA_LOIRE,
        "formation-a-la-veille-numerique",
        "Formation à la veille numérique",
        "Former les agents à organiser et partager une veille sur leur domaine avec des outils numériques simples.",
        "La formation alterne la mise en place d'outils de veille et l'organisation d'un partage au sein d'une équipe.",
        "ongoing",
        [SCALING, TEAMS],
        [m.WATCH],
        ["formation des agents", "veille"],
    ),
    _project(
        PAYS_DE_LA_LOIRE,
        "formation-a-l-organisation-creative-de-reunions",
        "Formation à l'organisation créative de réunions",
        "Apprendre aux agents à préparer et animer des réunions qui produisent des idées et des décisions.",
        "Les participants s'exercent sur des réunions réelles de leur service, puis les animent eux-mêmes.",
        "ongoing",
        [SCALING, TEAMS],
        [m.CREATIVE_MEETING],
        ["formation des agents", "animation"],
    ),
    # Provence-Alpes-Côte d'Azur
    _project(
        PACA,
        "accueil-des-nouveaux-arrivants",
        "Accueil des nouveaux arrivants",
        "Revoir l'accueil des nouveaux arrivants à partir de ce qu'ils vivent lors de leurs premières semaines.",
        "Le lab reconstitue le parcours des personnes qui arrivent, repère les moments difficiles et teste "
        "de nouveaux supports d'accueil avec elles.",
        "ongoing",
        [TOOLS],
        [m.JOURNEY, m.IMMERSION, m.USER_TESTING],
        ["accueil"],
    ),
    _project(
        PACA,
        "gestion-des-emails",
        "Gestion des courriels",
        "Des règles et des outils partagés pour que la messagerie cesse de déborder les équipes.",
        "Le lab a transformé une demande d'atelier en projet structuré : diagnostic des usages, prototypes "
        "de règles communes, mesure avant et après.",
        "ongoing",
        [TOOLS],
        [m.POSTIT_TO_PROJECT, m.PROTOTYPING, m.INDICATORS],
        ["qualité de vie au travail"],
    ),
    _project(
        PACA,
        "service-documentation",
        "Service documentation",
        "Le service documentation de la Région, son indexation RAMEAU et un projet à destination des "
        "associations et des entreprises.",
        "Le lab accompagne le service documentation sur l'indexation de ses fonds avec le langage RAMEAU et "
        "sur une offre de documentation pour les associations et les entreprises.",
        "ongoing",
        [TOOLS],
        [m.JOURNEY],
        ["documentation"],
    ),
    _project(
        PACA,
        "plateforme-entreprises",
        "Plateforme entreprises et services aux entreprises",
        "Une plateforme et des services conçus à partir des besoins des entreprises qui s'adressent à la Région.",
        "Le projet part des démarches des entreprises auprès de la Région et teste les services avec elles.",
        "ongoing",
        [POSITIONING],
        [m.USER_TESTING, m.JOURNEY],
        ["entreprises"],
    ),
    _project(
        PACA,
        "universite-regionale-des-metiers",
        "Université régionale des métiers",
        "Le lab accompagne la conception de l'Université régionale des métiers.",
        "Le lab apporte ses méthodes à l'équipe du projet.",
        "ongoing",
        [POSITIONING],
        [],
        ["formation professionnelle"],
    ),
    _project(
        PACA,
        "contrat-d-acces-a-la-qualification",
        "Contrat d'accès à la qualification",
        "Rendre le contrat d'accès à la qualification plus lisible pour les personnes qui peuvent en bénéficier.",
        "Le lab suit le parcours des bénéficiaires, du premier contact à l'entrée en formation.",
        "ongoing",
        [POSITIONING],
        [m.JOURNEY],
        ["formation professionnelle"],
    ),
    _project(
        PACA,
        "info-des-jeunes",
        "Chantier participatif « info des jeunes »",
        "Un chantier participatif sur l'information des jeunes, dans le cadre des États généraux de la jeunesse.",
        "Le lab a été sollicité pour animer ce chantier avec les jeunes et les structures qui les informent.",
        "planned",
        [SCALING],
        [m.CREATIVE_MEETING, m.MAPPING],
        ["jeunesse", "participation"],
    ),
    _project(
        PACA,
        "perfectionnement-du-lab",
        "Perfectionnement du lab",
        "Évaluation, communication, capitalisation, formation et élargissement du réseau : le lab travaille "
        "sur lui-même.",
        "Le lab se donne des indicateurs, documente ses méthodes et forme de nouveaux membres de son réseau.",
        "ongoing",
        [TOOLS, VISION],
        [m.LESSONS_LEARNED, m.INDICATORS],
        ["capitalisation"],
    ),
    _project(
        PACA,
        "evenements-du-lab",
        "Café de l'innovation et journées de sensibilisation",
        "Des événements pour faire connaître le lab : café de l'innovation, journées de sensibilisation et "
        "séminaire de l'encadrement en septembre.",
        "Chaque format vise un public différent : les agents curieux pour le café, les équipes pour les "
        "journées, les cadres pour le séminaire.",
        "ongoing",
        [SCALING],
        [m.BREAKFAST, m.AMBASSADORS],
        ["sensibilisation"],
    ),
    # Futurs Publics
    _project(
        FUTURS_PUBLICS,
        "selection-de-projets-pia",
        "Sélection de projets PIA",
        "Contribuer à la sélection des projets d'innovation publique du programme d'investissements d'avenir.",
        "Futurs Publics apporte des critères centrés sur les usagers à l'instruction des projets.",
        "ongoing",
        [VISION],
        [m.INDICATORS],
        ["financement"],
    ),
    _project(
        FUTURS_PUBLICS,
        "semaine-de-l-innovation-publique-2015",
        "2e Semaine de l'innovation publique",
        "Une semaine d'événements partout en France pour mettre en réseau les acteurs et les ressources de "
        "l'innovation publique, du 12 au 18 octobre 2015.",
        "La deuxième édition doit relier les acteurs et les ressources des territoires.",
        "planned",
        [REALPOLITIK, SCALING],
        [m.MAPPING],
        ["événement"],
        start_date=datetime.date(2015, 10, 12),
        end_date=datetime.date(2015, 10, 18),
    ),
    _project(
        FUTURS_PUBLICS,
        "chaire-innovation-publique-ensci",
        "Chaire d'innovation publique à l'ENSCI",
        "Le lancement d'une chaire consacrée à l'innovation publique à l'École nationale supérieure de "
        "création industrielle.",
        "La chaire rapprochera la formation des designers et les besoins de l'administration.",
        "planned",
        [TEAMS],
        [],
        ["formation", "design"],
    ),
    _project(
        FUTURS_PUBLICS,
        "prototypage-des-services-publics-du-futur",
        "Prototypage des services publics du futur",
        "Une offre de service pour aider les administrations à prototyper et tester leurs services avant de "
        "les généraliser.",
        "Les équipes sont accompagnées du prototype au test avec des usagers.",
        "ongoing",
        [VISION],
        [m.PROTOTYPING, m.USER_TESTING],
        ["prototypage"],
    ),
    # Ville de Paris
    _project(
        PARIS,
        "strategie-du-reseau-innovation",
        "Stratégie du réseau innovation",
        "Définir la stratégie du réseau des agents innovateurs de la Ville de Paris.",
        "L'équipe cartographie les initiatives existantes et construit le réseau des ambassadeurs dans les directions.",
        "ongoing",
        [SCALING, POSITIONING],
        [m.AMBASSADORS, m.MAPPING],
        ["réseau d'agents"],
    ),
    _project(
        PARIS,
        "evaluation-de-l-experimentation",
        "Évaluation de l'expérimentation",
        "Une méthode pour évaluer les expérimentations de la Ville et décider de leur suite.",
        "L'équipe définit des indicateurs de succès avant chaque expérimentation et organise les retours d'expérience.",
        "ongoing",
        [VISION],
        [m.INDICATORS, m.LESSONS_LEARNED],
        ["évaluation"],
    ),
    _project(
        PARIS,
        "recherche-action-pme-commande-publique",
        "Recherche-action sur la participation des PME aux appels d'offres",
        "Comprendre pourquoi les PME répondent peu aux appels d'offres de la Ville et tester des moyens de "
        "les y aider.",
        "La recherche-action combine des entretiens avec des PME et des acheteurs et des ateliers de conception.",
        "ongoing",
        [POSITIONING],
        [m.IMMERSION, m.POSTIT_TO_PROJECT],
        ["commande publique", "entreprises"],
    ),
    # La 27e Région
    _project(
        LA_27E_REGION,
        "residence-hopital-nord-marseille",
        "Résidence à l'Hôpital Nord de Marseille",
        "Une équipe en résidence à l'Hôpital Nord de Marseille pour travailler avec les soignants et les patients.",
        "La résidence alterne des semaines d'immersion et des semaines de prototypage avec le personnel.",
        "ongoing",
        [TOOLS],
        [m.RESIDENCY, m.IMMERSION, m.PROTOTYPING],
        ["santé", "résidence"],
    ),
    _project(
        LA_27E_REGION,
        "residence-mairie-d-arrondissement-paris",
        "Résidence dans une mairie d'arrondissement de Paris",
        "Une résidence en préparation dans une mairie d'arrondissement de la Ville de Paris.",
        "Le cadre de la résidence est en cours de définition avec la Ville.",
        "planned",
        [TOOLS],
        [m.RESIDENCY],
        ["résidence", "ville"],
    ),
    _project(
        LA_27E_REGION,
        "residence-parcours-des-nouveaux-elus",
        "Résidence sur le parcours des nouveaux élus",
        "Une résidence menée en 2009 en Nord-Pas de Calais sur l'arrivée des nouveaux élus.",
        "Un exemple de sujet « tactique » lié à une échéance électorale, cité à la première session Entrelabs.",
        "finished",
        [REALPOLITIK],
        [m.RESIDENCY, m.JOURNEY],
        ["résidence", "élus"],
    ),
    # Re•Acteur Public
    _project(
        REACTEUR_PUBLIC,
        "la-pointeuse-2",
        "La Pointeuse #2 : l'élu inoffensif",
        "Le deuxième numéro de La Pointeuse, publication de prospective sur l'action publique.",
        "Ce numéro explore, par la fiction, la place des élus dans l'administration de demain.",
        "ongoing",
        [VISION],
        [],
        ["prospective", "élus"],
    ),
    _project(
        REACTEUR_PUBLIC,
        "referentiel-de-formation",
        "Référentiel de formation des agents à l'innovation",
        "Un référentiel qui décrit ce qu'un agent doit savoir faire pour conduire une démarche d'innovation.",
        "Le référentiel sert de base aux parcours de formation publiés sur ce portail.",
        "ongoing",
        [TEAMS, SCALING],
        [m.AMBASSADORS],
        ["formation des agents"],
    ),
    _project(
        REACTEUR_PUBLIC,
        "reenchantez-2-nantes",
        "Réenchantez #2 à Nantes",
        "La deuxième édition des rencontres Réenchantez, prévue à Nantes en fin d'année 2015.",
        "Les rencontres permettent aux agents de pratiquer la chaîne d'outils des labs.",
        "planned",
        [TEAMS],
        [m.CREATIVE_MEETING],
        ["événement", "formation des agents"],
    ),
    _project(
        REACTEUR_PUBLIC,
        "ouvrage-documentation-francaise",
        "Nouvel ouvrage à la Documentation française",
        "Un ouvrage sur les démarches des labs, à paraître à la Documentation française.",
        "La publication est prévue pour septembre 2015.",
        "planned",
        [VISION],
        [m.LESSONS_LEARNED],
        ["publication"],
    ),
    _project(
        REACTEUR_PUBLIC,
        "workshop-immersion-in-public-design",
        "Workshop « Immersion in public design »",
        "Un atelier international avec le MindLab danois, à Paris les 18 et 19 juin 2015, dans le cadre de "
        "Re•Acteur Public et de Design for Europe.",
        "L'atelier porte notamment sur la manière de concevoir les labs à partir de l'expérience de ceux "
        "qui les utilisent.",
        "planned",
        [TOOLS],
        [m.IMMERSION, m.JOURNEY],
        ["international", "événement"],
        start_date=datetime.date(2015, 6, 18),
        end_date=datetime.date(2015, 6, 19),
    ),
    _project(
        REACTEUR_PUBLIC,
        "programmation-superpublic",
        "Programmation de Superpublic",
        "La programmation de Superpublic, lieu consacré à l'innovation publique.",
        "Re•Acteur Public contribue à la programmation des rencontres qui s'y tiennent.",
        "ongoing",
        [SCALING],
        [],
        ["communauté"],
    ),
]


def lab_specs():
    specs = []
    for lab in LABS:
        fields = {
            "title": LAB_TITLES[lab["slug"]],
            "summary": lab["summary"],
            "host_organisation": lab["host_organisation"],
            "organisation_kind": lab["organisation_kind"],
            "region": lab["region"],
            "city": lab["city"],
            "website": lab.get("website", ""),
            "body": [paragraph(lab["body"])],
        }
        team = [{"name": name, "role": role} for name, role in lab["team"]]
        specs.append(
            PageSpec(
                LabPage, lab["slug"], "labs", fields, {"team_members": team}, themes=lab["themes"], tags=lab["tags"]
            )
        )
    return specs


def project_specs():
    specs = []
    for project in PROJECTS:
        fields = {
            "title": project["title"],
            "summary": project["summary"],
            "status": project["status"],
            "start_date": project.get("start_date"),
            "end_date": project.get("end_date"),
            "body": [paragraph(p(project["text"]))],
        }
        children = {
            "method_links": [{"method": Ref(slug)} for slug in project["methods"]],
            "indicators": project.get("indicators", []),
        }
        specs.append(
            PageSpec(
                ProjectPage,
                project["slug"],
                project["lab"],
                fields,
                children,
                themes=project["themes"],
                tags=project["tags"],
            )
        )
    return specs
