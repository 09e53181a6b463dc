"""The kinds of actor the seed report names (communicators edit the list afterwards)."""

from django.db import migrations

KINDS = [
    ("ecole", "École (design, administration)"),
    ("association", "Association"),
    ("communaute-professionnelle", "Communauté professionnelle"),
    ("fab-lab", "Fab lab / makers"),
    ("collectivite", "Collectivité territoriale"),
    ("lab", "Lab d’innovation publique"),
    ("entreprise", "Entreprise"),
    ("recherche", "Centre de recherche"),
]


def create_kinds(apps, schema_editor):
    ActorKind = apps.get_model("ecosystem", "ActorKind")
    for slug, name in KINDS:
        ActorKind.objects.get_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("ecosystem", "0001_initial")]

    operations = [migrations.RunPython(create_kinds, migrations.RunPython.noop)]
