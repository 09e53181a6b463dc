"""Demo synonyms (marked ``is_demo``): examples communicators edit or delete in Snippets › Synonyms."""

from django.db import migrations

DEMO_SYNONYMS = [
    "brainstorming, idéation, remue-méninges",
    "co-design, co-conception, conception participative",
    "UX, expérience usager, expérience utilisateur",
    "user testing, test utilisateur, test usager",
    "workshop, atelier",
    "design thinking, pensée design",
    "RGPD, données personnelles",
    "persona, profil usager",
]


def create(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")  # noqa: N806
    for terms in DEMO_SYNONYMS:
        Synonym.objects.get_or_create(terms=terms, defaults={"is_demo": True})


def remove(apps, schema_editor):
    apps.get_model("search", "Synonym").objects.filter(terms__in=DEMO_SYNONYMS, is_demo=True).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0004_trigram_index")]

    operations = [migrations.RunPython(create, remove)]
