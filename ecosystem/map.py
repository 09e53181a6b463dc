"""The map of the regions drawn as SVG on the server: no tiles, no script, no outside request."""

import math

from django.http import QueryDict

from ecosystem import territories

MIN_RADIUS, MAX_RADIUS = 10, 34


def filter_url(form, **changes):
    """The query string of the map with the current valid filters and ``changes`` applied."""
    query = QueryDict(mutable=True)
    query.update({name: value for name, value in {**form.chosen(), **changes}.items() if value})
    return "?" + query.urlencode() if query else "?"


def region_map(region_counts, actors, form):
    """What the template draws: the outline, one marker per region sized by its count (linking to
    that region's filter), a dot per actor of the current page with a point, the overseas counts."""
    largest = max((count for _code, _name, count in region_counts), default=0)
    bubbles, overseas = [], []
    for code, name, count in region_counts:
        url = filter_url(form, region=code, departement="")
        centre = territories.REGION_CENTRES.get(code)
        if centre is None:
            overseas.append({"name": name, "count": count, "url": url})
            continue
        x, y = territories.project(*centre)
        radius = MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * math.sqrt(count / largest)
        bubbles.append({"code": code, "name": name, "count": count, "url": url, "x": x, "y": y, "r": round(radius)})
    dots = []
    for actor in actors:
        if actor.latitude is not None and actor.longitude is not None:
            point = territories.project(actor.longitude, actor.latitude)
            if point is not None:
                dots.append({"x": point[0], "y": point[1], "name": actor.name})
    return {
        "width": territories.MAP_WIDTH,
        "height": territories.MAP_HEIGHT,
        "outline": territories.outline_paths(),
        "bubbles": bubbles,
        "dots": dots,
        "overseas": overseas,
    }
