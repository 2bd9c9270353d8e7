"""Course pages and the learner's records; split by concern, re-exported here."""

from .learning import (
    ActivityProgress,
    Enrolment,
    EnrolmentCycle,
    LessonProgress,
    QuizAttempt,
    QuizAttemptGrant,
    ReflectionAnswer,
)
from .pages import CourseCatalogPage, CoursePage, LessonPage, ModulePage

__all__ = [
    "ActivityProgress",
    "CourseCatalogPage",
    "CoursePage",
    "Enrolment",
    "EnrolmentCycle",
    "LessonPage",
    "LessonProgress",
    "ModulePage",
    "QuizAttempt",
    "QuizAttemptGrant",
    "ReflectionAnswer",
]
