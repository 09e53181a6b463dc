from django.urls import path, re_path

from opendata import catalogue, exports, feeds, views
from opendata.api import api

# The feeds of each language (portal/urls.py puts them in its i18n_patterns): /flux/… in French,
# /en/flux/… in English.
feed_urlpatterns = [
    re_path(
        r"^flux/(?P<kind>site|methodes|ateliers|agenda|actualites)\.(?P<feed_format>rss|atom)$",
        feeds.feed_view,
        name="feed",
    ),
    re_path(
        r"^flux/(?P<kind>themes|labs)/(?P<slug>[-a-zA-Z0-9_]+)\.(?P<feed_format>rss|atom)$",
        feeds.feed_view,
        name="feed_of",
    ),
]

urlpatterns = [
    path("api/", api.urls),
    path("api/docs/", views.api_docs, name="api_docs"),
    path("catalogue.jsonld", catalogue.catalogue, name="catalogue"),
    re_path(r"^donnees/(?P<name>[-a-z]+)\.(?P<extension>csv|json)$", exports.export, name="export"),
]
