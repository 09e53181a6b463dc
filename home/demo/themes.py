"""The six themes discussed at the first Entrelabs session, the network's first controlled vocabulary."""

POSITIONING = "positionnement"
TEAMS = "equipes-et-carrieres"
SCALING = "pratique-generalisee"
TOOLS = "outils-du-lab"
REALPOLITIK = "realpolitik"
VISION = "vision"

THEMES = [
    {
        "slug": POSITIONING,
        "name": "Positionnement du lab",
        "description": "Quelles activités pour le lab, quelle place dans l'organigramme et dans la fabrique "
        "des politiques publiques, comment garder sa liberté d'initiative.",
    },
    {
        "slug": TEAMS,
        "name": "Équipes et trajectoires professionnelles",
        "description": "Reconnaître les designers, sociologues et agents qui font vivre les labs, les former "
        "et leur ouvrir des perspectives de carrière.",
    },
    {
        "slug": SCALING,
        "name": "Du club d'initiés à la pratique généralisée",
        "description": "Diffuser les pratiques du lab au-delà des convaincus : réseaux d'ambassadeurs, "
        "sensibilisation, autonomie des agents.",
    },
    {
        "slug": TOOLS,
        "name": "Les outils du lab",
        "description": "Concevoir les outils du lab comme un service : protocoles, capitalisation, "
        "documentation des méthodes, parcours de ceux qui travaillent avec lui.",
    },
    {
        "slug": REALPOLITIK,
        "name": "Innovation publique et realpolitik",
        "description": "Durer malgré les réorganisations et les échéances électorales : écosystème local, "
        "alliances internes, gouvernance et financement.",
    },
    {
        "slug": VISION,
        "name": "Vision du lab",
        "description": "Dire ce que le lab apporte, comment il évalue ses résultats et vers quoi il évolue.",
    },
]
