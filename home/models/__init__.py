from .mixins import BasePage, ContentPage, PageTag, PortalPageQuerySet, public_pages, visible_page_ids
from .pages import HomePage, StandardPage
from .settings import SiteSettings
from .taxonomy import Theme

__all__ = [
    "BasePage",
    "ContentPage",
    "HomePage",
    "PageTag",
    "PortalPageQuerySet",
    "public_pages",
    "visible_page_ids",
    "SiteSettings",
    "StandardPage",
    "Theme",
]
