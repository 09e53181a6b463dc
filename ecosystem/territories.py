"""French regions and départements with their INSEE codes (COG), from the bundled
``data/territories.csv``: no outside call. Also the simplified map geometry of the regions."""

import csv
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CSV_PATH = Path(__file__).parent / "data" / "territories.csv"

# The lab pages' region codes (labs.FrenchRegion) and the INSEE region codes they stand for.
LAB_REGION_CODES = {
    "ara": "84",
    "bfc": "27",
    "bre": "53",
    "cvl": "24",
    "cor": "94",
    "ges": "44",
    "hdf": "32",
    "idf": "11",
    "nor": "28",
    "naq": "75",
    "occ": "76",
    "pdl": "52",
    "pac": "93",
    "gua": "01",
    "mar": "02",
    "guy": "03",
    "reu": "04",
    "may": "06",
}


@dataclass(frozen=True)
class Departement:
    code: str
    name: str
    region_code: str


@cache
def territories():
    """{"regions": {code: name}, "departements": {code: Departement}}, read once from the CSV."""
    regions, departements = {}, {}
    with CSV_PATH.open(encoding="utf-8", newline="") as csv_file:
        for row in csv.DictReader(csv_file):
            regions[row["region_code"]] = row["region_name"]
            departements[row["departement_code"]] = Departement(
                row["departement_code"], row["departement_name"], row["region_code"]
            )
    regions = dict(sorted(regions.items(), key=lambda item: item[1]))
    return {"regions": regions, "departements": departements}


def region_choices():
    return list(territories()["regions"].items())


def departement_choices():
    """Départements grouped by region, for a select with <optgroup>s."""
    data = territories()
    return [
        (
            region_name,
            [(d.code, f"{d.name} ({d.code})") for d in data["departements"].values() if d.region_code == code],
        )
        for code, region_name in data["regions"].items()
    ]


def region_name(code):
    return territories()["regions"].get(code, "")


def departement(code):
    return territories()["departements"].get(code)


# A simplified outline of metropolitan France and Corsica (longitude, latitude), drawn for this
# map from about fifty coastal and border points: enough to place the regions, not for surveying.
MAINLAND = [
    (2.37, 51.05), (1.85, 50.95), (1.6, 50.7), (1.55, 50.2), (1.08, 49.93), (0.1, 49.5), (-0.25, 49.3),
    (-1.27, 49.67), (-1.95, 49.72), (-1.6, 48.84), (-1.5, 48.64), (-2.0, 48.65), (-3.05, 48.78),
    (-4.0, 48.72), (-4.77, 48.33), (-4.73, 48.04), (-3.37, 47.73), (-3.1, 47.5), (-2.2, 47.27),
    (-2.2, 47.0), (-1.78, 46.5), (-1.15, 46.15), (-1.05, 45.6), (-1.2, 44.65), (-1.56, 43.48),
    (-1.78, 43.36), (-1.4, 43.05), (-0.5, 42.8), (0.7, 42.7), (1.7, 42.5), (3.17, 42.43), (3.05, 42.7),
    (3.1, 43.1), (3.7, 43.4), (4.0, 43.55), (4.6, 43.35), (5.35, 43.3), (5.93, 43.1), (6.65, 43.27),
    (7.0, 43.55), (7.27, 43.7), (7.5, 43.78), (7.65, 44.15), (6.9, 44.4), (7.05, 45.0), (6.8, 45.85),
    (6.1, 46.15), (6.1, 46.6), (6.95, 47.3), (7.55, 47.5), (7.6, 48.1), (8.2, 48.95), (7.0, 49.15),
    (6.4, 49.5), (5.8, 49.55), (4.85, 50.15), (4.2, 49.97), (3.3, 50.5), (2.6, 50.8),
]  # fmt: skip
CORSICA = [
    (9.4, 43.0), (9.55, 42.3), (9.3, 41.6), (9.15, 41.37), (8.75, 41.6), (8.6, 42.05), (8.7, 42.6), (9.3, 42.7),
]  # fmt: skip
# Where each metropolitan region's marker stands (about its centre).
REGION_CENTRES = {
    "11": (2.5, 48.7),
    "24": (1.7, 47.5),
    "27": (4.8, 47.2),
    "28": (0.1, 49.1),
    "32": (2.8, 49.9),
    "44": (5.6, 48.7),
    "52": (-0.8, 47.4),
    "53": (-2.9, 48.2),
    "75": (0.2, 45.2),
    "76": (2.2, 43.7),
    "84": (4.6, 45.5),
    "93": (6.1, 43.95),
    "94": (9.1, 42.15),
}
WEST, NORTH = -5.2, 51.2
SCALE = 60  # SVG units per degree of latitude
LONGITUDE_FACTOR = math.cos(math.radians(46.5))  # an equirectangular projection true at 46.5° N
MAP_WIDTH = round((9.8 - WEST) * LONGITUDE_FACTOR * SCALE)
MAP_HEIGHT = round((NORTH - 41.2) * SCALE)


def project(longitude, latitude):
    """SVG coordinates of a point of metropolitan France; None outside the map's frame."""
    x = (float(longitude) - WEST) * LONGITUDE_FACTOR * SCALE
    y = (NORTH - float(latitude)) * SCALE
    if not (0 <= x <= MAP_WIDTH and 0 <= y <= MAP_HEIGHT):
        return None
    return round(x, 1), round(y, 1)


def outline_paths():
    """The SVG path data of the mainland and Corsica."""
    return [
        "M" + " L".join("{},{}".format(*project(lon, lat)) for lon, lat in shape) + " Z"
        for shape in (MAINLAND, CORSICA)
    ]
