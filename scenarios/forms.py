"""The scenario editor's form: the engine checks the graph on every save and each problem is shown
on the scene, choice or ending that causes it."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from . import engine
from .messages import validation_message


def _text(value):
    return str(value or "").strip()


def _graph_from_streams(title, roles, scenes, endings):
    from .models import graph_data

    class Draft:
        pass

    draft = Draft()
    draft.title, draft.roles, draft.scenes, draft.endings = title, roles, scenes, endings
    return graph_data(draft)


def errors_by_block(problems, scenes, endings):
    """Group engine problems by the stream field and block index they belong to.

    Returns ({"scenes": {index: StructBlockValidationError}, "endings": {...}}, [general messages])."""
    scene_index, ending_index = {}, {}
    duplicate_seen = set()
    for index, child in enumerate(scenes):
        key = _text(child.value["key"])
        if key in scene_index:
            duplicate_seen.add(key)
        scene_index.setdefault(key, index)
    for index, child in enumerate(endings):
        ending_index.setdefault(_text(child.value["key"]), index)
    found = {"scenes": {}, "endings": {}}
    general = []

    def add(field, index, message, child_errors=None):
        current = found[field].setdefault(index, {"messages": [], "children": {}})
        if message:
            current["messages"].append(ValidationError(message))
        for name, error in (child_errors or {}).items():
            current["children"].setdefault(name, error)

    for problem in problems:
        message = validation_message(problem)
        if problem.code == "unknown_target":
            index = scene_index[problem.scene]
            choices = scenes[index].value["choices"]
            bad = {
                n: StructBlockValidationError(block_errors={"leads_to": ValidationError(message)})
                for n, c in enumerate(choices)
                if _text(c["leads_to"]) == problem.detail["target"]
            }
            add("scenes", index, None, {"choices": ListBlockValidationError(block_errors=bad)})
        elif problem.code == "unknown_role":
            add("scenes", scene_index[problem.scene], None, {"role": ValidationError(message)})
        elif problem.code == "duplicate_key":
            key = problem.scene
            if key in ending_index and (key in scene_index and key not in duplicate_seen):
                add("endings", ending_index[key], None, {"key": ValidationError(message)})
            elif key in scene_index:
                last = max(i for i, c in enumerate(scenes) if _text(c.value["key"]) == key)
                add("scenes", last, None, {"key": ValidationError(message)})
            else:
                last = max(i for i, c in enumerate(endings) if _text(c.value["key"]) == key)
                add("endings", last, None, {"key": ValidationError(message)})
        elif problem.code == "unreachable_ending":
            add("endings", ending_index[problem.scene], message)
        elif problem.scene is not None and problem.scene in scene_index:
            add("scenes", scene_index[problem.scene], message)
        else:
            general.append(message)
    built = {}
    for field, by_index in found.items():
        if by_index:
            built[field] = StreamBlockValidationError(
                block_errors={
                    index: StructBlockValidationError(
                        block_errors=entry["children"] or None, non_block_errors=entry["messages"] or None
                    )
                    for index, entry in by_index.items()
                }
            )
    return built, general


class ScenarioPageForm(WagtailAdminPageForm):
    # The editor's buttons post their name: "action-publish" to publish, "action-submit" to send the
    # page to a moderator, who would publish it as it is.
    PUBLISHING_ACTIONS = ("action-publish", "action-submit")

    def _publishing(self):
        return any(action in self.data for action in self.PUBLISHING_ACTIONS)

    def clean(self):
        cleaned = super().clean()
        fields = ("roles", "scenes", "endings")
        if any(name in self.errors for name in fields):
            return cleaned  # the blocks' own errors (a malformed key) come first
        data = _graph_from_streams(
            cleaned.get("title", ""),
            cleaned.get("roles", []),
            cleaned.get("scenes", []),
            cleaned.get("endings", []),
        )
        for scene in data["scenes"]:
            keys = [choice["key"] for choice in scene["choices"]]
            if len(keys) != len(set(keys)):
                self.add_error(
                    None, _("Scene '%(scene)s' has two choices with the same key.") % {"scene": scene["key"]}
                )
        problems = engine.validate(engine.build(data))
        if not problems or not self._publishing():
            # A draft may be half-built: it is saved, and the editor lists its problems by scene
            # (GraphCheckPanel). Only publishing, or asking a moderator to publish, is refused.
            return cleaned
        by_field, general = errors_by_block(problems, cleaned.get("scenes", []), cleaned.get("endings", []))
        for name, error in by_field.items():
            self.add_error(name, error)
        for message in general:
            self.add_error(None, message)
        self.add_error(
            None,
            forms.ValidationError(
                _("The scenario's graph has problems (shown on each scene); it was not published.")
            ),
        )
        return cleaned
