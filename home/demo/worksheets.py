"""The demo worksheets: PDF files generated from the method cards, plus two standalone forms."""

import html
import re

from .pdf import worksheet_pdf

OBSERVATION_GRID = "Grille d'observation pour une immersion"
CONSENT_FORM = "Formulaire d'information et de consentement des participants"
FOOTER = "Entrelabs, le réseau des labs d'innovation publique. Licence CC BY-SA 4.0 : réutilisez et adaptez."


def method_sheet_title(method_title):
    return f"Fiche pratique : {method_title}"


def method_sheet_filename(slug):
    return f"fiche-{slug}.pdf"


def text_of(rich_text):
    """Plain text of a rich text fragment: tags removed, entities decoded, one paragraph per line."""
    text = re.sub(r"</(p|li)>", "\n", rich_text)
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()


def method_sheet(method):
    """A printable summary of a method card: summary, practical details, steps, legal points."""
    group_min, group_max = method["group"]
    sections = [
        ("En bref", [method["summary"]]),
        ("Pourquoi", [method["why"]]),
        ("Quand", [method["when"]]),
        (
            "En pratique",
            [f"Durée : {method['duration_detail']}", f"Groupe : de {group_min} à {group_max} personnes"]
            + [f"Matériel : {item}" for item in method["materials"]],
        ),
        ("Étapes", [f"{n}. {title} : {text}" for n, (title, text) in enumerate(method["steps"], start=1)]),
        ("Astuces", [f"- {tip}" for tip in method["tips"]]),
        ("Pièges à éviter", [f"- {pitfall}" for pitfall in method["pitfalls"]]),
        ("Points de vigilance juridiques", [text_of(point) for point in method["legal"]]),
    ]
    return worksheet_pdf(method_sheet_title(method["title"]), "Fiche méthode à imprimer", sections, FOOTER)


def observation_grid():
    sections = [
        (
            "Avant de commencer",
            [
                "Lieu, date, heure d'arrivée et de départ, nom des observateurs.",
                "Question du projet à laquelle l'observation doit répondre.",
                "Personnes informées de la démarche (responsable du lieu, agents présents).",
            ],
        ),
        (
            "À observer",
            [
                "Arrivée : comment les usagers trouvent-ils le lieu, l'entrée, le bon guichet ?",
                "Attente : durée, confort, informations affichées, ce que font les personnes.",
                "Échanges : questions posées, mots employés, documents demandés, incompréhensions.",
                "Outils des agents : logiciels, formulaires, contournements, pannes.",
                "Sortie : la personne repart-elle avec une réponse ? Doit-elle revenir ?",
            ],
        ),
        (
            "Notes",
            [
                "Faits observés (ce que j'ai vu et entendu, mots exacts entre guillemets) :",
                "Interprétations (ce que j'en pense, à vérifier) :",
                "Surprises et questions à creuser :",
            ],
        ),
        (
            "Rappel",
            [
                "Pas de nom, pas de numéro de dossier, pas de photo d'une personne reconnaissable sans son "
                "accord écrit. Les notes sont anonymisées avant d'être partagées."
            ],
        ),
    ]
    return worksheet_pdf(OBSERVATION_GRID, "À imprimer, une grille par demi-journée", sections, FOOTER)


def consent_form():
    sections = [
        (
            "Pourquoi nous vous sollicitons",
            [
                "L'équipe du lab mène un projet pour améliorer un service public. Nous aimerions recueillir "
                "votre expérience au cours d'un entretien, d'une observation ou d'un test.",
                "Votre participation est volontaire. Vous pouvez refuser, vous arrêter à tout moment ou "
                "refuser une question, sans aucune conséquence sur vos droits ou vos démarches.",
            ],
        ),
        (
            "Ce que nous faisons de vos réponses",
            [
                "Finalité : concevoir et évaluer le service étudié. Base légale : mission d'intérêt public "
                "de l'administration (RGPD, article 6).",
                "Seule l'équipe du projet a accès aux notes. Les citations publiées sont anonymes.",
                "Durée de conservation : les notes sont détruites à la fin du projet, au plus tard un an "
                "après l'entretien.",
                "Vos droits : accès, rectification, effacement, opposition, en écrivant au délégué à la "
                "protection des données de l'administration ; réclamation possible auprès de la CNIL.",
            ],
        ),
        (
            "Votre accord (cochez)",
            [
                "[ ] J'ai lu ces informations et j'accepte de participer.",
                "[ ] J'accepte que ma voix soit enregistrée (facultatif).",
                "[ ] J'accepte d'être photographié(e) et que la photo soit publiée sur les supports du "
                "projet (facultatif).",
                "Nom, date et signature :",
            ],
        ),
    ]
    return worksheet_pdf(CONSENT_FORM, "Un exemplaire pour le participant, un pour l'équipe", sections, FOOTER)
