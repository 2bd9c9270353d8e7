from celery import shared_task

from . import forwarding


@shared_task(name="tracking.tasks.forward_outbox", ignore_result=True)
def forward_outbox():
    """Drain the xAPI outbox to the external LRSs (run by beat every XAPI_FORWARD_INTERVAL_SECONDS)."""
    return forwarding.drain()
