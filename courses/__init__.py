"""Course → Module → Lesson pages, the lesson StreamField blocks, native quizzes, enrolment,
progress and completion rules. Progress is keyed by the pages' translation keys so every language
version of a course shares one enrolment and one progress record."""
