from .mixins import BasePage, ContentPage, PageTag
from .pages import HomePage, StandardPage
from .settings import SiteSettings
from .taxonomy import Theme

__all__ = [
    "BasePage",
    "ContentPage",
    "HomePage",
    "PageTag",
    "SiteSettings",
    "StandardPage",
    "Theme",
]
