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


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    description = "Un thème de travail du réseau."


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Page {n}")
    summary = "Une page de présentation."


class LabIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LabIndexPage

    title = "Les labs"
    slug = "labs"
    show_in_menus = True


class LabPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LabPage

    title = factory.Sequence(lambda n: f"Lab {n}")
    summary = "Un laboratoire d'innovation publique."
    host_organisation = "Région Pays de la Loire"
    organisation_kind = "region"
    region = "pdl"
    city = "Nantes"


class LabTeamMemberFactory(DjangoModelFactory):
    class Meta:
        model = LabTeamMember

    lab = factory.SubFactory(LabPageFactory)
    name = factory.Sequence(lambda n: f"Membre {n}")
    role = "Designer de services"


class ProjectPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProjectPage

    title = factory.Sequence(lambda n: f"Projet {n}")
    summary = "Un projet du lab."
    status = "ongoing"
    start_date = datetime.date(2015, 1, 1)


class ProjectIndicatorFactory(DjangoModelFactory):
    class Meta:
        model = ProjectIndicator

    project = factory.SubFactory(ProjectPageFactory)
    label = "Bénéficiaires"
    baseline = 100
    target = 120
    unit = "personnes"


class MethodIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MethodIndexPage

    title = "Méthodes"
    slug = "methodes"
    show_in_menus = True


class MethodPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MethodPage

    title = factory.Sequence(lambda n: f"Méthode {n}")
    summary = "Une méthode réutilisable."
    phase = "discover"
    duration = "half_day"
    group_size_min = 4
    group_size_max = 12
    materials = "Post-it\nFeutres"


class ProjectMethodFactory(DjangoModelFactory):
    class Meta:
        model = ProjectMethod

    project = factory.SubFactory(ProjectPageFactory)
    method = factory.SubFactory(MethodPageFactory)


class MethodWorksheetFactory(DjangoModelFactory):
    class Meta:
        model = MethodWorksheet

    page = factory.SubFactory(MethodPageFactory)
    document = factory.SubFactory(wagtail_factories.DocumentFactory)


class CurriculumIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CurriculumIndexPage

    title = "Formations"
    slug = "formations"
    show_in_menus = True


class CurriculumPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CurriculumPage

    title = factory.Sequence(lambda n: f"Parcours {n}")
    summary = "Un parcours de formation."
    audience = "Agents des collectivités"


class ManifestoIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ManifestoIndexPage

    title = "Manifestes"
    slug = "manifestes"
    show_in_menus = True


class ManifestoPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ManifestoPage

    title = factory.Sequence(lambda n: f"Manifeste {n}")
    summary = "Un manifeste du réseau."
    published_on = datetime.date(2015, 6, 1)
    version = "1.0"
    body = wagtail_factories.StreamFieldFactory({"paragraph": wagtail_factories.CharBlockFactory})


class ManifestoSignatoryFactory(DjangoModelFactory):
    class Meta:
        model = ManifestoSignatory

    manifesto = factory.SubFactory(ManifestoPageFactory)
    lab = factory.SubFactory(LabPageFactory)
    signed_on = datetime.date(2015, 6, 1)


class SessionReportIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SessionReportIndexPage

    title = "Comptes rendus"
    slug = "comptes-rendus"
    show_in_menus = True


class SessionReportPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SessionReportPage

    title = factory.Sequence(lambda n: f"Entrelabs #{n}")
    number = factory.Sequence(lambda n: n + 1)
    date = datetime.date(2015, 4, 13)
    place = "Paris"
    summary = "Un atelier Entrelabs."


class SessionParticipantFactory(DjangoModelFactory):
    class Meta:
        model = SessionParticipant

    report = factory.SubFactory(SessionReportPageFactory)
    name = factory.Sequence(lambda n: f"Participant {n}")
    organisation = "Région PACA"


# Factories of the public pages' tests ("pages" helper).


class HomePageFeaturedMethodFactory(DjangoModelFactory):
    class Meta:
        model = HomePageFeaturedMethod

    method = factory.SubFactory(MethodPageFactory)


class RelatedMethodFactory(DjangoModelFactory):
    class Meta:
        model = RelatedMethod

    page = factory.SubFactory(MethodPageFactory)
    related_method = factory.SubFactory(MethodPageFactory)


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
