"""Fill French translations into the project's catalogue and compile it.

Usage: python scripts/translate.py translations.json
where the JSON file maps English msgids to French msgstrs. Run `make messages` first so the
msgids exist. Only the given entries are touched; their "fuzzy" flag is cleared.
"""

import json
import sys
from pathlib import Path

import polib

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def main(path):
    translations = json.loads(Path(path).read_text())
    catalogue = polib.pofile(str(CATALOGUE))
    missing = []
    for msgid, msgstr in translations.items():
        entry = catalogue.find(msgid)
        if entry is None:
            missing.append(msgid)
            continue
        entry.msgstr = msgstr
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
            entry.previous_msgid = None
    catalogue.save()
    catalogue.save_as_mofile(str(CATALOGUE.with_suffix(".mo")))
    for msgid in missing:
        print(f"not in the catalogue (run make messages first): {msgid!r}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
