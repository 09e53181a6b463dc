"""Test data: one factory per page type, built on wagtail-factories."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from home.models import StandardPage, Theme
from labs.models import (
    LabIndexPage,
    LabPage,
    LabTeamMember,
    ManifestoIndexPage,
    ManifestoPage,
    ManifestoSignatory,
    ProjectIndicator,
    ProjectPage,
    SessionParticipant,
    SessionReportIndexPage,
    SessionReportPage,
)
from methods.models import (
    CurriculumIndexPage,
    CurriculumPage,
    HomePageFeaturedMethod,
    MethodIndexPage,
    MethodPage,
    MethodWorksheet,
    ProjectMethod,
    RelatedMethod,
)


def model_factory(model, base=DjangoModelFactory, **declarations):
    """``ModelFactory`` for ``model``: a factory whose fields take these values (factory_boy
    declarations); for a page, ``base`` is wagtail-factories' PageFactory (``page_factory``)."""
    meta = type("Meta", (), {"model": model})
    return type(base)(f"{model.__name__}Factory", (base,), {"Meta": meta, **declarations})


def page_factory(model, **declarations):
    return model_factory(model, base=wagtail_factories.PageFactory, **declarations)


def numbered(text):
    """A factory field: ``text`` with the factory's next number in its ``{}``."""
    return factory.Sequence(text.format)


def index_page_factory(model, title, slug):
    """A section's index page, shown in the menus."""
    return page_factory(model, title=title, slug=slug, show_in_menus=True)


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = numbered("Thème {}")
    slug = numbered("theme-{}")
    description = "Un thème de travail du réseau."


StandardPageFactory = page_factory(StandardPage, title=numbered("Page {}"), summary="Une page de présentation.")

LabIndexPageFactory = index_page_factory(LabIndexPage, "Les labs", "labs")

LabPageFactory = page_factory(
    LabPage,
    title=numbered("Lab {}"),
    summary="Un laboratoire d'innovation publique.",
    host_organisation="Région Pays de la Loire",
    organisation_kind="region",
    region="pdl",
    city="Nantes",
)

LabTeamMemberFactory = model_factory(
    LabTeamMember,
    lab=factory.SubFactory(LabPageFactory),
    name=numbered("Membre {}"),
    role="Designer de services",
)

ProjectPageFactory = page_factory(
    ProjectPage,
    title=numbered("Projet {}"),
    summary="Un projet du lab.",
    status="ongoing",
    start_date=datetime.date(2015, 1, 1),
)

ProjectIndicatorFactory = model_factory(
    ProjectIndicator,
    project=factory.SubFactory(ProjectPageFactory),
    label="Bénéficiaires",
    baseline=100,
    target=120,
    unit="personnes",
)

MethodIndexPageFactory = index_page_factory(MethodIndexPage, "Méthodes", "methodes")

MethodPageFactory = page_factory(
    MethodPage,
    title=numbered("Méthode {}"),
    summary="Une méthode réutilisable.",
    phase="discover",
    duration="half_day",
    group_size_min=4,
    group_size_max=12,
    materials="Post-it\nFeutres",
)

ProjectMethodFactory = model_factory(
    ProjectMethod,
    project=factory.SubFactory(ProjectPageFactory),
    method=factory.SubFactory(MethodPageFactory),
)

MethodWorksheetFactory = model_factory(
    MethodWorksheet,
    page=factory.SubFactory(MethodPageFactory),
    document=factory.SubFactory(wagtail_factories.DocumentFactory),
)

CurriculumIndexPageFactory = index_page_factory(CurriculumIndexPage, "Formations", "formations")

CurriculumPageFactory = page_factory(
    CurriculumPage,
    title=numbered("Parcours {}"),
    summary="Un parcours de formation.",
    audience="Agents des collectivités",
)

ManifestoIndexPageFactory = index_page_factory(ManifestoIndexPage, "Manifestes", "manifestes")

ManifestoPageFactory = page_factory(
    ManifestoPage,
    title=numbered("Manifeste {}"),
    summary="Un manifeste du réseau.",
    published_on=datetime.date(2015, 6, 1),
    version="1.0",
    body=wagtail_factories.StreamFieldFactory({"paragraph": wagtail_factories.CharBlockFactory}),
)

ManifestoSignatoryFactory = model_factory(
    ManifestoSignatory,
    manifesto=factory.SubFactory(ManifestoPageFactory),
    lab=factory.SubFactory(LabPageFactory),
    signed_on=datetime.date(2015, 6, 1),
)

SessionReportIndexPageFactory = index_page_factory(SessionReportIndexPage, "Comptes rendus", "comptes-rendus")

SessionReportPageFactory = page_factory(
    SessionReportPage,
    title=numbered("Entrelabs #{}"),
    number=factory.Sequence(lambda n: n + 1),
    date=datetime.date(2015, 4, 13),
    place="Paris",
    summary="Un atelier Entrelabs.",
)

SessionParticipantFactory = model_factory(
    SessionParticipant,
    report=factory.SubFactory(SessionReportPageFactory),
    name=numbered("Participant {}"),
    organisation="Région PACA",
)


# Factories of the public pages' tests ("pages" helper).

HomePageFeaturedMethodFactory = model_factory(HomePageFeaturedMethod, method=factory.SubFactory(MethodPageFactory))

RelatedMethodFactory = model_factory(
    RelatedMethod,
    page=factory.SubFactory(MethodPageFactory),
    related_method=factory.SubFactory(MethodPageFactory),
)


def roadmap_action(title, horizon="now", scope="lab", status="proposed", owner_labs=(), description=""):
    """One action of a session report's roadmap, as StreamField data."""
    return {
        "type": "action",
        "value": {
            "title": title,
            "description": description,
            "horizon": horizon,
            "scope": scope,
            "status": status,
            "owner_labs": [lab.pk for lab in owner_labs],
        },
    }


def discussed_theme(title, question, discussion="", directions=()):
    """One theme discussed at a session, as StreamField data."""
    return {
        "type": "theme",
        "value": {
            "title": title,
            "question": question,
            "discussion": discussion,
            "directions": [{"title": direction, "text": ""} for direction in directions],
        },
    }


def method_step(title, text):
    return {"type": "step", "value": {"title": title, "text": text}}


def curriculum_module(title, hours, objectives="<p>Objectifs</p>", methods=()):
    return {
        "type": "module",
        "value": {
            "title": title,
            "duration_hours": str(hours),
            "objectives": objectives,
            "methods": [method.pk for method in methods],
        },
    }


# The admin's "add a lab" form, filled in as an editor would (tests of the admin's page forms).
LAB_FORM_FIELDS = {
    "title": "La 27e Région",
    "slug": "la-27e-region",
    "summary": "Un laboratoire de transformation publique.",
    "host_organisation": "La 27e Région",
    "organisation_kind": "association",
    "region": "idf",
    "city": "Paris",
    "contact_email": "",
}
