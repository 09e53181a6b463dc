"""The demo's PDF documents: each method's printable card, the forms of documents.yaml, the manifesto."""

import html
import re

from .pdf import worksheet_pdf


def method_sheet_title(method_title):
    return f"Fiche pratique : {method_title}"


def text_of(rich_text):
    """Plain text of a rich text fragment: tags removed, entities decoded, one paragraph per line."""
    text = re.sub(r"</(p|li)>", "\n", rich_text)
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()


def method_sheet(method, footer):
    """A printable summary of a method card (methods.yaml, legal points as text): summary, practical
    details, steps, legal points."""
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
        ("Étapes", [f"{n}. {step['title']} : {step['text']}" for n, step in enumerate(method["steps"], start=1)]),
        ("Astuces", [f"- {tip}" for tip in method["tips"]]),
        ("Pièges à éviter", [f"- {pitfall}" for pitfall in method["pitfalls"]]),
        ("Points de vigilance juridiques", [text_of(point) for point in method["legal"]]),
    ]
    return worksheet_pdf(method_sheet_title(method["title"]), "Fiche méthode à imprimer", sections, footer)


def worksheet(document, footer):
    """A form of documents.yaml: its title, subtitle and (heading, lines) sections."""
    sections = [(section["heading"], section["lines"]) for section in document["sections"]]
    return worksheet_pdf(document["title"], document["subtitle"], sections, footer)


def manifesto_pdf(manifesto):
    """The manifesto's draft as a PDF: its introduction, then each commitment of the outline."""
    introduction = []
    for block in manifesto["introduction"]:
        paragraphs = block.get("paragraph", [])
        introduction += [paragraphs] if isinstance(paragraphs, str) else paragraphs
    sections = [("Présentation", introduction)] + [
        (f"{n}. {commitment['title']}", [commitment["text"]])
        for n, commitment in enumerate(manifesto["commitments"], start=1)
    ]
    return worksheet_pdf(manifesto["title"], manifesto["pdf"]["subtitle"], sections, manifesto["pdf"]["footer"])
