"""The editor's summary of the saved scenario: its size and, for an older revision saved before the
check existed, what the engine finds wrong with it."""

from wagtail.admin.panels import HelpPanel

from .messages import validation_message


class GraphCheckPanel(HelpPanel):
    class BoundPanel(HelpPanel.BoundPanel):
        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            problems = page.validation_errors() if page.pk else []
            context.update(
                {
                    "scene_count": len(page.scenes),
                    "ending_count": len(page.endings),
                    "role_count": len(page.roles),
                    "problems": [validation_message(problem) for problem in problems],
                }
            )
            return context
