from django.conf import settings


def demo_content_mark(request):
    """Whether pages say which demo content is illustrative (DEMO_CONTENT_MARK, off once the demo is replaced)."""
    return {"demo_content_mark": settings.DEMO_CONTENT_MARK}
