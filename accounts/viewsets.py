"""Wagtail's user admin, with one change: every person the user listing shows is written to the
personal-data audit log (the edit screen is logged by the ``before_edit_user`` hook in privacy)."""

from wagtail.users.views.users import IndexView, UserViewSet

from privacy.audited_views import AuditedListingMixin


class AuditedUserIndexView(AuditedListingMixin, IndexView):
    audit_what = "Wagtail user list"


class AuditedUserViewSet(UserViewSet):
    index_view_class = AuditedUserIndexView
