import logging
import random
import time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.text import slugify

from home.bulk import without_save_signals
from home.models import HomePage, Theme
from labs.models import LabIndexPage, LabPage, ProjectPage
from methods.models import Duration, MethodIndexPage, MethodPage, Phase
from search import corpus


def sentence(rng, words=12):
    parts = [rng.choice(corpus.VERBS).capitalize()]
    while len(parts) < words:
        parts.append(rng.choice(corpus.NOUNS))
        if rng.random() < 0.4:
            parts.append(rng.choice(corpus.ADJECTIVES))
        if rng.random() < 0.3:
            parts.append(rng.choice(corpus.CONNECTORS))
    return " ".join(parts) + "."


def paragraph(rng, sentences=4):
    return " ".join(sentence(rng, rng.randint(8, 18)) for _ in range(sentences))


def title(rng):
    return f"{rng.choice(corpus.NOUNS).capitalize()} {rng.choice(corpus.ADJECTIVES)} {rng.choice(corpus.NOUNS)}"


class Command(BaseCommand):
    help = "Generate a synthetic French corpus of labs, projects and methods (for the search benchmark)."

    def add_arguments(self, parser):
        parser.add_argument("--methods", type=int, default=10_000)
        parser.add_argument("--projects", type=int, default=None, help="default: methods / 5")
        parser.add_argument("--labs", type=int, default=100)
        parser.add_argument("--seed", type=int, default=6)

    def handle(self, *args, methods, projects, labs, seed, **options):
        rng = random.Random(seed)
        projects = methods // 5 if projects is None else projects
        started = time.perf_counter()
        logging.getLogger("wagtail").setLevel(logging.WARNING)  # not one line per page
        # Pages are indexed afterwards by update_index (timed by bench_search), not one by one.
        with without_save_signals(), transaction.atomic():
            self.generate(rng, methods, projects, labs)
        self.stdout.write(f"Generated in {time.perf_counter() - started:.1f} s.")

    def generate(self, rng, n_methods, n_projects, n_labs):
        home = HomePage.objects.first()
        themes = [Theme.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0] for name in corpus.THEMES]
        lab_index = LabIndexPage.objects.first() or home.add_child(instance=LabIndexPage(title="Labs", slug="labs"))
        method_index = MethodIndexPage.objects.first() or home.add_child(
            instance=MethodIndexPage(title="Méthodes", slug="methodes")
        )
        lab_pages = []
        for n in range(n_labs):
            city = rng.choice(corpus.CITIES)
            lab = lab_index.add_child(
                instance=LabPage(
                    title=f"Lab {city} {n}",
                    slug=f"lab-{n}",
                    summary=paragraph(rng, 1),
                    host_organisation=f"Ville de {city}",
                    organisation_kind="city",
                    city=city,
                )
            )
            lab_pages.append(lab)
        self.stdout.write(f"{n_labs} labs")
        for n in range(n_projects):
            rng.choice(lab_pages).add_child(
                instance=ProjectPage(
                    title=title(rng), slug=f"projet-{n}", summary=paragraph(rng, 2), themes=rng.sample(themes, 2)
                )
            )
            if (n + 1) % 1000 == 0:
                self.stdout.write(f"{n + 1}/{n_projects} projects")
        phases, durations = Phase.values, Duration.values
        for n in range(n_methods):
            method_index.add_child(
                instance=MethodPage(
                    title=title(rng),
                    slug=f"methode-{n}",
                    summary=paragraph(rng, 1),
                    why_use=f"<p>{paragraph(rng, 3)}</p>",
                    when_use=f"<p>{paragraph(rng, 2)}</p>",
                    tips=f"<p>{paragraph(rng, 2)}</p>",
                    phase=rng.choice(phases),
                    duration=rng.choice(durations),
                    author_lab=rng.choice(lab_pages),
                    # Parental many-to-many: given to the constructor, saved with the page.
                    themes=rng.sample(themes, rng.randint(1, 3)),
                )
            )
            if (n + 1) % 1000 == 0:
                self.stdout.write(f"{n + 1}/{n_methods} methods")
