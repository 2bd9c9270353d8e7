"""Deployment checks of our own (``manage.py check --deploy``)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend.endswith(("LocMemCache", "DummyCache")):
        return [
            Warning(
                "The cache is kept inside each process.",
                hint=(
                    "Set CACHE_URL to a Redis server shared by all gunicorn workers. With a cache per "
                    "process, a page that is unpublished, moved or made private keeps being routed by "
                    "the other workers until PAGE_ROUTE_CACHE_SECONDS pass, and rate limits count per "
                    "worker."
                ),
                id="website.W001",
            )
        ]
    return []
