from .mixins import (
    BasePage,
    ContentPage,
    PageTag,
    PortalPageQuerySet,
    SectionIndexPage,
    public_pages,
    visible_page_ids,
)
from .pages import HomePage, StandardPage
from .settings import SiteSettings
from .submissions import PublicSubmission
from .taxonomy import Theme

__all__ = [
    "BasePage",
    "ContentPage",
    "HomePage",
    "PageTag",
    "PortalPageQuerySet",
    "PublicSubmission",
    "SectionIndexPage",
    "public_pages",
    "visible_page_ids",
    "SiteSettings",
    "StandardPage",
    "Theme",
]
