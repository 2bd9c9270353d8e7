"""Site-wide package: settings, root URLs, WSGI/ASGI, the Celery app, the home page, navigation,
the search page and site-wide template tags. It is called ``website`` because ``site`` is a
standard-library module."""

from .celery import app as celery_app

__all__ = ["celery_app"]
