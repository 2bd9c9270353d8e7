from celery import shared_task

from . import selectors, services


@shared_task
def send_weekly_digest():
    return services.send_weekly_digest()


@shared_task
def prepare_library():
    """Build the library's facet index after a case changed, before a visitor has to."""
    return selectors.prepare_library()
