"""The demo content: the first Entrelabs session, its labs, methods and curricula (see `load_demo`)."""

from .loader import DemoLoader, DocumentSpec


def document_specs():
    """The PDF worksheets (one per method that lists it) and the manifesto's PDF, with their collections."""
    from . import manifestos, worksheets
    from .labs import LAB_TITLES
    from .methods import METHODS

    specs = {}
    for method in METHODS:
        collection = LAB_TITLES[method["author"]]
        for title in method["worksheets"]:
            if title == worksheets.method_sheet_title(method["title"]):
                build = (lambda m: lambda: worksheets.method_sheet(m))(method)
                specs[title] = DocumentSpec(title, worksheets.method_sheet_filename(method["slug"]), build, collection)
    specs[worksheets.OBSERVATION_GRID] = DocumentSpec(
        worksheets.OBSERVATION_GRID,
        "grille-d-observation.pdf",
        worksheets.observation_grid,
        LAB_TITLES["la-27e-region"],
    )
    specs[worksheets.CONSENT_FORM] = DocumentSpec(
        worksheets.CONSENT_FORM, "formulaire-information-consentement.pdf", worksheets.consent_form
    )
    specs[manifestos.PDF_TITLE] = DocumentSpec(
        manifestos.PDF_TITLE, "manifeste-des-collectivites-ingenieuses.pdf", manifestos.manifesto_pdf
    )
    return list(specs.values())


def page_specs():
    """Every page below the home page, parents before children."""
    from . import curricula, labs, manifestos, methods, pages, report

    return [
        *pages.index_specs(),
        *labs.lab_specs(),
        *methods.method_specs(),
        *labs.project_specs(),
        *curricula.curriculum_specs(),
        manifestos.manifesto_spec(),
        report.report_spec(),
        pages.about_spec(),
        pages.accessibility_spec(),
        pages.legal_notice_spec(),
    ]


def load_demo():
    """Create what is missing of the demo content; return the loader with its counts."""
    from . import pages
    from .themes import THEMES

    loader = DemoLoader()
    loader.load(THEMES, document_specs(), pages.home_spec(), page_specs(), pages.CONTACT_EMAIL)
    return loader
