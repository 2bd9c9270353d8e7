"""The property-based input harness: every endpoint that takes input, hammered with hypothesis.

Each app declares its input surfaces in ``<app>/tests/fuzz_targets.py``:

- ``TARGETS``: a list of ``Target`` (URL name, method, strategies for the path arguments, query string
  and body, who calls it, which tables must not change on a refusal);
- ``NO_INPUT``: ``{"namespace:url_name": "why it takes no input"}`` for patterns that read nothing
  from the request.

``tests/test_fuzz.py`` runs every target and asserts the answer is never 5xx and that on a refusal
(4xx) the row counts of the target's tables did not change; another test walks the URL resolver and
fails on a pattern that is neither fuzzed nor listed in some ``NO_INPUT``. ``docs/testing.md`` says
how a new app adds its targets.
"""

import importlib
import json
import os
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

from django.apps import apps
from django.conf import settings
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

# --- profiles: a bounded number of examples per target so ``make test`` stays fast ---------------

hypothesis_settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("FUZZ_MAX_EXAMPLES", "20")),
    deadline=None,
    derandomize=True,  # the same examples on every run: a failure in CI reproduces locally
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
hypothesis_settings.register_profile(
    "fuzz-deep",
    max_examples=int(os.environ.get("FUZZ_MAX_EXAMPLES", "500")),
    deadline=None,
    derandomize=False,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


def profile():
    return hypothesis_settings.get_profile(os.environ.get("FUZZ_PROFILE", "fuzz"))


# --- strategies ----------------------------------------------------------------------------------

# Values that broke endpoints before (issue 12) or break parsers in general.
NASTY_STRINGS = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "²",
    "٣",
    "-1",
    "0",
    "9" * 25,
    "1e999",
    "NaN",
    "true",
    "null",
    "{}",
    "[]",
    '{"a":',
    "9999-12-31T23:59:59-12:00",
    "0001-01-01T00:00:00+14:00",
    "2026-02-30T10:00:00Z",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%00",
    "ﷺ مرحبا",
]

# Text for query strings and form fields: what a URL can carry (no lone surrogates; those come in
# through JSON escapes, see json_values).
# Built lazily so a failing example's report does not print kilobytes of strategy repr.
long_text = st.builds(lambda: "x" * 5000)
url_text = st.one_of(st.sampled_from(NASTY_STRINGS), long_text, st.text(max_size=40))
# JSON strings may hold anything, lone surrogates included: json.dumps writes them as \ud800 escapes.
json_text = st.one_of(
    st.sampled_from(NASTY_STRINGS + ["\ud800", "\udfff"]),
    long_text,
    st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=30),
)
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    json_text,
)
json_values = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(json_text, children, max_size=4)
    ),
    max_leaves=12,
)
deep_json = st.builds(lambda: "[" * 100_000 + "]" * 100_000)


def dumps(value):
    """JSON text as a hostile client writes it: NaN/Infinity allowed, surrogates escaped."""
    return json.dumps(value, allow_nan=True)


def json_bodies(valid=None):
    """Bodies for a JSON endpoint: random JSON, mutations of a valid example, and broken text."""
    choices = [
        json_values.map(dumps),
        deep_json,
        st.sampled_from(["", "{", "[1,]", '{"a": NaN}', '{"a": 1e999}', "\x00", "null"]),
        st.binary(max_size=64),
    ]
    if valid is not None:
        choices.append(mutations(valid).map(dumps))
        choices.append(st.just(dumps(valid)))
    return st.one_of(*choices)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, prefix + (index,))


def _replace(value, path, new):
    if not path:
        return new
    copy = list(value) if isinstance(value, list) else dict(value)
    copy[path[0]] = _replace(value[path[0]], path[1:], new)
    return copy


def mutations(valid):
    """A valid example with one member (anywhere, however deep) replaced by a random JSON value."""
    paths = list(_paths(valid))
    return st.builds(lambda path, new: _replace(valid, path, new), st.sampled_from(paths), json_values)


def query_strings(names, *, values=url_text):
    """Query parameters: the endpoint's own names (and an unknown one) with hostile values."""
    return st.dictionaries(st.sampled_from(list(names) + ["unknown"]), values, max_size=len(names) + 1)


def form_data(names, *, values=url_text):
    return st.dictionaries(st.sampled_from(list(names)), st.one_of(values, st.lists(values, max_size=3)))


ids = st.one_of(
    st.integers(min_value=0, max_value=10**30).map(str),
    st.sampled_from(["0", "1", "9" * 25, "18446744073709551616"]),
)


# --- targets -------------------------------------------------------------------------------------


@dataclass
class Target:
    """One input surface: a URL pattern called with one method.

    ``kwargs`` maps the pattern's arguments to strategies (or fixed values); ``query`` and ``body``
    are strategies (``body`` gives text or bytes, ``form`` gives a dict sent as a form instead);
    ``setup(context)`` prepares data once per test and returns a dict merged into the context;
    ``client(context)`` returns the Django test client to call with (default: anonymous);
    ``tables`` are model labels ("app_label.Model") whose row counts must not change on a 4xx
    (default: every model of the target's app); ``headers(context)`` extra request headers;
    ``path(kwargs)`` builds the path itself, for regex patterns such as Wagtail's."""

    url_name: str
    method: str = "GET"
    kwargs: dict[str, Any] = field(default_factory=dict)
    query: Any = None
    body: Any = None
    form: Any = None
    content_type: str = "application/json"
    setup: Any = None
    client: Any = None
    headers: Any = None
    tables: list[str] | None = None
    path: Any = None
    label: str = ""

    @property
    def id(self):
        return self.label or f"{self.url_name} {self.method}"


def project_apps():
    """The project's own apps (their code lives in the repository)."""
    base = str(settings.BASE_DIR)
    return [
        config
        for config in apps.get_app_configs()
        if config.path.startswith(base) and "site-packages" not in config.path and "/.venv" not in config.path
    ]


def declarations():
    """Every app's (TARGETS, NO_INPUT) from ``<app>/tests/fuzz_targets.py``."""
    found = []
    for config in project_apps():
        try:
            module = importlib.import_module(f"{config.name}.tests.fuzz_targets")
        except ModuleNotFoundError as error:
            if error.name not in (f"{config.name}.tests", f"{config.name}.tests.fuzz_targets"):
                raise
            continue
        found.append((config, getattr(module, "TARGETS", []), getattr(module, "NO_INPUT", {})))
    return found


def all_targets():
    return [(config, target) for config, targets, _no_input in declarations() for target in targets]


def row_counts(labels):
    return {label: apps.get_model(label).objects.count() for label in labels}


def tables_of(config, target):
    if target.tables is not None:
        return target.tables
    return [model._meta.label for model in config.get_models() if not model._meta.proxy]


def url_patterns(resolvers=None, prefix="", namespace=""):
    """(route, "namespace:name" or None) of every URL pattern of the project, nested ones included."""
    from django.urls import URLPattern, URLResolver, get_resolver

    for entry in get_resolver().url_patterns if resolvers is None else resolvers:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_patterns(entry.url_patterns, route, inner)
        elif isinstance(entry, URLPattern):
            yield route, (namespace + entry.name) if entry.name else None


ARGUMENT_RE = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


def request_path(target, kwargs):
    """The pattern's route with each ``<converter:name>`` replaced by the generated value."""
    if target.path is not None:
        return target.path(kwargs)
    routes = [route for route, name in url_patterns() if name == target.url_name]
    if not routes:
        raise LookupError(f"no URL pattern named {target.url_name!r}")
    route = routes[0].replace("^", "").replace("$", "").replace("/?", "")

    def fill(match):
        value = str(kwargs.get(match.group("name"), "x"))
        return quote(value, safe="/" if match.group("converter") == "path" else "")

    return "/" + ARGUMENT_RE.sub(fill, route)


def send(client, target, path, query, body, form, headers):
    url = path + ("?" + urlencode(query, doseq=True) if query else "")
    method = target.method.upper()
    if form is not None:
        if method == "GET":
            return client.get(url, form, **headers)
        return client.generic(
            method, url, urlencode(form, doseq=True), "application/x-www-form-urlencoded", **headers
        )
    if body is None:
        return client.generic(method, url, **headers)
    if isinstance(body, str):
        body = body.encode("utf-8", "surrogatepass")
    return client.generic(method, url, body, target.content_type, **headers)
