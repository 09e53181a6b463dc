"""Exports of the reviewed actors: GeoJSON with the `geojson` package (it checks the coordinates
and writes RFC 7946 objects) and CSV with the standard library."""

import csv

import geojson
from django.http import HttpResponse

CSV_COLUMNS = [
    "name",
    "kind",
    "region_code",
    "region",
    "departement_code",
    "address",
    "latitude",
    "longitude",
    "website",
    "description",
    "themes",
    "lab",
]


def properties(actor):
    return {
        "name": actor.name,
        "kind": actor.kind.name,
        "region_code": actor.region,
        "region": actor.region_label,
        "departement_code": actor.departement,
        "address": actor.address,
        "website": actor.website,
        "description": actor.description,
        "themes": [theme.name for theme in actor.themes.all()],
        "lab": actor.public_lab.title if actor.public_lab else "",
    }


def geojson_response(actors):
    features = []
    for actor in actors:
        point = None
        if actor.latitude is not None and actor.longitude is not None:
            point = geojson.Point((float(actor.longitude), float(actor.latitude)))
        features.append(geojson.Feature(id=actor.pk, geometry=point, properties=properties(actor)))
    collection = geojson.FeatureCollection(features)
    response = HttpResponse(geojson.dumps(collection, ensure_ascii=False), content_type="application/geo+json")
    response["Content-Disposition"] = 'attachment; filename="acteurs.geojson"'
    return response


def csv_response(actors):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="acteurs.csv"'
    response.write("\ufeff")  # a byte order mark, so that spreadsheets read the file as UTF-8
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for actor in actors:
        row = properties(actor)
        writer.writerow(
            [
                row["name"],
                row["kind"],
                row["region_code"],
                row["region"],
                row["departement_code"],
                row["address"],
                actor.latitude if actor.latitude is not None else "",
                actor.longitude if actor.longitude is not None else "",
                row["website"],
                row["description"],
                "; ".join(row["themes"]),
                row["lab"],
            ]
        )
    return response
