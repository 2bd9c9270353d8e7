"""The one rule for what a learner's progress in a course shows, wherever it is shown.

A completion stands. Once a learner has completed a course, a lesson that they have not done can only
have been added after the completion (an editor published a new lesson): it counts as *new*, neither
done nor missing, so the course page, the lesson page, the outline and "My learning" all keep showing
a completed course (100 %, "8 of 8 lessons", "1 new lesson") instead of "89 % · 8 of 9 lessons" beside
"You completed this course". The same goes for a lesson: an activity added to a lesson the learner
has completed is new, not "required". Taking the course again starts from a fresh, uncompleted
enrolment, where every lesson counts again."""


def course_progress(done_flags, completed):
    """``done_flags``: one bool per lesson of the course; ``completed``: whether the course is.

    Returns ``done``, ``total`` (the lessons that count), ``new`` (added since the completion) and
    ``percent``."""
    flags = list(done_flags)
    done = sum(1 for flag in flags if flag)
    new = len(flags) - done if completed else 0
    total = len(flags) - new
    if completed:
        percent = 100
    else:
        percent = round(100 * done / total) if total else 0
    return {"done": done, "total": total, "new": new, "percent": percent}


def is_new(done, completed):
    """Whether a lesson (or an activity in a lesson) not ``done`` was added after ``completed``."""
    return bool(completed) and not done
