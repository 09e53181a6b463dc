"""What the demo presents as the seed's facts is in the seed report: every quoted source, name, date and
place of an item marked `seed` in demo/data/. Reads ../shared/seed/entrelabs-1-report.txt (relative to the
checkout) when it is there, else the copy of the facts kept in demo/data/seed-facts.txt."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from demo.content import FRENCH_MONTHS, read

REPORT = Path(settings.BASE_DIR).parent / "shared" / "seed" / "entrelabs-1-report.txt"
FACTS_COPY = Path(settings.BASE_DIR) / "demo" / "data" / "seed-facts.txt"
KINDS = ["themes", "labs", "projects", "methods", "curricula", "manifesto", "report", "pages"]


def normalised(text):
    """Case, emphasis marks (**), hyphens ("Provence-Alpes"), typographic apostrophes and spacing do not count."""
    return " ".join(text.replace("**", "").replace("-", " ").replace("’", "'").split()).casefold()


def seed_text():
    if REPORT.exists():
        return normalised(REPORT.read_text(encoding="utf-8"))
    return facts_copy()


def facts_copy():
    lines = FACTS_COPY.read_text(encoding="utf-8").splitlines()
    return normalised(" ".join(line for line in lines if not line.startswith("#")))


def facts(data):
    """What the demo presents as stated by the seed, from the parsed data files: (what, quoted text) pairs
    and (what, date, source) triples."""
    quoted, dated = [], []
    for kind, items in data.items():
        for item in (item for item in items if item.get("provenance") == "seed"):
            what = f"{kind}/{item.get('slug', item.get('name'))}"
            quoted.append((f"{what} source", item["source"]))
            if kind == "labs":
                quoted.append((f"{what} host", item["host_organisation"]))
                quoted += [(f"{what} city", item["city"])] if item.get("city") else []
                quoted += [(f"{what} website", item["website"].split("//")[-1])] if item.get("website") else []
                quoted += [(f"{what} team", member["name"]) for member in item.get("team", [])]
            dated += [
                (f"{what} {field}", item[field], item["source"])
                for field in ("start_date", "end_date")
                if item.get(field)
            ]
            if kind == "report":
                dated.append((f"{what} date", item["date"], item["source"]))
                quoted += [(f"{what} place", item["place"])] if item.get("place") else []
                quoted += [
                    (f"{what} participant", f"{person['name']} ({person['organisation']})")
                    for person in item["participants"]
                ]
                for action in item["roadmap"]:
                    for key in ("source", "engaged_source", "owners_source"):
                        quoted += [(f"{what} {action['title']} {key}", action[key])] if key in action else []
                session = item["next_session"]
                quoted.append((f"{what} next session", session["source"]))
                quoted.append((f"{what} next session place", session["place"]))
                quoted.append((f"{what} next session contact", session["contact"].split(" (")[0]))
                dated.append((f"{what} next session start", session["start"], session["source"]))
                dated.append((f"{what} next session end", session["end"], session["source"]))
    return quoted, dated


def missing(data, text):
    """The facts not found: quoted texts absent from the seed text, dates whose day or month their source
    does not state."""
    quoted, dated = facts(data)
    absent = [what for what, quote in quoted if normalised(quote) not in text]
    for what, day, source in dated:
        if not re.search(rf"\b{day.day}\b", normalised(source)):
            absent.append(f"{what} (day)")
        if FRENCH_MONTHS[day.month - 1] not in normalised(source):
            absent.append(f"{what} (month)")
    return absent


def demo_data():
    data = {}
    for kind in KINDS:
        content = read(kind)
        items = next(value for value in content.values() if isinstance(value, list | dict))
        data[kind] = [items] if isinstance(items, dict) else items
    return data


def test_every_fact_the_demo_attributes_to_the_seed_is_in_the_seed_report():
    data = demo_data()
    quoted, dated = facts(data)
    assert len(quoted) > 100 and len(dated) >= 7  # sources, names and places of 32 projects, 13 methods...
    assert missing(data, seed_text()) == []


def test_the_check_catches_an_invented_fact():
    data = demo_data()
    lab = {**data["labs"][0], "city": "Lyon", "team": [{"name": "Camille Martin", "role": ""}]}
    project = {**data["projects"][0], "start_date": data["report"][0]["date"]}  # 13 April: not in its source
    invented = {"labs": [lab], "projects": [project]}
    assert missing(invented, seed_text()) == [
        "labs/pays-de-la-loire city",
        "labs/pays-de-la-loire team",
        "projects/bureau-du-futur start_date (day)",
        "projects/bureau-du-futur start_date (month)",
    ]


@pytest.mark.skipif(not REPORT.exists(), reason=f"the seed report is not at {REPORT}")
def test_the_copy_of_the_facts_is_taken_word_for_word_from_the_seed_report():
    report = normalised(REPORT.read_text(encoding="utf-8"))
    lines = [line for line in FACTS_COPY.read_text(encoding="utf-8").splitlines() if line.strip() and line[0] != "#"]
    assert lines
    assert [line for line in lines if normalised(line) not in report] == []
    assert missing(demo_data(), facts_copy()) == []
