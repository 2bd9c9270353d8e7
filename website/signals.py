from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.signals import request_finished, request_started
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from website import treecache
from website.models import FooterSettings

# What ``accounts.selectors.may_use_admin`` depends on besides groups and permissions.
_ADMIN_ACCESS_FIELDS = frozenset({"is_superuser", "is_active", "is_staff"})


def user_about_to_be_saved(sender, instance, update_fields=None, **kwargs):
    """Note whether this save changes a flag that decides who may open the editor area."""
    fields = sorted(_ADMIN_ACCESS_FIELDS)
    if update_fields is not None and not _ADMIN_ACCESS_FIELDS.intersection(update_fields):
        changed = False  # a login (last_login) and other partial saves
    elif instance._state.adding or instance.pk is None:
        changed = instance.is_superuser or instance.is_staff  # a new learner has no access to lose
    else:
        stored = sender._default_manager.filter(pk=instance.pk).values_list(*fields).first()
        changed = stored != tuple(getattr(instance, field) for field in fields)
    instance._admin_access_changed = changed


def user_saved(sender, instance, **kwargs):
    if getattr(instance, "_admin_access_changed", False):
        instance._admin_access_changed = False
        treecache.invalidate()


# What saving a draft revision or locking a page writes: nothing a visitor sees.
_DRAFT_FIELDS = frozenset(
    {
        "wagtail_admin_comments",
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_by",
        "locked_at",
        "numchild",
    }
)


def page_saved(sender, instance, update_fields=None, **kwargs):
    """Any save of a page bumps the version (routes, cached page rows, course outlines and lesson HTML
    follow), except one that only writes draft or lock bookkeeping."""
    if not isinstance(instance, Page):
        return
    if update_fields is not None and _DRAFT_FIELDS.issuperset(update_fields):
        return
    treecache.invalidate()


def connect():
    request_started.connect(treecache.request_started, dispatch_uid="website-treecache-request-started")
    request_finished.connect(treecache.request_finished, dispatch_uid="website-treecache-request-finished")
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(treecache.invalidate, dispatch_uid=f"website-treecache-{signal!r}")
    post_delete.connect(
        treecache.invalidate, sender="wagtailcore.Page", dispatch_uid="website-treecache-page-delete"
    )
    post_save.connect(page_saved, dispatch_uid="website-treecache-page-save")  # every page type
    post_save.connect(treecache.invalidate, sender=FooterSettings, dispatch_uid="website-treecache-footer")
    # Cached routes (website.routing) hold the site and the view restrictions of a page too, and
    # cached lesson HTML holds image renditions and document links.
    for model in (
        "wagtailcore.Site",
        "wagtailcore.PageViewRestriction",
        "wagtailimages.Image",
        "wagtaildocs.Document",
    ):
        post_save.connect(treecache.invalidate, sender=model, dispatch_uid=f"website-treecache-save-{model}")
        post_delete.connect(
            treecache.invalidate, sender=model, dispatch_uid=f"website-treecache-delete-{model}"
        )
    # Who may open the editor area (the user bar on pages, accounts.selectors.may_use_admin).
    User = get_user_model()
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(
            treecache.invalidate, sender=through, dispatch_uid=f"website-treecache-m2m-{through!r}"
        )
    post_delete.connect(treecache.invalidate, sender=Group, dispatch_uid="website-treecache-group-delete")
    pre_save.connect(user_about_to_be_saved, sender=User, dispatch_uid="website-treecache-user-pre-save")
    post_save.connect(user_saved, sender=User, dispatch_uid="website-treecache-user-save")
