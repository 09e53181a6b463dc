"""The API's documentation page, rendered from its OpenAPI description (nothing loaded from outside)."""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse

from opendata.api import api
from opendata.exports import exported_sources


def parameter_type(schema):
    """A short reading of a parameter's JSON schema: "discover, define…", "entier (1 à 100)"."""
    if "enum" in schema:
        return ", ".join(schema["enum"])
    kind = {"integer": "entier", "string": "texte"}.get(schema.get("type"), schema.get("type", ""))
    if schema.get("format") == "date":
        return "date (AAAA-MM-JJ)"
    if "minimum" in schema and "maximum" in schema:
        return f"{kind} ({schema['minimum']} à {schema['maximum']})"
    if "pattern" in schema:
        return f"{kind} (slug)"
    return kind


def record_fields(schema, components):
    """The fields of the records an operation returns, with their JSON types."""
    page_ref = schema["responses"][200]["content"]["application/json"]["schema"]["$ref"]
    page = components[page_ref.rsplit("/", 1)[1]]
    record = components[page["properties"]["results"]["items"]["$ref"].rsplit("/", 1)[1]]
    fields = []
    for name, spec in record["properties"].items():
        options = spec.get("anyOf", [spec])
        kinds = []
        for option in options:
            if "$ref" in option:
                kinds.append("objet")
            elif option.get("type") == "array":
                kinds.append("liste")
            elif option.get("type") != "null":
                kinds.append(option.get("format") or option.get("type", ""))
        fields.append({"name": name, "type": " ou ".join(kinds), "nullable": len(options) > len(kinds)})
    return fields


def api_docs(request):
    schema = api.get_openapi_schema(path_prefix="/api")
    components = schema["components"]["schemas"]
    base = request.build_absolute_uri("/").rstrip("/")
    operations = []
    for path, methods in schema["paths"].items():
        operation = methods["get"]
        operations.append(
            {
                "id": operation["operationId"],
                "path": path,
                "summary": operation["summary"],
                "description": operation.get("description", ""),
                "parameters": [
                    {
                        "name": parameter["name"],
                        "type": parameter_type(parameter["schema"]),
                        "description": parameter.get("description", ""),
                    }
                    for parameter in operation.get("parameters", [])
                ],
                "fields": record_fields(operation, components),
                "example": f"curl '{base}{path}?page_size=5'",
            }
        )
    return render(
        request,
        "opendata/api_docs.html",
        {
            "api": schema["info"],
            "operations": operations,
            "exports": [
                {
                    "title": source.title,
                    **{
                        extension: reverse("export", kwargs={"name": source.name, "extension": extension})
                        for extension in ("csv", "json")
                    },
                }
                for source in exported_sources()
            ],
            "licence": settings.OPEN_DATA_LICENCE,
            "meta_title": "API",
            "meta_description": "La documentation de l'API publique d'Entrelabs.",
            "breadcrumbs": [{"title": "API"}],
        },
    )
