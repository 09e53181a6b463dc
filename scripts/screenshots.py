"""Screenshots of every public page type at 1280 and 375 px, on the demo content served locally.

    make screenshots     # or: .venv/bin/python scripts/screenshots.py [--base-url http://127.0.0.1:8000]

Without --base-url: builds a throw-away SQLite database with the demo content, serves it with
Django's development server on 127.0.0.1, and drives Debian's Chromium with Playwright. Writes
test-artifacts/screenshots/<page>-<width>.png (the whole page), <page>-<width>-first-screen.png
(what shows before any scroll: 1280×800 and 375×812) and design-sheet.png (the mark, the colours
and the pictograms).
"""

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
OUTPUT = BASE_DIR / "test-artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
VIEWPORTS = {"1280": {"width": 1280, "height": 800}, "375": {"width": 375, "height": 812}}

# Page name and path; patterns instead of a path pick the first page of the sitemap the first of them matches.
PAGES = [
    ("home", "/", False),
    ("lab-index", "/labs/", False),
    ("lab", (r"^/labs/[^/]+/$",), False),
    ("project", (r"^/labs/[^/]+/[^/]+/$",), False),
    ("method-index", "/methodes/", False),
    ("method-index-filtered", "/methodes/?phase=discover", False),
    ("method", (r"^/methodes/immersion/$", r"^/methodes/[^/]+/$"), False),
    ("curriculum-index", "/formations/", False),
    ("curriculum", (r"^/formations/[^/]+/$",), False),
    ("manifesto-index", "/manifestes/", False),
    ("manifesto", (r"^/manifestes/[^/]+/$",), False),
    ("session-report-index", "/ateliers/", False),
    ("session-report", (r"^/ateliers/[^/]+/$",), False),
    ("standard-page", "/a-propos/", False),
    ("agenda", "/agenda/", False),
    ("event", (r"^/agenda/entrelabs-1/$", r"^/agenda/[^/]+/$"), False),
    ("news-index", "/actualites/", False),
    ("lab-news", "/actualites/lab/reacteur-public/", False),
    ("news", (r"^/labs/[^/]+/actualite-[^/]+/$",), False),
    ("map", "/carte/", False),
    ("map-filtered", "/carte/?region=52", False),
    ("roadmap", "/feuille-de-route/", False),
    ("propose-actor-form", "/proposer-un-acteur/", False),
    ("theme-list", "/themes/", False),
    ("theme", (r"^/themes/[^/]+/$",), False),
    ("search-results", "/recherche/?q=immersion", False),
    ("search-no-result", "/recherche/?q=zzyzx", False),
    ("propose-form", "/proposer-une-methode/", False),
    ("propose-form-errors", "/proposer-une-methode/", True),
    ("not-found", "/cette-page-n-existe-pas/", False),
]


PICTOGRAMS = {
    "Phases": ["discover", "define", "ideate", "prototype", "test", "deploy", "evaluate"],
    "Page types": ["labpage", "projectpage", "methodpage", "curriculumpage", "manifestopage", "sessionreportpage"],
    "Others": ["theme", "event", "news", "map", "roadmap", "document", "legal", "propose", "search"],
}
SWATCHES = [
    ("ink", "#1b1f24"),
    ("muted", "#4a5360"),
    ("primary", "#00606e"),
    ("primary-dark", "#004750"),
    ("primary-tint", "#e7f2f3"),
    ("accent", "#b2400b"),
    ("accent-tint", "#fdf1e8"),
    ("surface", "#f4f6f7"),
    ("focus", "#ffd84d"),
    ("success", "#1a6b3c"),
    ("warning", "#8a4b00"),
    ("danger", "#b3261e"),
]


def design_sheet():
    """An HTML page showing the mark, the colours and every pictogram, rendered from the templates."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    sys.path.insert(0, str(BASE_DIR))
    django.setup()
    from django.template.loader import render_to_string

    css = (BASE_DIR / "static" / "css" / "portal.css").read_text()
    logo = render_to_string("components/logo.html", {"size": 64})
    rows = []
    for group, names in PICTOGRAMS.items():
        pictograms = [(name, render_to_string("components/pictogram.html", {"name": name})) for name in names]
        cells = "".join(f"<figure>{svg}<figcaption>{name}</figcaption></figure>" for name, svg in pictograms)
        rows.append(f"<h2>{group}</h2><div class='sheet-row'>{cells}</div>")
    swatches = "".join(
        f"<figure><span style='background:{colour}'></span><figcaption>{name}<br>{colour}</figcaption></figure>"
        for name, colour in SWATCHES
    )
    return f"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Entrelabs</title>
<style>{css}
.sheet-row {{ display: flex; flex-wrap: wrap; gap: 1rem; }}
figure {{ margin: 0; width: 7.5rem; text-align: center; font-size: 0.8rem; }}
figure span {{ display: block; height: 3rem; border-radius: 6px; border: 1px solid #c5ccd3; }}
</style></head><body><main class="wrap">
<p class="brand" style="margin-top:1.5rem">{logo}<span class="brand__text">
<span class="brand__name" style="font-size:2.4rem">Entre<span class="brand__labs">labs</span></span></span></p>
<h2>Couleurs</h2><div class="sheet-row">{swatches}</div>{"".join(rows)}</main></body></html>"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer at {url}")


def site_paths(base_url):
    """The paths of the sitemap, and of the theme pages the theme list links to."""
    with urllib.request.urlopen(base_url + "/sitemap.xml", timeout=30) as response:
        sitemap = response.read().decode()
    with urllib.request.urlopen(base_url + "/themes/", timeout=30) as response:
        themes = response.read().decode()
    paths = [re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    return paths + re.findall(r'href="(/themes/[^"/]+/)"', themes)


def resolve(path, paths):
    if isinstance(path, str):
        return path
    for pattern in path:
        found = next((candidate for candidate in paths if re.match(pattern, candidate)), None)
        if found:
            return found
    raise SystemExit(f"no page matches {path}")


def take(base_url, only):
    from playwright.sync_api import sync_playwright

    OUTPUT.mkdir(parents=True, exist_ok=True)
    paths = site_paths(base_url)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        if not only or "design-sheet" in only:
            tab = browser.new_page(viewport=VIEWPORTS["1280"])
            tab.set_content(design_sheet())
            tab.screenshot(path=str(OUTPUT / "design-sheet.png"), full_page=True)
            tab.close()
        for width, viewport in VIEWPORTS.items():
            context = browser.new_context(viewport=viewport, locale="fr-FR")
            tab = context.new_page()
            for name, path, submit in PAGES:
                if only and name not in only:
                    continue
                tab.goto(base_url + resolve(path, paths))
                if submit:
                    tab.evaluate("() => document.querySelectorAll('main form').forEach((f) => f.noValidate = true)")
                    with tab.expect_navigation():
                        tab.locator("main form [type=submit]").first.click()
                tab.screenshot(path=str(OUTPUT / f"{name}-{width}-first-screen.png"))
                tab.screenshot(path=str(OUTPUT / f"{name}-{width}.png"), full_page=True)
                print(f"{name} at {width} px", flush=True)
            context.close()
        browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", help="a portal already serving the demo content")
    parser.add_argument("pages", nargs="*", help="only these page names")
    args = parser.parse_args()
    if args.base_url:
        take(args.base_url.rstrip("/"), args.pages)
        return
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="entrelabs-screenshots-") as workdir:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "DATABASE_URL": f"sqlite:///{workdir}/screenshots.sqlite3",
            "MEDIA_ROOT": f"{workdir}/media",
        }
        env.pop("REDIS_URL", None)
        for command in (["migrate", "--noinput"], ["load_demo_content"]):
            subprocess.run(
                [PYTHON, "manage.py", *command], cwd=BASE_DIR, env=env, check=True, stdout=subprocess.DEVNULL
            )
        server = subprocess.Popen(
            [PYTHON, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(f"http://127.0.0.1:{port}/healthz")
            take(f"http://127.0.0.1:{port}", args.pages)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"Screenshots: {OUTPUT}")


if __name__ == "__main__":
    main()
