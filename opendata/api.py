"""The read-only public API: one listing operation per source, described in OpenAPI 3."""

from django.http import QueryDict
from django.utils import translation
from ninja import NinjaAPI, Query, Schema
from ninja.errors import Throttled, ValidationError
from pydantic import create_model

from opendata.ratelimits import OpenDataThrottle, seconds_to_wait, too_many_requests
from opendata.sources import SOURCES, BadParameter

DESCRIPTION = """API publique en lecture seule du réseau Entrelabs : ce qu'un visiteur voit sur le
site (pages publiées et publiques), jamais un brouillon, une page à accès restreint ni une
adresse de contributeur. Chaque liste est paginée (`page`, `page_size`) dans un ordre stable,
filtrable comme la page publique correspondante et interrogeable en plein texte (`q`), en
français (par défaut) ou en anglais (`lang=en` : les pages traduites).
Un paramètre invalide reçoit une erreur 400 qui le nomme ; au-delà de la limite de requêtes,
une erreur 429 avec l'en-tête `Retry-After`. Données sous la licence indiquée dans
/catalogue.jsonld."""

api = NinjaAPI(
    title="API Entrelabs",
    version="1",
    description=DESCRIPTION,
    openapi_url="/openapi.json",
    docs_url=None,  # the documentation page is rendered by the portal, from this schema, with nothing from outside
    urls_namespace="opendata-api",
    throttle=[OpenDataThrottle()],
)


class ParameterError(Schema):
    parameter: str
    message: str


class Error(Schema):
    detail: str
    errors: list[ParameterError]


def bad_request(request, errors):
    detail = "Paramètre invalide : " + ", ".join(error["parameter"] for error in errors) + "."
    return api.create_response(request, {"detail": detail, "errors": errors}, status=400)


@api.exception_handler(ValidationError)
def invalid_parameters(request, exc):
    errors = [
        {"parameter": str(error["loc"][-1]) if error.get("loc") else "", "message": error.get("msg", "")}
        for error in exc.errors
    ]
    return bad_request(request, errors)


@api.exception_handler(BadParameter)
def unknown_value(request, exc):
    return bad_request(request, [{"parameter": exc.parameter, "message": exc.message}])


@api.exception_handler(Throttled)
def throttled(request, exc):
    return too_many_requests(seconds_to_wait(request, count=False) or 1)


def page_link(request, number):
    query = QueryDict(mutable=True)
    query.update(request.GET)
    query["page"] = number
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def add_listing(source):
    """GET /api/<source>/: a page of the source's records."""
    params_schema = source.params
    page_schema = create_model(
        f"{source.record.__name__}Page",
        __base__=Schema,
        count=(int, ...),
        page=(int, ...),
        page_size=(int, ...),
        next=(str | None, ...),
        previous=(str | None, ...),
        results=(list[source.record], ...),
    )

    def listing(request, params: Query[params_schema]):
        start = (params.page - 1) * params.page_size
        # The listings read the active language's pages (``public_live()``).
        with translation.override(params.lang):
            count, records = source.results(params, request, (start, start + params.page_size))
        return {
            "count": count,
            "page": params.page,
            "page_size": params.page_size,
            "next": page_link(request, params.page + 1) if start + params.page_size < count else None,
            "previous": page_link(request, params.page - 1) if params.page > 1 else None,
            "results": records,
        }

    listing.__name__ = "list_" + source.name.replace("-", "_")
    api.get(
        f"/{source.name}/",
        response={200: page_schema, 400: Error, 429: Error},
        summary=source.title,
        description=source.description,
        operation_id=listing.__name__,
        tags=[source.title],
        url_name=source.name,
    )(listing)


for source in SOURCES.values():
    add_listing(source)
