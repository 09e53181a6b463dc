"""JSON-LD (schema.org) for every public page: one builder per page type, a BreadcrumbList for all.

A builder takes the page and the request and returns the page's main node; a page type without
one is a ``WebPage``. Adding a type is one function and one line in ``BUILDERS``."""

from decimal import Decimal

from home.models.mixins import active_language, visible_page_ids
from opendata.sources import plain_text

SITE_NAME = "Entrelabs"

# schema.org wants a duration; a method card gives a range ("several days"): its typical length.
TYPICAL_DURATIONS = {"hours": "PT2H", "half_day": "PT4H", "day": "PT7H", "days": "P2D", "weeks": "P2W"}


def absolute(url, root_url):
    """An absolute URL on the site's configured root URL (as the canonical link)."""
    return url if url.startswith(("http://", "https://")) else root_url + url


def hours_duration(hours):
    """Decimal hours as an ISO 8601 duration: 7.5 -> "PT7H30M"."""
    minutes = int((Decimal(hours) * 60).to_integral_value())
    whole, rest = divmod(minutes, 60)
    return f"PT{whole}H{rest}M" if rest else f"PT{whole}H"


def network(request, root_url):
    return {"@type": "Organization", "name": SITE_NAME, "url": root_url + "/"}


def web_page(page, request, root_url, kind="WebPage"):
    node = {
        "@type": kind,
        "@id": page.get_full_url(request),
        "url": page.get_full_url(request),
        "name": page.title,
        "inLanguage": active_language(),
    }
    description = getattr(page, "meta_description", "") or page.search_description
    if description:
        node["description"] = description
    if page.first_published_at:
        node["datePublished"] = page.first_published_at.isoformat()
    if page.last_published_at:
        node["dateModified"] = page.last_published_at.isoformat()
    return node


def lab_organization(lab, request):
    if lab is None or lab.pk not in visible_page_ids([lab]):
        return None
    return {"@type": "Organization", "name": lab.title, "url": lab.get_full_url(request)}


def how_to(page, request, root_url):
    node = web_page(page, request, root_url, "HowTo")
    node["step"] = [
        {
            "@type": "HowToStep",
            "position": position,
            "name": step.value["title"],
            "text": plain_text(step.value["text"].source),
        }
        for position, step in enumerate(page.steps, start=1)
    ]
    node["tool"] = [{"@type": "HowToTool", "name": item} for item in page.material_list()]
    node["totalTime"] = TYPICAL_DURATIONS[page.duration]
    if page.licence_url:
        node["license"] = page.licence_url
    author = lab_organization(page.author_lab, request)
    if author:
        node["author"] = author
    return node


def course(page, request, root_url):
    node = web_page(page, request, root_url, "Course")
    node["provider"] = network(request, root_url)
    if page.total_duration_hours:
        node["timeRequired"] = hours_duration(page.total_duration_hours)
    if page.audience:
        node["audience"] = {"@type": "Audience", "audienceType": page.audience}
    node["syllabusSections"] = [
        {
            "@type": "Syllabus",
            "name": module.value["title"],
            "timeRequired": hours_duration(module.value["duration_hours"]),
        }
        for module in page.modules
        if module.value["duration_hours"] is not None
    ]
    return node


def session(page, request, root_url):
    node = web_page(page, request, root_url, "Event")
    node.update(
        {
            # str(): a date, or in a preview the value as the editor typed it
            "startDate": str(page.date),
            "endDate": str(page.date),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "organizer": {"@type": "Organization", "name": page.host} if page.host else network(request, root_url),
        }
    )
    if page.place:
        node["location"] = {"@type": "Place", "name": page.place, "address": page.place}
    return node


def event(page, request, root_url):
    node = web_page(page, request, root_url, "Event")
    node.update(
        {
            "startDate": page.start.isoformat() if hasattr(page.start, "isoformat") else str(page.start),
            "endDate": page.end.isoformat() if hasattr(page.end, "isoformat") else str(page.end),
            "eventStatus": "https://schema.org/EventScheduled",
        }
    )
    locations = []
    if page.place or page.address:
        locations.append({"@type": "Place", "name": page.place or page.address, "address": page.address or page.place})
    if page.online_url:
        locations.append({"@type": "VirtualLocation", "url": page.online_url})
    if locations:
        node["location"] = locations
    node["eventAttendanceMode"] = "https://schema.org/" + (
        "MixedEventAttendanceMode"
        if len(locations) == 2
        else "OnlineEventAttendanceMode"
        if page.online_url
        else "OfflineEventAttendanceMode"
    )
    organisers = [lab_organization(lab, request) for lab in page.organiser_labs()]
    node["organizer"] = [organiser for organiser in organisers if organiser] or network(request, root_url)
    return node


def news_article(page, request, root_url):
    node = article("NewsArticle")(page, request, root_url)
    node["datePublished"] = str(page.date)
    return node


def organization(page, request, root_url):
    node = web_page(page, request, root_url, "Organization")
    node["parentOrganization"] = {"@type": "GovernmentOrganization", "name": page.host_organisation}
    if page.city or page.region:
        node["address"] = {
            "@type": "PostalAddress",
            "addressLocality": page.city,
            "addressRegion": str(page.get_region_display()) if page.region else "",
            "addressCountry": "FR",
        }
    if page.website:
        node["sameAs"] = page.website
    return node


def article(kind):
    def build(page, request, root_url):
        node = web_page(page, request, root_url, kind)
        node["headline"] = page.title[:110]
        node["publisher"] = network(request, root_url)
        return node

    return build


BUILDERS = {
    "methods.MethodPage": how_to,
    "methods.CurriculumPage": course,
    "labs.SessionReportPage": session,
    "labs.LabPage": organization,
    "labs.ManifestoPage": article("Article"),
    "events.EventPage": event,
    "news.NewsPage": news_article,
}


def breadcrumbs(crumbs):
    """A BreadcrumbList of (name, absolute URL) pairs."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def page_graph(page, request, ancestors, root_url):
    """The JSON-LD of a page: its node and its breadcrumbs (``ancestors`` from the home page down)."""
    build = BUILDERS.get(page.specific_class._meta.label, web_page)
    crumbs = [(ancestor.title, ancestor.get_full_url(request)) for ancestor in ancestors]
    crumbs.append((page.title, page.get_full_url(request)))
    return {"@context": "https://schema.org", "@graph": [build(page, request, root_url), breadcrumbs(crumbs)]}


def view_graph(request, title, crumbs, home, root_url):
    """The JSON-LD of a view that is not a page (themes, search, API docs): a WebPage and its breadcrumbs."""
    url = root_url + request.path
    trail = [(home["title"], absolute(home["url"], root_url))] if home else []
    trail += [(crumb["title"], absolute(crumb.get("url") or request.path, root_url)) for crumb in crumbs]
    node = {"@type": "WebPage", "@id": url, "url": url, "name": title, "inLanguage": active_language()}
    return {"@context": "https://schema.org", "@graph": [node, breadcrumbs(trail)]}
