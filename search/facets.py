"""The facets the page types declare (``search_facets``, see ``home/search_facets.py``), gathered
by name, with what the search statement needs of them: a value column, a condition per choice,
the options and their labels."""

import re
from functools import cache

from django.core.cache import cache as shared_cache
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db.models import Case, CharField, F, IntegerField, Q, Value, When
from django.db.models.functions import Coalesce, Length, Substr
from wagtail.models import Page, get_page_models

from home.models.mixins import active_language, content_languages
from home.search_facets import PARENT_FILTER_FIELD, Facet

# Names become SQL literals and column aliases: identifiers only.
FACET_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
OPTION_PAGES_CACHE_SECONDS = 60


def page_lookup(model):
    """The lookup from Page to a page type's own table ("eventpage" for EventPage)."""
    chain = [m for m in reversed(model._meta.get_parent_list()) if m is not Page] + [model]
    return "__".join(m._meta.model_name for m in chain)


class DeclaredFacet:
    """A facet name with every page type's declaration of it."""

    def __init__(self, name, label):
        self.name = name
        self.label = label
        self.fields = []  # [(model, lookup of the value from Page, attribute on the page)]
        self.self_models = []
        self.parent_models = []
        self.choices = None
        self.option_model = None
        self.pictograms = False

    def add(self, model, facet):
        self.pictograms = self.pictograms or facet.pictograms
        if facet.source == Facet.SELF:
            self.self_models.append(model)
            self._set_option_model(model)
        elif facet.source == Facet.PARENT:
            self.parent_models.append(model)
        else:
            try:
                field = model._meta.get_field(facet.source)
            except FieldDoesNotExist as error:
                raise ImproperlyConfigured(f"{model.__name__}: search facet {facet.name!r}: {error}") from error
            if field.is_relation:
                self._set_option_model(field.related_model)
            elif field.choices:
                self.choices = list(field.choices)
            else:
                raise ImproperlyConfigured(
                    f"{model.__name__}.{field.name}: a search facet needs choices or a foreign key to a page type"
                )
            self.fields.append((model, f"{page_lookup(model)}__{field.attname}", field.attname))

    def _set_option_model(self, model):
        if not issubclass(model, Page):
            raise ImproperlyConfigured(f"Search facet {self.name!r}: {model.__name__} is not a page type")
        self.option_model = self.option_model or model

    def check(self):
        if self.is_page_valued == (self.choices is not None) or (self.parent_models and not self.is_page_valued):
            raise ImproperlyConfigured(f"Search facet {self.name!r}: mixes choices and pages, or has no options")

    @property
    def is_page_valued(self):
        return self.option_model is not None

    @property
    def column(self):
        return f"facet_{self.name}"

    @property
    def parent_column(self):
        return f"facet_{self.name}_parent" if self.parent_models else None

    def value_columns(self, content_type_ids):
        """{column alias: expression} of this facet's value on the pages the statement reads."""
        output = IntegerField() if self.is_page_valued else CharField()
        values = [F(lookup) for _, lookup, _ in self.fields]
        if self.self_models:
            own = [content_type_ids[m] for m in self.self_models]
            values.append(Case(When(content_type_id__in=own, then=F("id")), output_field=output))
        columns = {self.column: values[0] if len(values) == 1 else Coalesce(*values, output_field=output)}
        if self.parent_models:
            children = [content_type_ids[m] for m in self.parent_models]
            parent_path = Substr("path", 1, Length("path") - Page.steplen)
            columns[self.parent_column] = Case(
                When(content_type_id__in=children, then=parent_path), default=Value(None), output_field=CharField()
            )
        return columns

    def condition(self, chosen, content_type_ids):
        """The pages whose value is the chosen one (an option page, or a choice's value)."""
        value = chosen.pk if self.is_page_valued else chosen
        condition = Q(pk__in=[])
        for _, lookup, _ in self.fields:
            condition |= Q(**{lookup: value})
        if self.self_models:
            condition |= Q(pk=value, content_type_id__in=[content_type_ids[m] for m in self.self_models])
        if self.parent_models:
            condition |= Q(
                path__startswith=chosen.path,
                depth=chosen.depth + 1,
                content_type_id__in=[content_type_ids[m] for m in self.parent_models],
            )
        return condition

    # On an external engine (Elasticsearch), through the FilterFields of each declaring model.

    def declaring_models(self):
        return [model for model, _, _ in self.fields] + self.self_models + self.parent_models

    def engine_condition(self, model, chosen):
        """The chosen value as a filter on one declaring model, on fields the engine indexes."""
        if model in self.self_models:
            return Q(path=chosen.path)  # the engine ignores filters on a page type's primary key
        if model in self.parent_models:
            return Q(path__startswith=chosen.path, depth=chosen.depth + 1)
        attname = next(attname for declaring_model, _, attname in self.fields if declaring_model is model)
        return Q(**{attname: chosen.pk if self.is_page_valued else chosen})

    def engine_field(self, model):
        """The FilterField whose values the engine counts on one declaring model."""
        if model in self.self_models:
            return "id"
        if model in self.parent_models:
            return PARENT_FILTER_FIELD
        return next(attname for declaring_model, _, attname in self.fields if declaring_model is model)

    def option_pages(self, language=None):
        """The live public pages this facet may offer in the language (the active one by default), by
        id (cached a minute at most, and until a page or a view restriction changes)."""
        language = language or active_language()
        key = option_pages_cache_key(self.option_model, language)
        pages = shared_cache.get(key)
        if pages is None:
            # Only what an option's label, a form choice and a link to the page need.
            pages = list(
                self.option_model.objects.live()
                .public()
                .filter(locale__language_code=language)
                .only("title", "path", "url_path", "depth")
                .order_by("title")
            )
            # Cleared on change (search/signals.py); the short life bounds how long other processes
            # keep an old list when the cache is per process (no REDIS_URL).
            shared_cache.set(key, pages, OPTION_PAGES_CACHE_SECONDS)
        return {page.pk: page for page in pages}

    def page_of(self, page, options, options_by_path):
        """The option page a result belongs to (its lab), or None."""
        model = type(page)
        if model in self.self_models and page.pk in options:
            return options[page.pk]
        if model in self.parent_models:
            return options_by_path.get(page.path[: -Page.steplen])
        for declaring_model, _, attname in self.fields:
            if model is declaring_model:
                return options.get(getattr(page, attname))
        return None


def option_pages_cache_key(model, language):
    return f"search:facet-pages:{language}:{model._meta.label_lower}"


@cache
def declared_facets():
    """{name: DeclaredFacet} of every page type's ``search_facets``, in the order they first appear."""
    facets = {}
    for model in get_page_models():
        for facet in getattr(model, "search_facets", ()):
            if not FACET_NAME.match(facet.name) or facet.name in ("type", "theme", "q", "page"):
                raise ImproperlyConfigured(f"{model.__name__}: {facet.name!r} cannot name a search facet")
            facets.setdefault(facet.name, DeclaredFacet(facet.name, facet.label)).add(model, facet)
    for facet in facets.values():
        facet.check()
    return facets


def forget_option_pages():
    """A page or a view restriction changed: the cached option pages may be out of date."""
    shared_cache.delete_many(
        [
            option_pages_cache_key(f.option_model, language)
            for f in declared_facets().values()
            if f.is_page_valued
            for language in content_languages()
        ]
    )
