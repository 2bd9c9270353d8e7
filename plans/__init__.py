"""Integration plans: templates (phases, steps and tasks), country legal checklists, the plans a
company builds for each new hire with dated tasks and owners, mentoring meetings, reminders,
follow-up outcomes, exports (PDF, CSV, iCalendar) and the new hire's own view."""
