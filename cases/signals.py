"""The moderation workflow tells the submitter what happened: changes asked for, or published; a
deleted case leaves the library (a saved one is handled by ``CasePage.save``)."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import task_rejected, workflow_approved

from . import library_index, services
from .models import CasePage


@receiver(post_delete, sender=CasePage)
def case_deleted(sender, instance, **kwargs):
    library_index.changed()


def _case_of(workflow_state):
    content = workflow_state.content_object
    return content if isinstance(content.specific, CasePage) else None


@receiver(task_rejected)
def case_changes_requested(sender, instance, user=None, **kwargs):
    page = _case_of(instance.workflow_state)
    if page is not None:
        services.changes_requested(page, instance.comment)


@receiver(workflow_approved)
def case_approved(sender, instance, user=None, **kwargs):
    page = _case_of(instance)
    if page is not None:
        last = instance.task_states.order_by("-finished_at").first()
        services.submission_published(page, last.comment if last else "")
