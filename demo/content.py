"""Read the demo's data files (demo/data/*.yaml, one per kind) into page and document specs for the loader.

The files hold plain values: text is French, a paragraph is a string, a bulleted list is `{list: [...]}`,
a link to a demo page is written `[text](page:slug)`, and `$contact_email` / `$today` are filled in here.
Every item says where it comes from: `provenance: seed` with the `source` it is taken from in the seed
report, or `provenance: illustrative`; `illustrative: {field: note}` names the fields of a seed item that
the report does not give. A file's `defaults` apply to each of its items.
"""

import datetime
import re
from decimal import Decimal
from functools import cache, partial
from pathlib import Path
from string import Template
from zoneinfo import ZoneInfo

import yaml
from django.apps import apps

from .loader import DemoLoader, DocRef, DocumentSpec, FollowUpSpec, PageSpec, Ref, SlugRef, SnippetSpec, page_link
from .worksheets import manifesto_pdf, method_sheet, method_sheet_title, worksheet

DATA_DIR = Path(__file__).resolve().parent / "data"
FRENCH_MONTHS = [
    *("janvier", "février", "mars", "avril", "mai", "juin"),
    *("juillet", "août", "septembre", "octobre", "novembre", "décembre"),
]
SEED, ILLUSTRATIVE = "seed", "illustrative"
# Data keys that fill a page's relation under another name (absent keys count as filled).
DATA_KEYS = {"method_links": "methods"}
PAGE_LINK = re.compile(r"\[([^\]]+)\]\(page:([a-z0-9-]+)\)")


@cache
def read(kind):
    """The parsed data file of a kind (labs, projects, methods...), its defaults merged into each item."""
    data = yaml.safe_load((DATA_DIR / f"{kind}.yaml").read_text(encoding="utf-8"))
    defaults = data.pop("defaults", {})
    for items in data.values():
        if isinstance(items, list):
            for item in items:
                for key, value in defaults.items():
                    item.setdefault(key, value)
    return data


def french_date(day):
    return f"{day.day} {FRENCH_MONTHS[day.month - 1]} {day.year}"


def inline(text):
    """Rich text of one line: `[text](page:slug)` links resolved, placeholders filled."""
    text = Template(text).safe_substitute(contact_email=read("pages")["contact_email"], today=french_date(today()))
    return PAGE_LINK.sub(lambda m: page_link(m.group(2), m.group(1)), text)


def today():
    return datetime.date.today()


def rich(value):
    """A string, or a list of strings (paragraphs) and `{list: [...]}` (bulleted lists), as rich text HTML."""
    items = [value] if isinstance(value, str) else value
    html = []
    for item in items:
        if isinstance(item, dict):
            html.append("<ul>" + "".join(f"<li>{inline(entry)}</li>" for entry in item["list"]) + "</ul>")
        else:
            html.append(f"<p>{inline(item)}</p>")
    return "".join(html)


def bullets(items):
    return rich([{"list": items}])


def stream(blocks):
    """A body of `{heading: text, level: h2 (default) or h3}` and `{paragraph: rich text}` items as StreamField data."""
    data = []
    for block in blocks:
        if "heading" in block:
            data.append({"type": "heading", "value": {"text": block["heading"], "level": block.get("level", "h2")}})
        else:
            data.append({"type": "paragraph", "value": rich(block["paragraph"])})
    return data


def checked_provenance(item):
    source = item["provenance"]
    if source not in (SEED, ILLUSTRATIVE):
        raise ValueError(
            f"{item.get('slug', item.get('name'))}: provenance must be seed or illustrative, not {source!r}"
        )
    return source


def provenance(model, item):
    """[(field, provenance, note)] of a data item: the page as a whole, then each illustrative field that
    the item fills (a project without methods has no illustrative methods)."""
    source = checked_provenance(item)
    if source == SEED and not item.get("source"):
        raise ValueError(f"{item.get('slug')}: a seed item names its source in the seed report")
    rows = [("", source, item.get("source") or item.get("note", ""))]
    for name, note in (item.get("illustrative") or {}).items():
        model._meta.get_field(name)  # a field or relation of the page type, or FieldDoesNotExist
        if item.get(DATA_KEYS.get(name, name), True):
            rows.append((name, ILLUSTRATIVE, note))
    return rows


def item_spec(model, item, parent, fields, children=None):
    """The page spec of a data item under ``parent``: its slug (and key), themes, tags and provenance."""
    return PageSpec(
        model,
        item["slug"],
        parent,
        fields,
        children or {},
        themes=item.get("themes", []),
        tags=item.get("tags", []),
        provenance=provenance(model, item),
        key=item.get("key", ""),
    )


def lab_titles():
    return {lab["slug"]: lab["title"] for lab in read("labs")["labs"]}


# Page specs, one function per data file -----------------------------------------------------------------
def standard_specs():
    """The home page, the index pages and the standard pages of pages.yaml (home first)."""
    return [standard_spec(item) for item in read("pages")["pages"]]


def standard_spec(item):
    model = apps.get_model(item["type"])
    fields = {"title": item["title"], "summary": item["summary"]}
    if item.get("show_in_menus"):
        fields["show_in_menus"] = True
    if "seo_title" in item:
        fields["seo_title"] = item["seo_title"]
    if "introduction" in item:
        fields["introduction"] = rich(item["introduction"])
    if "body" in item:
        fields["body"] = stream(item["body"])
    children = {}
    if "featured_methods" in item:
        children["featured_methods"] = [{"method": Ref(slug)} for slug in item["featured_methods"]]
    return item_spec(model, item, item.get("parent", ""), fields, children)


def lab_specs():
    return [lab_spec(lab) for lab in read("labs")["labs"]]


def lab_spec(lab):
    model = apps.get_model("labs.LabPage")
    fields = {
        "title": lab["title"],
        "summary": lab["summary"],
        "host_organisation": lab["host_organisation"],
        "organisation_kind": lab["organisation_kind"],
        "region": lab["region"],
        "city": lab.get("city", ""),
        "website": lab.get("website", ""),
        "body": [{"type": "paragraph", "value": rich(lab["body"])}],
    }
    return item_spec(model, lab, "labs", fields, {"team_members": lab.get("team", [])})


def project_specs():
    model = apps.get_model("labs.ProjectPage")
    specs = []
    for project in read("projects")["projects"]:
        fields = {
            "title": project["title"],
            "summary": project["summary"],
            "status": project["status"],
            "start_date": project.get("start_date"),
            "end_date": project.get("end_date"),
            "body": [{"type": "paragraph", "value": rich(project["body"])}],
        }
        children = {
            "method_links": [{"method": Ref(slug)} for slug in project.get("methods", [])],
            "indicators": project.get("indicators", []),
        }
        specs.append(item_spec(model, project, project["lab"], fields, children))
    return specs


def method_legal_points(method):
    points = read("legal-points")
    return [points[key] for key in method["legal"]]


def method_specs():
    return [method_spec(method) for method in read("methods")["methods"]]


def method_spec(method, legal_points=None):
    """A method card; ``legal_points`` the texts of its legal points (by default legal-points.yaml's)."""
    model = apps.get_model("methods.MethodPage")
    group_min, group_max = method["group"]
    fields = {
        "title": method["title"],
        "summary": method["summary"],
        "why_use": rich(method["why"]),
        "when_use": rich(method["when"]),
        "phase": method["phase"],
        "duration": method["duration"],
        "duration_detail": method["duration_detail"].rstrip("."),
        "group_size_min": group_min,
        "group_size_max": group_max,
        "difficulty": method["difficulty"],
        "materials": "\n".join(method["materials"]),
        "steps": [
            {"type": "step", "value": {"title": step["title"], "text": rich(step["text"])}} for step in method["steps"]
        ],
        "tips": bullets(method["tips"]),
        "pitfalls": bullets(method["pitfalls"]),
        "legal_points": rich(legal_points or method_legal_points(method)),
        "licence": method["licence"],
        "author_lab": Ref(method["author"]),
    }
    children = {
        "worksheets": [{"document": DocRef(title)} for title in method_worksheet_titles(method)],
        "related_method_links": [{"related_method": Ref(slug)} for slug in method["related"]],
    }
    return item_spec(model, method, "methodes", fields, children)


def method_worksheet_titles(method):
    """The titles of a method's documents: `sheet` is its own printable card, other names are documents.yaml's."""
    forms = {document["slug"]: document["title"] for document in read("documents")["documents"]}
    return [method_sheet_title(method["title"]) if name == "sheet" else forms[name] for name in method["worksheets"]]


def curriculum_specs():
    model = apps.get_model("methods.CurriculumPage")
    specs = []
    for curriculum in read("curricula")["curricula"]:
        fields = {
            "title": curriculum["title"],
            "summary": curriculum["summary"],
            "audience": curriculum["audience"],
            "prerequisites": rich(curriculum["prerequisites"]),
            "learning_outcomes": bullets(curriculum["outcomes"]),
            "modules": [
                {
                    "type": "module",
                    "value": {
                        "title": module["title"],
                        "duration_hours": module["hours"],
                        "objectives": rich(module["objectives"]),
                        "methods": [Ref(slug) for slug in module["methods"]],
                    },
                }
                for module in curriculum["modules"]
            ],
        }
        specs.append(item_spec(model, curriculum, "formations", fields))
    return specs


def manifesto_spec():
    model = apps.get_model("labs.ManifestoPage")
    manifesto = read("manifesto")["manifesto"]
    body = stream(manifesto["introduction"])
    for n, commitment in enumerate(manifesto["commitments"], start=1):
        body += stream([{"heading": f"{n}. {commitment['title']}", "level": "h3"}, {"paragraph": commitment["text"]}])
    fields = {
        "title": manifesto["title"],
        "summary": manifesto["summary"],
        "version": manifesto["version"],
        "body": body,
        "pdf": DocRef(manifesto["pdf"]["title"]),
    }
    children = {"signatories": [{"lab": Ref(slug)} for slug in manifesto.get("signatories", [])]}
    return item_spec(model, manifesto, "manifestes", fields, children)


def report_spec(report=None):
    """The session report of report.yaml (or ``report``, its English version)."""
    model = apps.get_model("labs.SessionReportPage")
    report = report or read("report")["report"]
    themes = [
        {
            "type": "theme",
            "value": {
                "title": theme["title"],
                "question": theme["question"],
                "discussion": rich(theme["discussion"]),
                "directions": [
                    {"title": direction["title"], "text": rich(direction["text"])}
                    for direction in theme.get("directions", [])
                ],
            },
        }
        for theme in report["discussed_themes"]
    ]
    roadmap = [
        {
            "type": "action",
            "value": {
                "title": action["title"],
                "description": action.get("description", ""),
                "horizon": action["horizon"],
                "scope": action["scope"],
                "status": action["status"],
                "owner_labs": [Ref(slug) for slug in action.get("owners", [])],
            },
        }
        for action in report["roadmap"]
    ]
    next_session = report["next_session"]
    fields = {
        "title": report["title"],
        "summary": report["summary"],
        "number": report["number"],
        "date": report["date"],
        "place": report.get("place", ""),
        "host": report.get("host", ""),
        "discussed_themes": themes,
        "decisions": rich(report["decisions"]),
        "roadmap": roadmap,
        "next_session_title": next_session["title"],
        "next_session_start": next_session["start"],
        "next_session_end": next_session["end"],
        "next_session_place": next_session["place"],
        "next_session_contact": next_session["contact"],
    }
    participants = [
        {"name": person["name"], "organisation": person["organisation"], "lab": Ref(person["lab"])}
        for person in report["participants"]
    ]
    return item_spec(model, report, "ateliers", fields, {"participants": participants})


def event_specs():
    """The agenda's events: local start and end in the event's time zone, a body ending with its footnote."""
    model = apps.get_model("events.EventPage")
    specs = []
    for event in read("events")["events"]:
        zone = ZoneInfo(event["time_zone"])
        fields = {
            "title": event["title"],
            "summary": event["summary"],
            "start": datetime.datetime.fromisoformat(event["start"]).replace(tzinfo=zone),
            "end": datetime.datetime.fromisoformat(event["end"]).replace(tzinfo=zone),
            "time_zone": event["time_zone"],
            "place": event["place"],
            "registration_url": event.get("registration_url", ""),
            "organisers": [Ref(slug) for slug in event["organisers"]],
            "body": [{"type": "paragraph", "value": rich([event["body"], event["footnote"]])}],
        }
        if "report" in event:
            fields["session_report"] = Ref(event["report"])
        specs.append(item_spec(model, event, "agenda", fields))
    return specs


def news_specs():
    """Each lab's news items, under the lab page."""
    model = apps.get_model("news.NewsPage")
    return [
        item_spec(
            model,
            item,
            item["lab"],
            {
                "title": item["title"],
                "summary": item["summary"],
                "date": item["date"],
                "body": [{"type": "paragraph", "value": rich([item["body"], item["footnote"]])}],
            },
        )
        for item in read("news")["news"]
    ]


def actor_specs():
    """The ecosystem map's actors, placed at their city's centre; an illustrative one says so."""
    data = read("ecosystem")
    model, kind_model = apps.get_model("ecosystem.Actor"), apps.get_model("ecosystem.ActorKind")
    first_theme = read("themes")["themes"][0]["slug"]
    specs = []
    for actor in data["actors"]:
        city = data["cities"][actor["city"]]
        mark = "" if checked_provenance(actor) == SEED else data["illustrative_mark"]
        fields = {
            "kind": SlugRef(kind_model, actor["kind"]),
            "region": city["region"],
            "departement": city["departement"],
            "address": actor["city"],
            "latitude": Decimal(city["latitude"]),
            "longitude": Decimal(city["longitude"]),
            "description": actor["description"] + mark,
            "lab": Ref(actor["lab"]) if actor.get("lab") else None,
        }
        themes = [first_theme] if actor["kind"] == "lab" else []
        specs.append(SnippetSpec(model, {"name": actor["name"]}, fields, themes))
    return specs


def follow_up_specs():
    data = read("roadmap")
    return [
        FollowUpSpec(data["report"], item["action"], item["carried_out_by"], data["date"])
        for item in data["follow_ups"]
    ]


# Documents ------------------------------------------------------------------------------------------------
def document_specs():
    """The printable card of each method that lists `sheet`, the forms of documents.yaml, the manifesto's PDF."""
    titles = lab_titles()
    footer = read("documents")["footer"]
    specs = []
    for method in read("methods")["methods"]:
        if "sheet" in method["worksheets"]:
            card = {**method, "legal": method_legal_points(method)}
            specs.append(
                DocumentSpec(
                    method_sheet_title(method["title"]),
                    f"fiche-{method['slug']}.pdf",
                    partial(method_sheet, card, footer),
                    titles[method["author"]],
                )
            )
    for document in read("documents")["documents"]:
        specs.append(
            DocumentSpec(
                document["title"],
                document["filename"],
                partial(worksheet, document, footer),
                titles.get(document.get("collection"), ""),
            )
        )
    manifesto = read("manifesto")["manifesto"]
    specs.append(
        DocumentSpec(manifesto["pdf"]["title"], manifesto["pdf"]["filename"], partial(manifesto_pdf, manifesto), "")
    )
    return specs


def english_specs():
    """The English versions of english.yaml: each item is the French item it translates (``of``, in the
    data file ``kind``) with the fields it gives in English; parents before children. The English page
    keeps the French page's provenance (the same facts, translated by the project) and documents."""
    data = read("english")
    french = {
        "pages": {item["slug"]: item for item in read("pages")["pages"]},
        "labs": {lab["slug"]: lab for lab in read("labs")["labs"]},
        "methods": {method["slug"]: method for method in read("methods")["methods"]},
        "report": {read("report")["report"]["slug"]: read("report")["report"]},
    }
    specs = []
    for item in data["translations"]:
        source = french[item["kind"]][item["of"]]
        english = {**source, **{key: value for key, value in item.items() if key not in ("kind", "of")}}
        if item["kind"] == "methods":
            spec = method_spec(english, [data["legal_points"][key] for key in source["legal"]])
            spec.children["worksheets"] = method_spec(source).children["worksheets"]
        else:
            spec = {"pages": standard_spec, "labs": lab_spec, "report": report_spec}[item["kind"]](english)
        spec.translation_of = item["of"]
        spec.provenance.append(("locale", ILLUSTRATIVE, "la version anglaise, écrite par le projet"))
        specs.append(spec)
    return specs


def page_specs():
    """Every page below the home page, parents before children."""
    return [
        *standard_specs()[1:],
        *lab_specs(),
        *method_specs(),
        *project_specs(),
        *curriculum_specs(),
        manifesto_spec(),
        report_spec(),
        *event_specs(),
        *news_specs(),
    ]


def load_demo(stdout=None):
    """Create what is missing of the demo content; return the loader with its counts."""
    loader = DemoLoader(stdout)
    themes = [{key: theme[key] for key in ("slug", "name", "description")} for theme in read("themes")["themes"]]
    loader.load(
        themes,
        document_specs(),
        standard_specs()[0],
        page_specs(),
        read("pages")["contact_email"],
        english_specs(),
        snippets=actor_specs(),
        follow_ups=follow_up_specs(),
    )
    return loader
