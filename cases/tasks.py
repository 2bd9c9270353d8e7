from celery import shared_task

from . import services


@shared_task
def send_weekly_digest():
    return services.send_weekly_digest()
