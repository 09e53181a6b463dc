"""Method cards for the methods the first Entrelabs session names or implies."""

from methods.models import MethodPage

from . import legal
from .keys import (
    AMBASSADORS,
    BREAKFAST,
    CREATIVE_MEETING,
    FUTURS_PUBLICS,
    IMMERSION,
    INDICATORS,
    JOURNEY,
    LA_27E_REGION,
    LESSONS_LEARNED,
    MAPPING,
    PACA,
    PARIS,
    PAYS_DE_LA_LOIRE,
    POSTIT_TO_PROJECT,
    PROTOTYPING,
    REACTEUR_PUBLIC,
    RESIDENCY,
    USER_TESTING,
    WATCH,
)
from .loader import DocRef, PageSpec, Ref
from .text import p, ul
from .themes import POSITIONING, REALPOLITIK, SCALING, TEAMS, TOOLS, VISION
from .worksheets import CONSENT_FORM, OBSERVATION_GRID, method_sheet_title

METHODS = [
    {
        "slug": IMMERSION,
        "title": "Immersion sur le terrain",
        "summary": "Passer du temps là où le service est rendu, aux côtés des usagers et des agents, pour "
        "comprendre ce qui se passe vraiment avant de chercher des solutions.",
        "why": "Les dossiers et les statistiques disent ce qui devrait se passer ; l'immersion montre ce qui se "
        "passe : attentes, contournements, irritants. C'est ce qui donne au lab sa légitimité de « voix des "
        "usagers ».",
        "when": "Au début d'un projet, avant d'écrire un cahier des charges, ou quand un service fonctionne "
        "« sur le papier » mais suscite des plaintes.",
        "phase": "discover",
        "duration": "days",
        "duration_detail": "2 à 5 demi-journées sur place, plus une journée pour préparer et une pour analyser.",
        "group": (2, 4),
        "difficulty": "intermediate",
        "materials": [
            "Grille d'observation imprimée",
            "Carnet et stylos",
            "Formulaires d'information et de consentement",
            "Appareil photo (avec accord des personnes)",
        ],
        "steps": [
            (
                "Négocier l'accès",
                "Présentez la démarche au responsable du lieu, convenez des horaires, des "
                "espaces accessibles et de ce qui ne sera pas observé.",
            ),
            (
                "Préparer la grille",
                "Listez les questions du projet et ce qu'il faut regarder : arrivée, attente, "
                "échanges, documents, outils des agents.",
            ),
            (
                "Observer et discuter",
                "Restez en retrait au début, puis échangez avec les usagers et les agents "
                "quand ils sont disponibles. Notez les faits et les mots exacts.",
            ),
            (
                "Consigner chaque jour",
                "Le soir même, mettez au propre vos notes, photos et croquis, et relevez les surprises.",
            ),
            (
                "Analyser à plusieurs",
                "Regroupez les observations par moments du parcours et formulez les "
                "problèmes à résoudre, pas des solutions.",
            ),
            (
                "Restituer sur place",
                "Présentez ce que vous avez vu aux personnes observées avant de le présenter à la hiérarchie.",
            ),
        ],
        "tips": [
            "Allez-y à des moments différents : ouverture, affluence, fin de journée.",
            "Faites-vous expliquer les outils par les agents : c'est souvent là que se cachent les irritants.",
        ],
        "pitfalls": [
            "Arriver avec la solution déjà en tête et ne chercher que ce qui la confirme.",
            "Se faire percevoir comme un contrôle ou un audit par les agents.",
        ],
        "legal": [legal.PERSONAL_DATA, legal.RECORDING, legal.IMAGE_RIGHTS, legal.CONFIDENTIALITY],
        "licence": "cc-by-sa-4.0",
        "author": LA_27E_REGION,
        "themes": [VISION, TOOLS],
        "tags": ["observation", "usagers", "terrain"],
        "related": [RESIDENCY, JOURNEY, USER_TESTING],
        "worksheets": [OBSERVATION_GRID, CONSENT_FORM, method_sheet_title("Immersion sur le terrain")],
    },
    {
        "slug": USER_TESTING,
        "title": "Test utilisateur",
        "summary": "Faire essayer un formulaire, un courrier, un site ou un lieu à de vrais usagers et observer "
        "où ils butent, avant de le généraliser.",
        "why": "Ce qui paraît clair à ceux qui ont conçu un service ne l'est pas pour ceux qui le découvrent. "
        "Cinq tests suffisent souvent à révéler l'essentiel des difficultés.",
        "when": "Dès qu'il existe un prototype, même en papier, puis à chaque version importante.",
        "phase": "test",
        "duration": "day",
        "duration_detail": "Une journée pour 5 à 6 tests de 45 minutes, plus une demi-journée d'analyse.",
        "group": (5, 8),
        "difficulty": "easy",
        "materials": [
            "Le prototype à tester",
            "Scénarios de test écrits",
            "Grille de prise de notes",
            "Formulaires d'information et de consentement",
        ],
        "steps": [
            (
                "Choisir ce qu'on teste",
                "Formulez trois ou quatre questions précises : trouver une "
                "information, remplir une demande, comprendre un courrier.",
            ),
            (
                "Recruter des participants",
                "Cherchez des personnes proches des usagers réels, y compris "
                "celles qui ont le plus de difficultés (numérique, langue, handicap).",
            ),
            (
                "Écrire les scénarios",
                "Décrivez des situations concrètes sans donner la réponse ni les mots de l'interface.",
            ),
            (
                "Faire passer les tests",
                "Un animateur, un observateur. Demandez au participant de penser à voix haute ; n'aidez pas, notez.",
            ),
            (
                "Analyser et prioriser",
                "Classez les difficultés par gravité et fréquence, corrigez les plus "
                "graves d'abord, puis testez à nouveau.",
            ),
        ],
        "tips": [
            "Testez avec des personnes en situation de handicap : ce qui marche pour elles marche pour tous.",
            "Rappelez au participant que c'est le service qui est testé, pas lui.",
        ],
        "pitfalls": [
            "Tester avec des collègues du service qui connaissent déjà la réponse.",
            "Demander « vous aimez ? » au lieu d'observer ce que la personne fait.",
        ],
        "legal": [legal.PERSONAL_DATA, legal.RECORDING, legal.PAYING_PARTICIPANTS, legal.ACCESSIBILITY],
        "licence": "cc-by-sa-4.0",
        "author": FUTURS_PUBLICS,
        "themes": [VISION, TOOLS],
        "tags": ["test", "usagers", "prototype"],
        "related": [PROTOTYPING, IMMERSION, JOURNEY],
        "worksheets": [CONSENT_FORM, method_sheet_title("Test utilisateur")],
    },
    {
        "slug": PROTOTYPING,
        "title": "Prototypage rapide",
        "summary": "Donner une forme concrète et bon marché à une idée (maquette, affiche, faux formulaire, "
        "mise en scène) pour la discuter et la tester en quelques jours.",
        "why": "Un prototype rend une idée discutable par tous, révèle les problèmes tôt, quand ils coûtent peu, "
        "et permet de faire la « preuve du concept » plutôt que de la promettre.",
        "when": "Après l'exploration, quand plusieurs pistes existent et qu'il faut choisir ; avant tout "
        "engagement budgétaire important.",
        "phase": "prototype",
        "duration": "days",
        "duration_detail": "2 à 3 jours de fabrication, en itérations d'une demi-journée.",
        "group": (3, 8),
        "difficulty": "intermediate",
        "materials": [
            "Carton, papier, ciseaux, ruban adhésif",
            "Feutres et gommettes",
            "Logiciel de présentation ou de maquette",
            "Un lieu où laisser les prototypes en place",
        ],
        "steps": [
            (
                "Choisir l'hypothèse",
                "Écrivez ce que le prototype doit vérifier : « les usagers comprennent "
                "la nouvelle signalétique sans aide », par exemple.",
            ),
            (
                "Fabriquer vite",
                "Faites le strict nécessaire pour tester l'hypothèse, en une demi-journée, avec les matériaux du bord.",
            ),
            ("Montrer tôt", "Présentez la première version aux agents et à quelques usagers le jour même."),
            ("Itérer", "Modifiez, testez à nouveau, et gardez une trace de chaque version et de ce qui a changé."),
            (
                "Décider",
                "Concluez : abandonner, continuer ou passer à une expérimentation en conditions "
                "réelles, avec des indicateurs de succès.",
            ),
        ],
        "tips": [
            "Un prototype moche est plus facile à critiquer : c'est ce qu'on cherche.",
            "Photographiez chaque version pour raconter le cheminement.",
        ],
        "pitfalls": [
            "Passer trois semaines sur le premier prototype.",
            "Confondre prototype et projet pilote déjà validé.",
        ],
        "legal": [legal.PROCUREMENT, legal.IMAGE_RIGHTS, legal.OPEN_LICENCE],
        "licence": "cc-by-sa-4.0",
        "author": FUTURS_PUBLICS,
        "themes": [VISION, POSITIONING],
        "tags": ["prototype", "essai-erreur"],
        "related": [USER_TESTING, POSTIT_TO_PROJECT, INDICATORS],
        "worksheets": [method_sheet_title("Prototypage rapide")],
    },
    {
        "slug": CREATIVE_MEETING,
        "title": "Animation créative de réunion",
        "summary": "Préparer et animer une réunion de travail qui produit des idées et des décisions, avec des "
        "temps de production individuelle, des consignes claires et une restitution visible.",
        "why": "Les réunions classiques donnent la parole aux mêmes personnes. Une animation structurée fait "
        "contribuer chacun et repart avec des engagements.",
        "when": "Pour lancer un projet, chercher des idées avec plusieurs services, ou débloquer un sujet enlisé.",
        "phase": "ideate",
        "duration": "half_day",
        "duration_detail": "2 à 3 heures, plus 2 heures de préparation.",
        "group": (6, 20),
        "difficulty": "easy",
        "materials": [
            "Post-it et feutres",
            "Grandes feuilles ou murs libres",
            "Minuteur",
            "Un ordre du jour minuté affiché",
        ],
        "steps": [
            (
                "Écrire la question",
                "Formulez une question ouverte et précise, qui commence par « Comment pourrions-nous... ».",
            ),
            (
                "Préparer le déroulé",
                "Alternez temps individuels, en petits groupes et en plénière ; minutez chaque séquence.",
            ),
            ("Ouvrir", "Faites produire un maximum d'idées, seul puis en groupe, sans les juger."),
            ("Converger", "Regroupez les idées, votez avec des gommettes, approfondissez les trois premières."),
            (
                "Conclure et engager",
                "Nommez pour chaque idée retenue une personne et une prochaine étape ; "
                "envoyez le compte rendu photographié dans les 48 heures.",
            ),
        ],
        "tips": [
            "Faites écrire avant de faire parler : les plus discrets contribuent autant que les autres.",
            "Un animateur ne participe pas au contenu.",
        ],
        "pitfalls": [
            "Finir avec des murs de post-it et aucune suite : voir la méthode « Du post-it au projet ».",
            "Inviter sans dire pourquoi ni ce qui sera fait des idées.",
        ],
        "legal": [legal.ACCESSIBILITY, legal.IMAGE_RIGHTS],
        "licence": "cc-by-sa-4.0",
        "author": PAYS_DE_LA_LOIRE,
        "themes": [SCALING, TEAMS],
        "tags": ["animation", "réunion", "idéation"],
        "related": [POSTIT_TO_PROJECT, BREAKFAST],
        "worksheets": [method_sheet_title("Animation créative de réunion")],
    },
    {
        "slug": BREAKFAST,
        "title": "Petit déjeuner de l'innovation",
        "summary": "Un rendez-vous d'une heure avant la journée de travail pour présenter un projet ou une "
        "méthode du lab à des agents curieux.",
        "why": "Le temps des agents est compté : un format court, convivial et régulier fait connaître le lab "
        "au-delà des convaincus et repère de futurs ambassadeurs.",
        "when": "En continu, une fois par mois par exemple, et en particulier après un projet réussi.",
        "phase": "deploy",
        "duration": "hours",
        "duration_detail": "1 heure, avant le début de la journée.",
        "group": (10, 40),
        "difficulty": "easy",
        "materials": ["Une salle conviviale", "Café, thé, viennoiseries", "Un support de présentation court"],
        "steps": [
            ("Choisir le sujet", "Un projet terminé, une méthode, ou un invité d'un autre lab."),
            (
                "Inviter largement",
                "Diffusez l'invitation dans toutes les directions, avec l'accord des encadrants pour libérer l'heure.",
            ),
            (
                "Raconter en 15 minutes",
                "Racontez l'histoire du projet : le problème, ce qui a été essayé, ce qui a marché, ce qui a raté.",
            ),
            ("Faire pratiquer", "Proposez 20 minutes d'exercice en petit groupe sur une situation réelle."),
            ("Garder le contact", "Recueillez les contacts des volontaires pour le réseau d'ambassadeurs."),
        ],
        "tips": ["Invitez un élu ou un directeur de temps en temps : cela légitime le temps passé."],
        "pitfalls": ["Transformer le rendez-vous en conférence descendante d'une heure."],
        "legal": [legal.RECEPTION_COSTS, legal.ACCESSIBILITY, legal.IMAGE_RIGHTS],
        "licence": "cc-by-4.0",
        "author": PAYS_DE_LA_LOIRE,
        "themes": [SCALING],
        "tags": ["sensibilisation", "réseau d'agents"],
        "related": [AMBASSADORS, WATCH],
        "worksheets": [],
    },
    {
        "slug": WATCH,
        "title": "Veille numérique partagée",
        "summary": "Organiser à plusieurs une veille sur un domaine, avec des outils simples, et la partager "
        "dans l'équipe et au-delà.",
        "why": "Une veille partagée coûte moins cher qu'une veille individuelle, fait circuler les "
        "inspirations entre services et entretient un réseau d'agents curieux.",
        "when": "Pour nourrir un projet qui démarre, ou en continu pour un réseau d'ambassadeurs.",
        "phase": "discover",
        "duration": "weeks",
        "duration_detail": "Une demi-journée de mise en place, puis 30 minutes par semaine et par veilleur.",
        "group": (3, 15),
        "difficulty": "easy",
        "materials": [
            "Un lecteur de flux ou un outil de signets partagé",
            "Une liste de sources",
            "Un canal de partage",
        ],
        "steps": [
            (
                "Définir le périmètre",
                "Choisissez trois à cinq sujets et les questions auxquelles la veille doit répondre.",
            ),
            ("Répartir les sources", "Chaque veilleur suit quelques sources ; notez-les dans une liste commune."),
            ("Qualifier", "Chaque trouvaille est partagée avec une phrase : pourquoi elle compte pour nous."),
            ("Diffuser", "Un court envoi mensuel rassemble les meilleures trouvailles pour les collègues."),
            ("Faire le point", "Tous les trimestres, gardez les sources utiles et abandonnez les autres."),
        ],
        "tips": ["Une phrase de commentaire vaut mieux qu'un lien brut."],
        "pitfalls": ["Accumuler des liens que personne ne lit."],
        "legal": [legal.COPYRIGHT, legal.PERSONAL_DATA],
        "licence": "cc-by-4.0",
        "author": PAYS_DE_LA_LOIRE,
        "themes": [SCALING, TOOLS],
        "tags": ["veille", "numérique"],
        "related": [BREAKFAST, AMBASSADORS],
        "worksheets": [],
    },
    {
        "slug": MAPPING,
        "title": "Cartographie collaborative des acteurs locaux",
        "summary": "Recenser avec les intéressés les acteurs et les ressources d'un territoire (collectivités, "
        "écoles, associations, designers, makers) et en publier la carte.",
        "why": "Un lab isolé est fragile. Savoir qui fait quoi sur son territoire permet de coopérer, de "
        "mutualiser et de construire un écosystème local qui fait durer la démarche.",
        "when": "Au lancement d'un lab, avant un événement comme la Semaine de l'innovation publique, ou pour "
        "préparer des projets entre collectivités.",
        "phase": "discover",
        "duration": "weeks",
        "duration_detail": "Un atelier de lancement de 3 heures, puis quelques semaines de contributions.",
        "group": (5, 30),
        "difficulty": "intermediate",
        "materials": ["Un tableur partagé", "Un outil de carte en ligne", "Une grande carte papier pour l'atelier"],
        "steps": [
            (
                "Définir ce qu'on cartographie",
                "Types d'acteurs, ressources (lieux, formations, "
                "financements) et informations à collecter pour chacun.",
            ),
            ("Lancer en atelier", "Réunissez quelques acteurs et faites-les compléter la carte papier."),
            (
                "Ouvrir les contributions",
                "Mettez en ligne le tableur et invitez chaque acteur à compléter et corriger sa fiche.",
            ),
            ("Vérifier et publier", "Validez chaque fiche avec l'acteur concerné, puis publiez la carte."),
            ("Faire vivre", "Désignez un responsable et une date de mise à jour annuelle."),
        ],
        "tips": ["Commencez petit : cinquante acteurs bien décrits valent mieux que mille fiches vides."],
        "pitfalls": ["Publier des coordonnées personnelles sans accord."],
        "legal": [legal.PERSONAL_DATA, legal.OPEN_LICENCE],
        "licence": "etalab-2.0",
        "author": LA_27E_REGION,
        "themes": [REALPOLITIK],
        "tags": ["écosystème", "territoire", "données ouvertes"],
        "related": [AMBASSADORS, WATCH],
        "worksheets": [],
    },
    {
        "slug": RESIDENCY,
        "title": "Résidence in situ",
        "summary": "Installer pour plusieurs semaines une équipe pluridisciplinaire (design, sciences "
        "sociales, agents) dans un lieu public pour y comprendre, imaginer et prototyper avec ceux qui y "
        "vivent et travaillent.",
        "why": "La résidence donne le temps de gagner la confiance, d'observer en profondeur et de tester des "
        "réponses sur place : elle transforme aussi le regard des équipes accueillantes.",
        "when": "Sur un lieu ou un service emblématique (lycée, hôpital, mairie, gare), avec un commanditaire "
        "prêt à s'engager dans la durée.",
        "phase": "discover",
        "duration": "weeks",
        "duration_detail": "3 sessions d'une semaine réparties sur 3 à 6 mois.",
        "group": (3, 6),
        "difficulty": "advanced",
        "materials": [
            "Un espace de travail sur place",
            "Matériel de prototypage",
            "Carnet de bord partagé",
            "Conventions signées avec le lieu d'accueil",
        ],
        "steps": [
            (
                "Cadrer avec le commanditaire",
                "Question de départ, lieu, calendrier, moyens et engagement des équipes accueillantes.",
            ),
            (
                "Constituer l'équipe",
                "Associez un designer, un chercheur en sciences sociales et des agents de la collectivité.",
            ),
            ("Première semaine : immersion", "Observer, rencontrer, partager la vie du lieu."),
            (
                "Deuxième semaine : pistes et prototypes",
                "Proposer des pistes et les prototyper avec les personnes du lieu.",
            ),
            (
                "Troisième semaine : tester et restituer",
                "Tester les prototypes, restituer publiquement et remettre un carnet de résidence.",
            ),
            ("Assurer la suite", "Transmettre les pistes retenues à une équipe qui les portera."),
        ],
        "tips": ["Mangez sur place, tenez une permanence visible : la confiance vient de la présence."],
        "pitfalls": ["Une résidence sans commanditaire engagé finit en beau carnet sans suite."],
        "legal": [legal.PROCUREMENT, legal.CONFIDENTIALITY, legal.PERSONAL_DATA, legal.IMAGE_RIGHTS],
        "licence": "cc-by-sa-4.0",
        "author": LA_27E_REGION,
        "themes": [TOOLS, VISION],
        "tags": ["résidence", "terrain", "recherche-action"],
        "related": [IMMERSION, PROTOTYPING],
        "worksheets": [],
    },
    {
        "slug": AMBASSADORS,
        "title": "Réseau d'agents ambassadeurs",
        "summary": "Former et animer un réseau d'agents volontaires, dans toutes les directions, qui relaient "
        "les pratiques du lab et conduisent eux-mêmes de petits projets.",
        "why": "Le lab ne peut pas tout faire lui-même. Un réseau distribué permet de passer de la "
        "sensibilisation à l'autonomie des agents, au-delà du club des convaincus.",
        "when": "Quand le lab a fait ses preuves sur quelques projets et reçoit plus de demandes qu'il ne peut "
        "en traiter.",
        "phase": "deploy",
        "duration": "weeks",
        "duration_detail": "Un parcours de 3 à 5 jours de formation sur six mois, puis une rencontre par trimestre.",
        "group": (8, 30),
        "difficulty": "intermediate",
        "materials": [
            "Un référentiel de formation",
            "Une liste de diffusion ou un espace d'échange",
            "Des fiches méthodes",
        ],
        "steps": [
            (
                "Recruter",
                "Appel à volontaires, avec l'accord des encadrants et du temps inscrit dans la fiche de poste.",
            ),
            (
                "Former par la pratique",
                "Chaque ambassadeur se forme en conduisant un petit projet de son service, accompagné par le lab.",
            ),
            ("Outiller", "Mettez à disposition les fiches méthodes, supports et modèles du lab."),
            ("Animer", "Réunissez le réseau régulièrement pour partager les réussites et les difficultés."),
            ("Reconnaître", "Valorisez l'engagement : entretien annuel, certificat, visibilité interne."),
        ],
        "tips": ["Faites inscrire le temps d'ambassadeur dans la fiche de poste ou la lettre de mission."],
        "pitfalls": ["Un réseau sans temps dédié s'épuise en quelques mois."],
        "legal": [legal.PERSONAL_DATA, legal.OPEN_LICENCE],
        "licence": "cc-by-sa-4.0",
        "author": PACA,
        "themes": [SCALING, TEAMS],
        "tags": ["réseau d'agents", "formation des agents"],
        "related": [BREAKFAST, WATCH, CREATIVE_MEETING],
        "worksheets": [],
    },
    {
        "slug": POSTIT_TO_PROJECT,
        "title": "Du post-it au projet structuré",
        "summary": "Transformer une demande d'atelier ponctuel en projet : problème formulé, commanditaire, "
        "équipe, calendrier et critères de réussite.",
        "why": "Les labs reçoivent beaucoup de demandes de « workshops à post-it ». Sans cadre, les idées "
        "restent au mur ; avec un cadre, elles deviennent des décisions.",
        "when": "À la réception d'une demande d'atelier, avant d'accepter de l'animer.",
        "phase": "define",
        "duration": "hours",
        "duration_detail": "Un entretien de cadrage de 2 heures avec le demandeur.",
        "group": (2, 5),
        "difficulty": "intermediate",
        "materials": ["La fiche de cadrage du lab", "Le planning des équipes concernées"],
        "steps": [
            ("Écouter la demande", "Demandez ce qui a motivé la demande d'atelier et ce qui se passera après."),
            (
                "Reformuler le problème",
                "Passez de la solution demandée au problème à résoudre, du point de vue des usagers.",
            ),
            ("Identifier le commanditaire", "Qui décidera de la suite ? Il doit assister à la restitution."),
            ("Fixer les critères de réussite", "Deux ou trois indicateurs simples, mesurables avant et après."),
            ("Planifier", "Un calendrier en étapes : exploration, ateliers, prototypes, décision."),
        ],
        "tips": ["Un refus argumenté vaut mieux qu'un atelier sans suite."],
        "pitfalls": ["Accepter un atelier dont le commanditaire ne viendra pas."],
        "legal": [legal.PROCUREMENT, legal.ACCESSIBILITY],
        "licence": "cc-by-sa-4.0",
        "author": PARIS,
        "themes": [SCALING, POSITIONING],
        "tags": ["cadrage", "gestion de projet"],
        "related": [CREATIVE_MEETING, INDICATORS],
        "worksheets": [method_sheet_title("Du post-it au projet structuré")],
    },
    {
        "slug": INDICATORS,
        "title": "Évaluation par indicateurs de succès",
        "summary": "Définir avant le projet une combinaison d'indicateurs (expérience des usagers et des "
        "agents, impact, coût, transparence) et les mesurer avant et après.",
        "why": "Les labs doivent dire ce qu'ils produisent. Une combinaison d'indicateurs décidée au départ "
        "évite de ne justifier le projet qu'après coup, et montre que le processus lui-même est un résultat.",
        "when": "Au cadrage de chaque projet ou expérimentation, puis à sa fin et quelques mois après.",
        "phase": "evaluate",
        "duration": "days",
        "duration_detail": "Une demi-journée pour définir les indicateurs, puis des mesures ponctuelles.",
        "group": (3, 8),
        "difficulty": "advanced",
        "materials": ["Un tableau des indicateurs", "Les données de départ", "Un questionnaire court"],
        "steps": [
            (
                "Choisir les familles de résultats",
                "Expérience des usagers et des agents, impact de la "
                "politique publique (par exemple le nombre de bénéficiaires), efficience de la dépense, "
                "démocratie et transparence.",
            ),
            ("Définir deux indicateurs par famille", "Avec leur valeur de départ, leur cible et leur source."),
            ("Mesurer le point de départ", "Avant toute transformation."),
            ("Mesurer après", "À la fin du projet, puis six mois après."),
            ("Raconter le résultat", "Chiffres et récits ensemble : ce qui a changé pour les personnes."),
        ],
        "tips": ["Un indicateur qualitatif bien suivi vaut mieux que dix chiffres non mesurés."],
        "pitfalls": ["Choisir les indicateurs à la fin, en fonction des résultats obtenus."],
        "legal": [legal.PERSONAL_DATA, legal.OPEN_LICENCE],
        "licence": "etalab-2.0",
        "author": PARIS,
        "themes": [VISION],
        "tags": ["évaluation", "indicateurs"],
        "related": [LESSONS_LEARNED, POSTIT_TO_PROJECT],
        "worksheets": [],
    },
    {
        "slug": JOURNEY,
        "title": "Parcours usager",
        "summary": "Représenter, étape par étape, ce que vit une personne qui utilise un service, de son "
        "premier besoin au dernier contact, pour repérer les ruptures.",
        "why": "Chaque service ne voit que sa partie du parcours. Le dessiner en entier montre les ruptures "
        "entre services, les attentes et les doublons.",
        "when": "Après l'immersion, pour partager ce qu'on a compris, ou pour concevoir les outils du lab "
        "lui-même à partir de l'expérience de ceux qui l'utilisent.",
        "phase": "define",
        "duration": "half_day",
        "duration_detail": "Un atelier de 3 heures, plus une demi-journée de mise en forme.",
        "group": (4, 12),
        "difficulty": "easy",
        "materials": ["Une longue bande de papier", "Post-it de trois couleurs", "Les notes d'immersion"],
        "steps": [
            ("Choisir une personne type", "Partez d'une personne réelle rencontrée, pas d'une moyenne."),
            ("Lister les étapes", "Du déclenchement du besoin à la fin du service, dans l'ordre vécu."),
            (
                "Noter ce qui se passe",
                "Pour chaque étape : ce que fait la personne, ce qu'elle ressent, qui elle rencontre, quels outils.",
            ),
            ("Repérer les ruptures", "Marquez les moments de doute, d'attente ou d'abandon."),
            ("Choisir où agir", "Retenez deux ou trois moments à transformer en priorité."),
        ],
        "tips": ["Faites valider le parcours par des usagers et des agents."],
        "pitfalls": ["Dessiner le parcours prévu par la procédure, et non celui qui est vécu."],
        "legal": [legal.PERSONAL_DATA, legal.ACCESSIBILITY],
        "licence": "cc-by-sa-4.0",
        "author": REACTEUR_PUBLIC,
        "themes": [TOOLS, VISION],
        "tags": ["usagers", "parcours"],
        "related": [IMMERSION, USER_TESTING],
        "worksheets": [],
    },
    {
        "slug": LESSONS_LEARNED,
        "title": "Retour d'expérience et capitalisation",
        "summary": "À la fin d'un projet, réunir l'équipe et les partenaires pour tirer les enseignements, et "
        "les consigner dans un format réutilisable par d'autres labs.",
        "why": "Les labs avancent par essai-erreur : sans capitalisation, chaque équipe refait les mêmes "
        "erreurs, et les méthodes ne circulent pas d'un lab à l'autre.",
        "when": "À la fin de chaque projet, et à mi-parcours pour les projets longs.",
        "phase": "evaluate",
        "duration": "hours",
        "duration_detail": "Une séance de 2 heures, plus 2 heures de rédaction.",
        "group": (3, 10),
        "difficulty": "easy",
        "materials": ["La frise du projet", "Post-it", "Le modèle de fiche méthode du portail"],
        "steps": [
            ("Retracer le projet", "Construisez ensemble la frise des étapes et des décisions."),
            ("Ce qui a marché, ce qui a raté", "Chacun écrit, puis on regroupe sans chercher de coupable."),
            ("Tirer les enseignements", "Formulez trois à cinq leçons applicables à d'autres projets."),
            ("Rédiger", "Publiez une fiche projet et, si une méthode a été inventée, une fiche méthode."),
        ],
        "tips": ["Invitez un membre d'un autre lab : il pose les questions que l'équipe ne se pose plus."],
        "pitfalls": ["Attendre des mois : les souvenirs et les équipes se dispersent."],
        "legal": [legal.OPEN_LICENCE, legal.PERSONAL_DATA],
        "licence": "cc-by-sa-4.0",
        "author": PACA,
        "themes": [TOOLS, VISION],
        "tags": ["capitalisation", "évaluation"],
        "related": [INDICATORS, WATCH],
        "worksheets": [],
    },
]


def method_specs():
    specs = []
    for method in METHODS:
        group_min, group_max = method["group"]
        fields = {
            "title": method["title"],
            "summary": method["summary"],
            "why_use": p(method["why"]),
            "when_use": p(method["when"]),
            "phase": method["phase"],
            "duration": method["duration"],
            "duration_detail": method["duration_detail"].rstrip("."),
            "group_size_min": group_min,
            "group_size_max": group_max,
            "difficulty": method["difficulty"],
            "materials": "\n".join(method["materials"]),
            "steps": [{"type": "step", "value": {"title": title, "text": p(text)}} for title, text in method["steps"]],
            "tips": ul(*method["tips"]),
            "pitfalls": ul(*method["pitfalls"]),
            "legal_points": p(*method["legal"]),
            "licence": method["licence"],
            "author_lab": Ref(method["author"]),
        }
        children = {
            "worksheets": [{"document": DocRef(title)} for title in method["worksheets"]],
            "related_method_links": [{"related_method": Ref(slug)} for slug in method["related"]],
        }
        specs.append(
            PageSpec(
                MethodPage, method["slug"], "methodes", fields, children, themes=method["themes"], tags=method["tags"]
            )
        )
    return specs
