"""Small PDF worksheets with real, extractable text (fpdf2, core Helvetica font, Latin-1 text)."""

import datetime

from fpdf import FPDF

# Characters outside Latin-1 that French typography uses, and their plain equivalents for the core fonts.
LATIN1_EQUIVALENTS = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "œ": "oe", "Œ": "OE", "•": "-"}
)
# A fixed date keeps the generated files identical from one run to the next.
CREATION_DATE = datetime.datetime(2015, 4, 13, tzinfo=datetime.UTC)


def latin1(text):
    """The text with typographic characters the core fonts lack replaced by plain ones."""
    return text.translate(LATIN1_EQUIVALENTS)


def worksheet_pdf(title, subtitle, sections, footer):
    """A one- or two-page worksheet: a title, a subtitle, then (heading, lines) sections; returns bytes."""
    pdf = FPDF(format="A4")
    pdf.set_creation_date(CREATION_DATE)
    pdf.set_title(latin1(title))
    pdf.set_author("Entrelabs")
    pdf.set_lang("fr")
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()
    pdf.set_font("helvetica", style="B", size=18)
    pdf.multi_cell(0, 9, latin1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", style="I", size=11)
    pdf.multi_cell(0, 6, latin1(subtitle), new_x="LMARGIN", new_y="NEXT")
    for heading, lines in sections:
        pdf.ln(4)
        pdf.set_font("helvetica", style="B", size=13)
        pdf.multi_cell(0, 7, latin1(heading), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("helvetica", size=11)
        for line in lines:
            pdf.multi_cell(0, 6, latin1(line), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
    pdf.ln(6)
    pdf.set_font("helvetica", style="I", size=9)
    pdf.multi_cell(0, 5, latin1(footer), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
