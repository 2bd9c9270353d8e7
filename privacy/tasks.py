"""Thin Celery tasks: each loads rows and calls a service."""

from celery import shared_task

from . import services
from .models import DataExport


@shared_task(ignore_result=True)
def build_export(export_id):
    export = DataExport.objects.filter(pk=export_id).select_related("user", "requested_by").first()
    if export is not None:
        services.build_export(export)


@shared_task(ignore_result=True)
def apply_retention():
    return services.run_retention()


@shared_task(ignore_result=True)
def remove_old_exports():
    return services.remove_old_export_files()
