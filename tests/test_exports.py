"""CSV and JSON exports: the public items only, the pages' filters, a header row, UTF-8 that
spreadsheets open cleanly."""

import csv
import io
import json
import shutil
import subprocess

import pytest

from tests.open_data import network_once

EXPORTS = ["methods", "labs", "projects", "roadmap-actions", "actors"]


@pytest.fixture(scope="module")
def network(django_db_setup, django_db_blocker):
    yield from network_once(django_db_blocker)


def csv_rows(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize("name", EXPORTS)
def test_exports_hold_the_public_items_only(client, network, db, name):
    for extension in ("csv", "json"):
        response = client.get(f"/donnees/{name}.{extension}")
        assert response.status_code == 200
        assert response["Content-Disposition"] == f'attachment; filename="entrelabs-{name}.{extension}"'
        body = response.content.decode("utf-8-sig")
        for title in network["private_titles"]:
            assert title not in body
        assert "agent.prive@paris.example.org" not in body


def test_methods_csv(client, network, db):
    rows = csv_rows(client, "/donnees/methods.csv")
    assert list(rows[0]) == [
        "id", "titre", "url", "resume", "themes", "mots_cles", "phase", "duree", "duree_detail",
        "taille_groupe_min", "taille_groupe_max", "materiel", "etapes", "licence", "lab_auteur",
    ]  # fmt: skip
    immersion = rows[0]
    assert immersion["titre"] == "Immersion"
    assert immersion["url"] == "http://localhost/methodes/immersion/"
    assert immersion["phase"] == "Découvrir" and immersion["duree"] == "Plusieurs jours"
    assert immersion["materiel"] == "Carnet; Appareil photo"
    assert immersion["etapes"] == "Préparer; Observer"
    assert immersion["lab_auteur"] == "Ville de Paris"
    assert rows[1]["titre"] == "Prototypage rapide" and rows[1]["lab_auteur"] == ""  # its lab is restricted


def test_exports_take_the_pages_filters(client, network, db):
    assert [row["titre"] for row in csv_rows(client, "/donnees/methods.csv?phase=prototype")] == ["Prototypage rapide"]
    assert [row["titre"] for row in csv_rows(client, "/donnees/methods.csv?theme=inclusion&lab=paris")] == ["Immersion"]
    assert [row["titre"] for row in csv_rows(client, "/donnees/labs.csv?region=idf")] == ["Ville de Paris"]
    assert [row["titre"] for row in csv_rows(client, "/donnees/projects.csv?lab=paris")] == ["Réenchantez"]
    actions = csv_rows(client, "/donnees/roadmap-actions.csv?status=engaged")
    assert [(row["action"], row["labs_porteurs"]) for row in actions] == [
        ("Entrelabs", "Ville de Paris; Région Pays de la Loire")
    ]
    assert [row["nom"] for row in csv_rows(client, "/donnees/actors.csv?kind=association&region=52")] == [
        "PiNG",
        "Tiers-lieu du lab réservé",
    ]
    everything = json.loads(client.get("/donnees/methods.json?page_size=1").content)
    assert [method["title"] for method in everything] == ["Immersion", "Prototypage rapide"]  # never paginated


def test_json_export_has_the_api_records(client, network, db):
    exported = json.loads(client.get("/donnees/projects.json").content)
    from_api = client.get("/api/projects/").json()["results"]
    assert exported == from_api


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/donnees/methods.csv?phase=nimporte", "phase"),
        ("/donnees/methods.json?theme=inconnu", "theme"),
        ("/donnees/labs.csv?kind=x", "kind"),
        ("/donnees/roadmap-actions.csv?session=abc", "session"),
        ("/donnees/projects.csv?lab=lab-reserve", "lab"),
    ],
)
def test_bad_filters_get_a_400_naming_them(client, network, db, url, parameter):
    response = client.get(url)
    assert response.status_code == 400
    assert [error["parameter"] for error in response.json()["errors"]] == [parameter]


def test_unknown_export_is_a_404(client, db):
    assert client.get("/donnees/curricula.csv").status_code == 404
    assert client.get("/donnees/methods.xlsx").status_code == 404


@pytest.mark.skipif(
    shutil.which("libreoffice") is None and shutil.which("soffice") is None,
    reason="LibreOffice is not installed on this machine",
)
def test_libreoffice_opens_the_csv(client, network, db, tmp_path):
    source = tmp_path / "methods.csv"
    source.write_bytes(client.get("/donnees/methods.csv").content)
    binary = shutil.which("libreoffice") or shutil.which("soffice")
    subprocess.run(
        [binary, "--headless", "--convert-to", "xlsx", "--outdir", str(tmp_path), str(source)],
        check=True,
        timeout=120,
        capture_output=True,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "methods.xlsx").active
    assert sheet["A1"].value == "id" and sheet["B1"].value == "titre"
    assert sheet["B2"].value == "Immersion" and sheet["G2"].value == "Découvrir"


def test_exports_are_rate_limited(client, network, db, settings):
    settings.OPEN_DATA_RATE = "3/m"
    for _ in range(3):
        assert client.get("/donnees/labs.csv").status_code == 200
    response = client.get("/donnees/labs.csv")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert "Trop de requêtes" in response.json()["detail"]
    assert client.get("/donnees/labs.csv", REMOTE_ADDR="192.0.2.7").status_code == 200  # per address


DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
LICENCE_OUVERTE = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"


def catalogue_nodes(client):
    from pyld import jsonld

    response = client.get("/catalogue.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    nodes = jsonld.flatten(json.loads(response.content))  # its context is inline: nothing to fetch
    return {node["@id"]: node for node in nodes}


def ids(node, prop):
    return [item["@id"] for item in node.get(prop, [])]


def values(node, prop):
    return [item["@value"] for item in node.get(prop, [])]


def test_dcat_catalogue_describes_every_export_with_its_licence(client, network, db):
    nodes = catalogue_nodes(client)
    catalogue = nodes["http://localhost/catalogue.jsonld"]
    assert catalogue["@type"] == [DCAT + "Catalog"]
    assert ids(catalogue, DCT + "license") == [LICENCE_OUVERTE]
    datasets = [nodes[dataset] for dataset in ids(catalogue, DCAT + "dataset")]
    assert [values(dataset, DCT + "identifier") for dataset in datasets] == [[name] for name in EXPORTS]
    for dataset in datasets:
        assert dataset["@type"] == [DCAT + "Dataset"]
        assert values(dataset, DCT + "title") and values(dataset, DCT + "description")
        assert ids(dataset, DCT + "license") == [LICENCE_OUVERTE]
        assert ids(dataset, DCT + "publisher") == ["http://localhost/#entrelabs"]
        assert ids(dataset, DCAT + "landingPage")[0].startswith("http://localhost/")
        languages = []
        for distribution in (nodes[url] for url in ids(dataset, DCAT + "distribution")):
            assert ids(distribution, DCT + "license") == [LICENCE_OUVERTE]
            languages += [(ids(distribution, DCT + "language")[0][-3:], ids(distribution, DCAT + "downloadURL")[0])]
            (download,) = ids(distribution, DCAT + "downloadURL")
            (media_type,) = ids(distribution, DCAT + "mediaType")
            response = client.get(download.removeprefix("http://localhost"))
            assert response.status_code == 200
            assert response["Content-Type"].startswith(media_type.rsplit("media-types/", 1)[1])
        # One distribution per format and language: the English one is the export's ?lang=en.
        assert sorted(language for language, _ in languages) == ["ENG", "ENG", "FRA", "FRA"]
        assert all(url.endswith("?lang=en") == (language == "ENG") for language, url in languages)
    methods = next(dataset for dataset in datasets if values(dataset, DCT + "identifier") == ["methods"])
    assert values(methods, DCT + "modified")  # the newest method's publication
    service = nodes["http://localhost/api/"]
    assert ids(service, DCAT + "endpointDescription") == ["http://localhost/api/openapi.json"]
    assert sorted(ids(service, DCAT + "servesDataset")) == sorted(dataset["@id"] for dataset in datasets)


def test_the_licence_is_a_setting(client, network, db, settings):
    settings.OPEN_DATA_LICENCE = "https://creativecommons.org/licenses/by/4.0/"
    catalogue = catalogue_nodes(client)["http://localhost/catalogue.jsonld"]
    assert ids(catalogue, DCT + "license") == ["https://creativecommons.org/licenses/by/4.0/"]


def test_listings_link_to_their_exports_with_the_chosen_filters(client, network, db):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get("/methodes/?phase=prototype&page=1").content, "html.parser")
    links = {link.get_text(): link["href"] for link in soup.select(".export-links a[download]")}
    assert links == {"CSV": "/donnees/methods.csv?phase=prototype", "JSON": "/donnees/methods.json?phase=prototype"}
    assert [row["titre"] for row in csv_rows(client, links["CSV"])] == ["Prototypage rapide"]
    soup = BeautifulSoup(client.get("/labs/").content, "html.parser")
    assert [link["href"] for link in soup.select(".export-links a[download]")] == [
        "/donnees/labs.csv", "/donnees/labs.json", "/donnees/projects.csv", "/donnees/projects.json"
    ]  # fmt: skip
