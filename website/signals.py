from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from website import shell
from website.models import FooterSettings


def connect():
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(shell.invalidate, dispatch_uid=f"website-shell-{signal!r}")
    post_delete.connect(shell.invalidate, sender="wagtailcore.Page", dispatch_uid="website-shell-page-delete")
    post_save.connect(shell.invalidate, sender=FooterSettings, dispatch_uid="website-shell-footer")
    post_save.connect(shell.invalidate, sender="wagtailcore.Site", dispatch_uid="website-shell-site")
