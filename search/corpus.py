"""Word lists for a synthetic, realistic French corpus (benchmark only)."""


def words(text):
    return tuple(text.split())


NOUNS = words(
    "atelier prototypage maquette parcours usager service public collectivité agent démarche entretien "
    "observation immersion cartographie persona scénario enquête questionnaire restitution synthèse "
    "co-conception design fiction hackathon médiation concertation participation citoyen habitant élu "
    "décrochage scolaire cantine mobilité logement santé accueil guichet formulaire numérique inclusion "
    "solidarité insertion emploi jeunesse école collège lycée bibliothèque transition écologie énergie "
    "déchets alimentation territoire quartier village mairie département région préfecture archive "
    "budget évaluation indicateur expérimentation feuille route gouvernance réseau communauté formation "
    "tutorat mentorat apprentissage compétence posture animation facilitation outil carte grille fiche"
)
ADJECTIVES = words(
    "rapide collaboratif participatif numérique inclusif frugal agile ouvert partagé local régional "
    "national expérimental sensible créatif concret visuel simple durable solidaire scolaire citoyen "
    "territorial public innovant itératif pragmatique"
)
VERBS = words(
    "prototyper tester observer interroger imaginer concevoir animer accompagner restituer mesurer "
    "évaluer cartographier explorer comprendre partager documenter former mobiliser impliquer simplifier "
    "améliorer réinventer expérimenter co-construire déployer"
)
CONNECTORS = words("avec pour dans auprès de sans grâce à autour de")
THEMES = [
    "Inclusion numérique",
    "Éducation",
    "Santé",
    "Transition écologique",
    "Mobilité",
    "Participation citoyenne",
    "Accueil des usagers",
    "Emploi et insertion",
    "Alimentation",
    "Logement",
]
CITIES = words("Nantes Marseille Lyon Lille Rennes Bordeaux Toulouse Strasbourg Dijon Rouen Brest Grenoble Metz")
