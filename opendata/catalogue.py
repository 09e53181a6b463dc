"""The DCAT-AP catalogue (JSON-LD) of the exports, for national open data portals to harvest."""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.models import Site

from opendata.exports import exported_sources
from opendata.ratelimits import rate_limited

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
FRENCH = {"@id": "http://publications.europa.eu/resource/authority/language/FRA"}
# Each export in each language: the French pages (the default), their English translations (?lang=en).
LANGUAGES = {
    "fr": (FRENCH, ""),
    "en": ({"@id": "http://publications.europa.eu/resource/authority/language/ENG"}, " – English"),
}
FORMATS = {
    "csv": ("text/csv", "CSV"),
    "json": ("application/json", "JSON"),
}


def text(value):
    return {"@value": value, "@language": "fr"}


def distribution(root_url, source, extension, licence, language="fr"):
    media_type, file_type = FORMATS[extension]
    url = root_url + reverse("export", kwargs={"name": source.name, "extension": extension})
    url += "" if language == "fr" else f"?lang={language}"
    language_node, title_suffix = LANGUAGES[language]
    return {
        "@id": url,
        "@type": "dcat:Distribution",
        "dct:title": text(f"{source.title} ({file_type}{title_suffix})"),
        "dct:language": language_node,
        "dcat:accessURL": {"@id": url},
        "dcat:downloadURL": {"@id": url},
        "dcat:mediaType": {"@id": f"http://www.iana.org/assignments/media-types/{media_type}"},
        "dct:format": {"@id": f"http://publications.europa.eu/resource/authority/file-type/{file_type}"},
        "dct:license": {"@id": licence},
    }


def dataset(root_url, source, publisher, licence):
    node = {
        "@id": f"{root_url}/catalogue.jsonld#{source.name}",
        "@type": "dcat:Dataset",
        "dct:identifier": source.name,
        "dct:title": text(source.title),
        "dct:description": text(source.description),
        "dct:publisher": publisher,
        "dct:language": [node for node, _ in LANGUAGES.values()],
        "dct:license": {"@id": licence},
        "dcat:keyword": [text("innovation publique"), text(source.title.lower())],
        "dcat:distribution": [
            distribution(root_url, source, extension, licence, language)
            for language in LANGUAGES
            for extension in FORMATS
        ],
    }
    landing_page = source.landing_page()
    if landing_page:
        node["dcat:landingPage"] = {"@id": landing_page.get_full_url()}
    modified = source.last_modified()
    if modified:
        node["dct:modified"] = {"@value": modified.isoformat(), "@type": "xsd:dateTime"}
    return node


def build_catalogue(root_url):
    licence = settings.OPEN_DATA_LICENCE
    publisher = {"@id": f"{root_url}/#entrelabs", "@type": "foaf:Agent", "foaf:name": "Entrelabs"}
    datasets = [dataset(root_url, source, publisher, licence) for source in exported_sources()]
    return {
        "@context": CONTEXT,
        "@id": f"{root_url}/catalogue.jsonld",
        "@type": "dcat:Catalog",
        "dct:title": text("Données ouvertes d'Entrelabs"),
        "dct:description": text(
            "Les méthodes, labs, projets et actions des feuilles de route du réseau Entrelabs des laboratoires "
            "d'innovation publique, tels que le site les publie."
        ),
        "dct:publisher": publisher,
        "dct:language": FRENCH,
        "dct:license": {"@id": licence},
        "foaf:homepage": {"@id": f"{root_url}/"},
        "dcat:dataset": datasets,
        "dcat:service": {
            "@id": f"{root_url}/api/",
            "@type": "dcat:DataService",
            "dct:title": text("API Entrelabs"),
            "dcat:endpointURL": {"@id": f"{root_url}/api/"},
            "dcat:endpointDescription": {"@id": f"{root_url}/api/openapi.json"},
            "dcat:servesDataset": [{"@id": node["@id"]} for node in datasets],
            "dct:license": {"@id": licence},
        },
    }


@require_GET
@rate_limited
def catalogue(request):
    site = Site.find_for_request(request)
    root_url = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    body = json.dumps(build_catalogue(root_url), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    return HttpResponse(body, content_type="application/ld+json; charset=utf-8")
