"""Scoring and display state of the native quiz block.

Scoring happens here, on the server. What the template receives before a submission holds only
question texts and opaque option ids, never which option is correct or its feedback."""

import random
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .blocks import RetryPolicy, RevealAnswers

FIELD_PREFIX = "q-"


class QuizInputError(Exception):
    """A submission that does not fit the quiz; nothing is stored."""


@dataclass
class QuestionResult:
    id: str
    correct: bool
    selected: list = field(default_factory=list)

    def as_json(self):
        return {"id": self.id, "correct": self.correct, "selected": self.selected}


@dataclass
class QuizResult:
    questions: list
    pass_mark: int

    @property
    def correct_count(self):
        return sum(1 for question in self.questions if question.correct)

    @property
    def score_scaled(self):
        return self.correct_count / len(self.questions) if self.questions else 0.0

    @property
    def percent(self):
        return round(self.score_scaled * 100)

    @property
    def passed(self):
        return self.percent >= self.pass_mark

    def as_json(self):
        return {"questions": [question.as_json() for question in self.questions]}


def _options(question_value):
    return [(item.id, item.value) for item in question_value["options"].bound_blocks]


def _ordering_items(question_value):
    return [(item.id, item.value) for item in question_value["items"].bound_blocks]


def shuffled_items(question_id, items):
    """A stable shuffle per question that never shows the correct order itself."""
    shuffled = list(items)
    if len(shuffled) < 2:
        return shuffled
    random.Random(question_id).shuffle(shuffled)
    if [item_id for item_id, _text in shuffled] == [item_id for item_id, _text in items]:
        shuffled = shuffled[1:] + shuffled[:1]
    return shuffled


def score_submission(quiz_value, data):
    """Score a POSTed QueryDict-like ``data`` against the quiz; raise QuizInputError on bad input."""
    known_fields = set()
    results = []
    for question in quiz_value["questions"]:
        name = f"{FIELD_PREFIX}{question.id}"
        value = question.value
        if question.block_type in ("single_choice", "true_false", "multiple_choice"):
            known_fields.add(name)
            selected = [item for item in data.getlist(name) if item]
            if not selected:
                raise QuizInputError(_("Answer every question before you submit."))
            if len(set(selected)) != len(selected):
                raise QuizInputError(
                    _("Your answers do not match this quiz. Reload the lesson and try again.")
                )
            if question.block_type == "true_false":
                valid = {"true", "false"}
                correct_ids = {value["answer"]}
            else:
                options = _options(value)
                valid = {option_id for option_id, _option in options}
                correct_ids = {option_id for option_id, option in options if option["correct"]}
            if not set(selected) <= valid:
                raise QuizInputError(
                    _("Your answers do not match this quiz. Reload the lesson and try again.")
                )
            if question.block_type != "multiple_choice" and len(selected) != 1:
                raise QuizInputError(_("Choose one answer for each single-choice question."))
            results.append(QuestionResult(question.id, set(selected) == correct_ids, sorted(selected)))
        elif question.block_type == "ordering":
            items = _ordering_items(value)
            positions = {}
            for item_id, _text in items:
                item_field = f"{name}-{item_id}"
                known_fields.add(item_field)
                raw = data.get(item_field, "")
                if not raw:
                    raise QuizInputError(_("Answer every question before you submit."))
                try:
                    positions[item_id] = int(raw)
                except ValueError as error:
                    raise QuizInputError(
                        _("Your answers do not match this quiz. Reload the lesson and try again.")
                    ) from error
            if sorted(positions.values()) != list(range(1, len(items) + 1)):
                raise QuizInputError(_("Give each step a different position, from first to last."))
            order = [item_id for item_id, _p in sorted(positions.items(), key=lambda pair: pair[1])]
            correct = order == [item_id for item_id, _text in items]
            results.append(QuestionResult(question.id, correct, order))
    unknown = [key for key in data if key.startswith(FIELD_PREFIX) and key not in known_fields]
    if unknown:
        raise QuizInputError(_("Your answers do not match this quiz. Reload the lesson and try again."))
    return QuizResult(results, quiz_value["pass_mark"])


def attempt_allowed(quiz_value, attempts, extra_attempts=0):
    """(allowed, reason) for one more attempt, given the earlier attempts of this learner and the
    extra attempts a trainer granted beyond the quiz's limit."""
    max_attempts = quiz_value["max_attempts"] or 0
    if max_attempts and len(attempts) >= max_attempts + extra_attempts:
        return False, _("You have used all %(count)s attempts for this quiz.") % {
            "count": max_attempts + extra_attempts
        }
    if any(attempt.passed for attempt in attempts) and quiz_value["retry_policy"] != RetryPolicy.IMPROVE:
        return False, _("You have passed this quiz.")
    return True, ""


def quiz_view_state(quiz_value, context):
    """What the quiz template shows for the learner in ``context`` (the lesson page context)."""
    block_id = context.get("block_id", "")
    attempts = list((context.get("quiz_attempts") or {}).get(block_id, []))
    enrolled = bool(context.get("enrolment"))
    extra = (context.get("quiz_grants") or {}).get(block_id, 0)
    allowed, reason = attempt_allowed(quiz_value, attempts, extra)
    last = attempts[-1] if attempts else None
    passed_any = any(attempt.passed for attempt in attempts)
    reveal = (
        quiz_value["reveal_answers"] == RevealAnswers.WHEN_DONE
        and last is not None
        and (passed_any or not allowed)
    )
    last_results = {item["id"]: item for item in (last.result.get("questions", []) if last else [])}
    questions = []
    for number, question in enumerate(quiz_value["questions"], start=1):
        value = question.value
        previous = last_results.get(question.id)
        selected = set(previous["selected"]) if previous else set()
        entry = {
            "id": question.id,
            "number": number,
            "kind": question.block_type,
            "field": f"{FIELD_PREFIX}{question.id}",
            "result": previous["correct"] if previous else None,
            "feedback": [],
        }
        if question.block_type == "true_false":
            entry["text"] = value["statement"]
            entry["options"] = [
                {"id": "true", "text": _("True")},
                {"id": "false", "text": _("False")},
            ]
            for option in entry["options"]:
                if option["id"] in selected:
                    text = value["feedback_true"] if option["id"] == "true" else value["feedback_false"]
                    if text:
                        entry["feedback"].append(text)
                if reveal:
                    option["correct"] = option["id"] == value["answer"]
        elif question.block_type in ("single_choice", "multiple_choice"):
            entry["text"] = value["question"]
            entry["options"] = []
            for option_id, option in _options(value):
                shown = {"id": option_id, "text": option["text"]}
                if option_id in selected and option["feedback"]:
                    entry["feedback"].append(option["feedback"])
                if reveal:
                    shown["correct"] = bool(option["correct"])
                entry["options"].append(shown)
        elif question.block_type == "ordering":
            items = _ordering_items(value)
            entry["text"] = value["question"]
            entry["items"] = [
                {"id": item_id, "text": text, "field": f"{entry['field']}-{item_id}"}
                for item_id, text in shuffled_items(question.id, items)
            ]
            entry["positions"] = list(range(1, len(items) + 1))
            if previous:
                text = value["feedback_correct"] if previous["correct"] else value["feedback_incorrect"]
                if text:
                    entry["feedback"].append(text)
            if reveal:
                entry["correct_order"] = [text for _item_id, text in items]
        if reveal and "options" in entry:
            entry["correct_answers"] = [option["text"] for option in entry["options"] if option["correct"]]
        questions.append(entry)
    return {
        "block_id": block_id,
        "questions": questions,
        "attempts": attempts,
        "attempts_used": len(attempts),
        "max_attempts": quiz_value["max_attempts"] or 0,
        "pass_mark": quiz_value["pass_mark"],
        "last": last,
        "passed": passed_any,
        "can_attempt": allowed and enrolled,
        "reason": reason,
        "next_attempt": len(attempts) + 1,
        "reveal": reveal,
        "enrolled": enrolled,
        "show_result": last is not None,
    }
