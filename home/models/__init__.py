from .mixins import BasePage, ContentPage, PageTag
from .pages import HomePage, HomePageFeaturedMethod, StandardPage
from .settings import SiteSettings
from .taxonomy import Theme

__all__ = [
    "BasePage",
    "ContentPage",
    "HomePage",
    "HomePageFeaturedMethod",
    "PageTag",
    "SiteSettings",
    "StandardPage",
    "Theme",
]
