"""No input causes a 500: every declared input surface, fuzzed with hypothesis (issue 12).

See ``website/tests/fuzzing.py`` for the harness and ``docs/testing.md`` for how an app adds its targets.
"""

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from website.tests import fuzzing

TARGETS = fuzzing.all_targets()

# Patterns served by Django's and Wagtail's own admin: their forms and views are Django's and
# Wagtail's, tested by those projects; the platform adds screens through wagtail_hooks, whose views
# are the apps' own and are declared in their fuzz targets when they take input.
COVERED_ELSEWHERE = {
    "django-admin/": "Django's admin site, covered by Django's own test suite",
    "admin/": "Wagtail's admin, covered by Wagtail's own test suite",
}


@pytest.mark.django_db
@pytest.mark.parametrize(("config", "target"), TARGETS, ids=[target.id for _config, target in TARGETS])
def test_no_input_answers_5xx_and_a_refusal_changes_nothing(config, target, client, settings, tmp_path):
    context = {"client": client, "settings": settings, "tmp_path": tmp_path}
    if target.setup:
        context.update(target.setup(context) or {})
    caller = target.client(context) if target.client else Client()
    tables = fuzzing.tables_of(config, target)
    headers = target.headers(context) if target.headers else {}

    def strategy(value):
        if value is None:
            return st.none()
        if callable(value) and not isinstance(value, st.SearchStrategy):
            value = value(context)
        return value if isinstance(value, st.SearchStrategy) else st.just(value)

    kwargs = st.fixed_dictionaries({name: strategy(value) for name, value in target.kwargs.items()})

    @fuzzing.profile()
    @given(
        kwargs=kwargs,
        query=strategy(target.query),
        body=strategy(target.body),
        form=strategy(target.form),
    )
    def run(kwargs, query, body, form):
        path = fuzzing.request_path(target, kwargs)
        before = fuzzing.row_counts(tables)
        response = fuzzing.send(caller, target, path, query, body, form, headers)
        assert response.status_code < 500, (path, query, body, form, response.status_code)
        if 400 <= response.status_code < 500:
            assert fuzzing.row_counts(tables) == before, (path, query, body, form, response.status_code)

    run()


def test_every_url_pattern_is_fuzzed_or_marked_as_taking_no_input():
    fuzzed = {target.url_name for _config, target in TARGETS}
    no_input = {}
    for _config, _targets, declared in fuzzing.declarations():
        no_input.update(declared)
    unaccounted = []
    for route, name in fuzzing.url_patterns():
        bare = route.lstrip("^").replace("^", "")
        if any(bare.startswith(prefix) for prefix in COVERED_ELSEWHERE):
            continue
        if name in fuzzed or name in no_input or route in no_input:
            continue
        unaccounted.append(f"{route} (name {name!r})")
    assert not unaccounted, (
        "URL patterns neither fuzzed nor marked as taking no input; add them to TARGETS or NO_INPUT "
        "in <app>/tests/fuzz_targets.py (docs/testing.md):\n  " + "\n  ".join(unaccounted)
    )


def test_every_no_input_entry_names_a_real_pattern_and_gives_a_reason():
    names = set()
    routes = set()
    for route, name in fuzzing.url_patterns():
        names.add(name)
        routes.add(route)
    for _config, _targets, declared in fuzzing.declarations():
        for key, reason in declared.items():
            assert key in names or key in routes, f"NO_INPUT names no URL pattern: {key}"
            assert reason.strip(), f"NO_INPUT entry without a reason: {key}"
