"""Thin Celery tasks: each calls a service."""

from celery import shared_task

from . import reminders


@shared_task(ignore_result=True)
def send_daily_reminders():
    return reminders.send_daily()
