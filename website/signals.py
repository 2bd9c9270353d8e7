from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from website import shell
from website.models import FooterSettings


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
