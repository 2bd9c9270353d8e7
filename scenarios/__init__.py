"""Intercultural role-play scenarios.

The app owns the scenario graph engine (``engine.py``, pure Python), the ``ScenarioPage`` that
editors author in Wagtail, the lesson block that embeds a scenario, each learner's solo play
(``ScenarioPlay``) and live workshop sessions (``LiveSession``, ``Participant``, ``Vote``) with
their polling state endpoint and group debrief."""
