"""Slugs of the demo's labs and methods, shared by the data modules that link to them."""

# Labs
PAYS_DE_LA_LOIRE = "pays-de-la-loire"
PACA = "provence-alpes-cote-d-azur"
FUTURS_PUBLICS = "futurs-publics"
PARIS = "ville-de-paris"
LA_27E_REGION = "la-27e-region"
REACTEUR_PUBLIC = "reacteur-public"

# Methods
IMMERSION = "immersion"
USER_TESTING = "test-utilisateur"
PROTOTYPING = "prototypage-rapide"
CREATIVE_MEETING = "animation-creative-de-reunion"
BREAKFAST = "petit-dejeuner-de-l-innovation"
WATCH = "veille-numerique-partagee"
MAPPING = "cartographie-collaborative-des-acteurs"
RESIDENCY = "residence"
AMBASSADORS = "reseau-d-ambassadeurs"
POSTIT_TO_PROJECT = "du-post-it-au-projet"
INDICATORS = "indicateurs-de-succes"
JOURNEY = "parcours-usager"
LESSONS_LEARNED = "retour-d-experience"
