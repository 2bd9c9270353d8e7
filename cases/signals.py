"""The moderation workflow tells the submitter what happened: changes asked for, or published."""

from django.dispatch import receiver
from wagtail.signals import task_rejected, workflow_approved

from . import services
from .models import CasePage


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
