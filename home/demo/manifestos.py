"""The manifesto of ingenious local authorities, a roadmap action of Entrelabs #1."""

from labs.models import ManifestoPage

from .keys import FUTURS_PUBLICS, LA_27E_REGION, PACA, PARIS, PAYS_DE_LA_LOIRE, REACTEUR_PUBLIC
from .loader import DocRef, PageSpec, Ref
from .pdf import worksheet_pdf
from .text import heading, p, paragraph
from .themes import REALPOLITIK, VISION

SLUG = "manifeste-des-collectivites-ingenieuses"
TITLE = "Manifeste des collectivités ingénieuses"
PDF_TITLE = "Manifeste des collectivités ingénieuses (PDF)"

PREAMBLE = (
    "Des régions, des villes et des administrations de l'État se sont dotées de labs : de petites équipes "
    "qui conçoivent l'action publique avec ceux qui la vivent. Dans le prolongement du manifeste des "
    "régions ingénieuses, les labs réunis à Entrelabs #1 proposent ces engagements à toutes les "
    "collectivités qui veulent les partager."
)

COMMITMENTS = [
    (
        "Partir de l'expérience des personnes",
        "Nous regardons un service depuis ceux qui l'utilisent et ceux "
        "qui le rendent, sur le terrain, avant de décider de ce qu'il faut changer. L'approche usager vaut à "
        "tous les étages de l'administration.",
    ),
    (
        "Essayer avant de généraliser",
        "Nous prototypons et testons nos idées à petite échelle, nous acceptons "
        "l'erreur comme une étape, et nous ne généralisons que ce qui a fait ses preuves.",
    ),
    (
        "Dire ce que nous produisons",
        "Nous fixons nos indicateurs de succès au départ : meilleure "
        "expérience pour les usagers et les agents, impact des politiques publiques, dépense plus utile, "
        "transparence. Et nous racontons aussi ce que la démarche a changé.",
    ),
    (
        "Coopérer plutôt que concourir",
        "Nous partageons nos méthodes sous licence libre, mutualisons nos "
        "outils et menons ensemble les projets qui dépassent les frontières de nos collectivités.",
    ),
    (
        "Reconnaître ceux qui font",
        "Nous donnons du temps, de la formation et des perspectives aux agents, "
        "designers et sociologues qui portent ces pratiques.",
    ),
    (
        "Parler simplement",
        "Nous évitons les mots-valises, nous nommons ce que nous faisons : concevoir avec "
        "les usagers, tester, apprendre.",
    ),
    (
        "Ouvrir le lab au territoire",
        "À terme, le lab devient un lieu ouvert aux habitants, aux associations, "
        "aux écoles et aux entreprises de son territoire.",
    ),
]


def manifesto_pdf():
    sections = [("Préambule", [PREAMBLE])] + [
        (f"{n}. {title}", [text]) for n, (title, text) in enumerate(COMMITMENTS, start=1)
    ]
    return worksheet_pdf(
        TITLE,
        "Projet issu de la session Entrelabs #1 (13 avril 2015)",
        sections,
        "Entrelabs. Texte sous licence CC BY-SA 4.0.",
    )


def manifesto_spec():
    body = [paragraph(p(PREAMBLE))]
    for n, (title, text) in enumerate(COMMITMENTS, start=1):
        body += [heading(f"{n}. {title}"), paragraph(p(text))]
    fields = {
        "title": TITLE,
        "summary": "Sept engagements pour des collectivités qui conçoivent l'action publique avec ceux qui la "
        "vivent, proposés par les labs réunis à la première session Entrelabs.",
        "version": "0.1 (projet)",
        "body": body,
        "pdf": DocRef(PDF_TITLE),
    }
    labs = [PAYS_DE_LA_LOIRE, PACA, FUTURS_PUBLICS, PARIS, LA_27E_REGION, REACTEUR_PUBLIC]
    return PageSpec(
        ManifestoPage,
        SLUG,
        "manifestes",
        fields,
        {"signatories": [{"lab": Ref(slug)} for slug in labs]},
        themes=[VISION, REALPOLITIK],
        tags=["manifeste", "collectivités"],
    )
