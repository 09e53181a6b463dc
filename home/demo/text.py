"""Helpers to write rich text and StreamField data in the demo modules."""

from django.utils.html import escape


def p(*paragraphs):
    """Paragraphs of rich text (the text may hold inline HTML, e.g. page links)."""
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def ul(*items):
    """A bulleted list of rich text."""
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(*html):
    return {"type": "paragraph", "value": "".join(html)}


def plain(text):
    """Escape a plain string for use inside rich text."""
    return escape(text)
