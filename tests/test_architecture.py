"""The apps form layers that import one way (README, Architecture). The layers are declared once,
in pyproject.toml's import-linter contract; these tests hold the code and the migrations to it."""

import subprocess
import sys
import tomllib
from pathlib import Path

from django.db.migrations.loader import MigrationLoader

ROOT = Path(__file__).resolve().parent.parent


def layers():
    """The contract's layers, top first, each a set of app names."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    (contract,) = [c for c in config["contracts"] if c["type"] == "layers"]
    return [{name.strip().strip("()") for name in layer.split("|")} for layer in contract["layers"]]


def test_apps_import_one_way():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([lint_imports, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_every_app_of_the_project_is_in_a_layer():
    apps_with_models = {path.parent.name for path in ROOT.glob("*/apps.py")}
    in_layers = set().union(*layers())
    assert apps_with_models <= in_layers, f"apps in no layer: {sorted(apps_with_models - in_layers)}"


def test_migrations_depend_in_the_same_direction():
    rank = {app: position for position, layer in enumerate(layers()) for app in layer}
    wrong = []
    for (app, name), migration in MigrationLoader(None, ignore_no_migrations=True).disk_migrations.items():
        if app not in rank:
            continue
        for dependency_app, dependency_name in migration.dependencies:
            if dependency_app in rank and dependency_app != app and rank[dependency_app] <= rank[app]:
                wrong.append(f"{app}.{name} -> {dependency_app}.{dependency_name}")
    assert wrong == []
