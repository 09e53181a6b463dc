"""Listings of pages of several types, with a bounded number of queries."""

from wagtail.images import get_image_model

CARD_IMAGE_SPEC = "fill-480x270"


def attach_listing_images(pages):
    """Load the listing images of pages (any types) and their card renditions in two queries."""
    image_ids = {page.listing_image_id for page in pages if getattr(page, "listing_image_id", None)}
    if not image_ids:
        return pages
    images = get_image_model().objects.filter(pk__in=image_ids).prefetch_renditions(CARD_IMAGE_SPEC).in_bulk()
    for page in pages:
        if getattr(page, "listing_image_id", None):
            page.listing_image = images.get(page.listing_image_id)
    return pages


def card_listing(pages):
    """The pages of a queryset of one page type that a visitor may see (live, not under a view
    restriction), as listings show them: streamfields deferred, listing images and their card
    renditions prefetched."""
    from django.db.models import Prefetch

    rendition_model = get_image_model().get_rendition_model()
    return (
        pages.public_live()
        .defer_streamfields()
        .select_related("listing_image")
        .prefetch_related(
            Prefetch(
                "listing_image__renditions",
                queryset=rendition_model.objects.filter(filter_spec=CARD_IMAGE_SPEC),
                to_attr="prefetched_renditions",
            )
        )
    )
