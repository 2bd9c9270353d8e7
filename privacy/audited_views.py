"""Admin listings that show people's data write each person shown to the personal-data audit log."""

from . import services


class AuditedListingMixin:
    """For a Wagtail index view: after the page of results is chosen, one audit row per person on it
    (``services.note_admin_access``). ``audit_what`` names the listing in the log; ``person_id``
    says whose data a row is."""

    audit_what = ""

    def person_id(self, row):
        return row.pk

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        services.note_admin_access(
            self.request.user, [self.person_id(row) for row in context["object_list"]], what=self.audit_what
        )
        return context
