from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.signals import request_finished, request_started
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from website import shell
from website.models import FooterSettings

# What ``shell.may_use_admin`` depends on besides groups and permissions.
_ADMIN_ACCESS_FIELDS = frozenset({"is_superuser", "is_active", "is_staff"})


def user_saved(sender, instance, update_fields=None, **kwargs):
    """A save that may change who can open the editor area bumps the version; a login does not."""
    if update_fields is not None and not _ADMIN_ACCESS_FIELDS.intersection(update_fields):
        return
    shell.invalidate()


def connect():
    request_started.connect(shell.request_started, dispatch_uid="website-shell-request-started")
    request_finished.connect(shell.request_finished, dispatch_uid="website-shell-request-finished")
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(shell.invalidate, dispatch_uid=f"website-shell-{signal!r}")
    post_delete.connect(shell.invalidate, sender="wagtailcore.Page", dispatch_uid="website-shell-page-delete")
    post_save.connect(shell.invalidate, sender=FooterSettings, dispatch_uid="website-shell-footer")
    # Cached routes (website.routing) hold the site and the view restrictions of a page too, and
    # cached lesson HTML holds image renditions and document links.
    for model in (
        "wagtailcore.Site",
        "wagtailcore.PageViewRestriction",
        "wagtailimages.Image",
        "wagtaildocs.Document",
    ):
        post_save.connect(shell.invalidate, sender=model, dispatch_uid=f"website-shell-save-{model}")
        post_delete.connect(shell.invalidate, sender=model, dispatch_uid=f"website-shell-delete-{model}")
    # Who may open the editor area (the user bar on pages, shell.may_use_admin).
    User = get_user_model()
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(shell.invalidate, sender=through, dispatch_uid=f"website-shell-m2m-{through!r}")
    post_delete.connect(shell.invalidate, sender=Group, dispatch_uid="website-shell-group-delete")
    post_save.connect(user_saved, sender=User, dispatch_uid="website-shell-user-save")
