"""Search facets that page types declare, read by the search app (``search/facets.py``).

A page type lists its facets in a ``search_facets`` class attribute::

    class EventPage(ContentPage):
        search_facets = [
            Facet("lab", _("Lab"), "organiser_lab"),   # a foreign key to a page type
            Facet("format", _("Format"), "format"),    # a field with choices
        ]

The search then counts the matching pages by that value, offers the values as options with
their counts, and filters on the chosen one; a new page type needs no change in ``search``.
Page types that declare a facet of the same name share it (the "lab" facet counts labs,
their projects and the methods they wrote).
"""

from dataclasses import dataclass

# The FilterField of content pages holding their parent's id: what Elasticsearch counts a
# ``Facet.PARENT`` facet on (home.models.mixins.ContentPage).
PARENT_FILTER_FIELD = "parent_page_id"


@dataclass(frozen=True)
class Facet:
    """One facet a page type offers.

    name: the facet's URL parameter (``?phase=test``), shared by the page types that offer it.
    label: the facet's heading above its options.
    source: what a page's value is:
      - a field name: a field with choices (the options are its choices, in their order), or a
        foreign key to a page type (the options are its live public pages, by count);
      - ``Facet.SELF``: the page itself is an option (a lab in the "lab" facet);
      - ``Facet.PARENT``: the page's parent is its value (a project belongs to its lab).
    A page-valued facet (foreign key, self, parent) is also shown on each result
    ("Lab: La 27e Région").
    pictograms: each value names a pictogram (``components/pictogram.html``), drawn on its choice.
    """

    SELF = ":self"
    PARENT = ":parent"

    name: str
    label: str
    source: str
    pictograms: bool = False
