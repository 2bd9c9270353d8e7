import pytest
from django.http import QueryDict

from courses.blocks import QuizBlock
from courses.quiz import QuizInputError, attempt_allowed, score_submission, shuffled_items
from courses.tests.factories import CORRECT_ANSWERS, WRONG_ANSWERS, quiz_block


def quiz_value(**kwargs):
    return QuizBlock().to_python(quiz_block(**kwargs)["value"])


def post(data):
    query = QueryDict(mutable=True)
    for key, values in data.items():
        query.setlist(key, values)
    return query


class Attempt:
    def __init__(self, passed):
        self.passed = passed


def test_correct_answers_score_full_marks_and_pass():
    result = score_submission(quiz_value(), post(CORRECT_ANSWERS))
    assert (result.correct_count, result.percent, result.passed) == (4, 100, True)


def test_wrong_answers_score_zero_and_fail():
    result = score_submission(quiz_value(), post(WRONG_ANSWERS))
    assert (result.correct_count, result.passed) == (0, False)


def test_multiple_choice_needs_exactly_the_correct_set():
    answers = dict(CORRECT_ANSWERS, **{"q-q2": ["o2a"]})
    result = score_submission(quiz_value(), post(answers))
    assert [question.correct for question in result.questions] == [True, False, True, True]


def test_pass_mark_decides_passing():
    answers = dict(CORRECT_ANSWERS, **{"q-q3": ["true"]})
    assert score_submission(quiz_value(pass_mark=75), post(answers)).passed
    assert not score_submission(quiz_value(pass_mark=80), post(answers)).passed


def test_unknown_option_id_is_refused():
    with pytest.raises(QuizInputError):
        score_submission(quiz_value(), post(dict(CORRECT_ANSWERS, **{"q-q1": ["forged"]})))


def test_unknown_question_field_is_refused():
    with pytest.raises(QuizInputError):
        score_submission(quiz_value(), post(dict(CORRECT_ANSWERS, **{"q-extra": ["o1b"]})))


def test_two_answers_to_a_single_choice_question_are_refused():
    with pytest.raises(QuizInputError):
        score_submission(quiz_value(), post(dict(CORRECT_ANSWERS, **{"q-q1": ["o1a", "o1b"]})))


def test_missing_answer_is_refused():
    answers = dict(CORRECT_ANSWERS)
    del answers["q-q3"]
    with pytest.raises(QuizInputError, match="Answer every question"):
        score_submission(quiz_value(), post(answers))


def test_ordering_with_repeated_positions_is_refused():
    with pytest.raises(QuizInputError):
        score_submission(quiz_value(), post(dict(CORRECT_ANSWERS, **{"q-q4-i2": ["1"]})))


def test_ordering_with_non_numeric_position_is_refused():
    with pytest.raises(QuizInputError):
        score_submission(quiz_value(), post(dict(CORRECT_ANSWERS, **{"q-q4-i2": ["two"]})))


def test_shuffled_steps_never_show_the_correct_order():
    items = [("a", "A"), ("b", "B"), ("c", "C")]
    for question_id in ("q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"):
        shown = shuffled_items(question_id, items)
        assert sorted(shown) == items
        assert shown != items


def test_attempts_limit_stops_further_attempts():
    allowed, reason = attempt_allowed(quiz_value(max_attempts=2), [Attempt(False), Attempt(False)])
    assert not allowed and "2" in reason


def test_passed_quiz_cannot_be_retried_under_until_passed_policy():
    allowed, _reason = attempt_allowed(quiz_value(), [Attempt(True)])
    assert not allowed


def test_passed_quiz_can_be_retried_under_improve_policy():
    allowed, _reason = attempt_allowed(quiz_value(retry_policy="improve"), [Attempt(True)])
    assert allowed
