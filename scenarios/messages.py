"""Translated wording of the engine's validation errors (the engine itself speaks no language)."""

from django.utils.translation import gettext_lazy as _

VALIDATION_MESSAGES = {
    "no_start": _("No scene is marked as the start scene."),
    "several_starts": _("Scene '%(scene)s' is marked as a start scene, but so is '%(first)s'. Keep one."),
    "duplicate_key": _("The key '%(scene)s' is used more than once; scenes and endings need unique keys."),
    "no_endings": _("The scenario has no ending."),
    "no_choices": _("Scene '%(scene)s' has no choices, so the story stops there without an ending."),
    "unknown_target": _(
        "In scene '%(scene)s', choice '%(choice)s' leads to '%(target)s', which is no scene or ending."
    ),
    "unknown_role": _("Scene '%(scene)s' is decided by role '%(role)s', which the scenario does not define."),
    "unreachable": _("Scene '%(scene)s' cannot be reached from the start scene."),
    "unreachable_ending": _("Ending '%(scene)s' cannot be reached from the start scene."),
    "loop_without_exit": _("Scenes %(scenes)s form a loop that no choice leaves."),
    "dead_end": _(
        "Scene '%(scene)s' can be reached when all its choices lead to scenes already visited as often "
        "as allowed: raise their visit limit or add a choice to an ending."
    ),
    "too_complex": _("The scenario has too many possible paths to check (more than %(limit)s states)."),
}


def validation_message(error):
    return VALIDATION_MESSAGES[error.code] % {"scene": error.scene, **error.detail}
