"""Wagtail's user admin, with one change: every person the user listing shows is written to the
personal-data audit log (the edit screen is logged by the ``before_edit_user`` hook in privacy)."""

from wagtail.users.views.users import IndexView, UserViewSet

from privacy import services as privacy


class AuditedUserIndexView(IndexView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        privacy.note_admin_access(
            self.request.user, [person.pk for person in context["object_list"]], what="Wagtail user list"
        )
        return context


class AuditedUserViewSet(UserViewSet):
    index_view_class = AuditedUserIndexView
