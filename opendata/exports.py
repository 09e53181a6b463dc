"""CSV and JSON exports of the public listings, with the same filters as the API and the pages."""

import csv

import pydantic
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, JsonResponse
from django.utils import translation
from django.views.decorators.http import require_GET

from opendata.ratelimits import rate_limited
from opendata.sources import DEFAULT_LANGUAGE, SOURCES, BadParameter


def exported_sources():
    return [source for source in SOURCES.values() if source.exported]


def error(parameter, message):
    return JsonResponse(
        {"detail": f"Paramètre invalide : {parameter}.", "errors": [{"parameter": parameter, "message": message}]},
        status=400,
    )


@require_GET
@rate_limited
def export(request, name, extension):
    source = SOURCES.get(name)
    if source is None or not source.exported:
        raise Http404
    query = {key: value for key, value in request.GET.items() if key in source.params.model_fields}
    try:
        params = source.params(**query)
        with translation.override(params.lang):
            _, records = source.results(params, request)
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]
        return error(str(first["loc"][-1]) if first["loc"] else "", first["msg"])
    except BadParameter as exc:
        return error(exc.parameter, exc.message)
    suffix = "" if params.lang == DEFAULT_LANGUAGE else f"-{params.lang}"
    filename = f"entrelabs-{name}{suffix}.{extension}"
    if extension == "json":
        response = JsonResponse(
            records, safe=False, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False}
        )
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        # A byte order mark: LibreOffice and Excel then read the file as UTF-8 without asking
        # (without it, Excel reads the accents as Windows-1252).
        response.write("\ufeff")
        columns = source.csv_columns()
        writer = csv.writer(response)
        writer.writerow([header for header, _ in columns])
        for record in records:
            writer.writerow([value(record) if callable(value) else record[value] for _, value in columns])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
