"""The page-tree cache (website.treecache): one call, the version in the key, scopes and expiry."""

import re
import time
from pathlib import Path
from unittest import mock

import pytest
from django.core.cache import cache

from website import treecache

ROOT = Path(__file__).resolve().parents[2]


class Counter:
    def __init__(self, value="built"):
        self.calls = 0
        self.value = value

    def __call__(self):
        self.calls += 1
        return self.value


def test_a_value_is_built_once_and_then_served_from_the_cache():
    build = Counter()
    assert treecache.cached("greeting", build, timeout=60) == "built"
    assert treecache.cached("greeting", build, timeout=60) == "built"
    assert build.calls == 1


def test_a_new_version_builds_again_and_old_entries_are_never_met():
    build = Counter()
    treecache.cached(("outline", 7), build, timeout=60)
    treecache.invalidate()
    treecache.cached(("outline", 7), build, timeout=60)
    assert build.calls == 2


def test_the_version_is_part_of_the_shared_key():
    treecache.cached("menu", lambda: ["home"], timeout=60)
    assert cache.get(f"tree:{treecache.version()}:menu") == ["home"]
    treecache.invalidate()
    assert cache.get(f"tree:{treecache.version()}:menu") is None


def test_an_entry_expires_after_its_timeout_in_memory_and_in_the_shared_cache():
    build = Counter()
    now = time.monotonic()
    treecache.cached("short-lived", build, timeout=5)
    cache.delete(f"tree:{treecache.version()}:short-lived")  # as the shared cache's own expiry would
    with mock.patch("website.treecache.time.monotonic", return_value=now + 6):
        treecache.cached("short-lived", build, timeout=5)
    assert build.calls == 2


def test_none_is_kept_like_any_value():
    build = Counter(value=None)
    assert treecache.cached("nothing", build, timeout=60) is None
    assert treecache.cached("nothing", build, timeout=60) is None
    assert build.calls == 1


def test_another_process_finds_a_shared_value_in_the_cache():
    treecache.cached("shared-thing", lambda: "from process one", timeout=60)
    treecache.clear_process_memory()  # a second process has nothing in memory
    assert treecache.cached("shared-thing", Counter(), timeout=60) == "from process one"


def test_process_scope_never_writes_to_the_shared_cache():
    treecache.cached("fragment", lambda: "<p>html</p>", timeout=60, scope=treecache.PROCESS)
    assert cache.get(f"tree:{treecache.version()}:fragment") is None
    treecache.clear_process_memory()
    build = Counter()
    treecache.cached("fragment", build, timeout=60, scope=treecache.PROCESS)
    assert build.calls == 1


def test_answers_about_one_person_are_never_given_to_another(make_user):
    first, second = make_user(email="first@example.org"), make_user(email="second@example.org")
    assert treecache.cached("may-edit", lambda: True, timeout=60, scope=treecache.for_user(first)) is True
    assert treecache.cached("may-edit", lambda: False, timeout=60, scope=treecache.for_user(second)) is False
    assert treecache.cached("may-edit", Counter(), timeout=60, scope=treecache.for_user(first)) is True


def test_per_user_answers_do_not_push_out_site_wide_entries(make_user):
    site_wide = Counter()
    treecache.cached("navigation", site_wide, timeout=60)
    user = make_user(email="many@example.org")
    with mock.patch.object(treecache._USER_MEMORY, "size", 3):
        for number in range(10):
            treecache.cached(
                ("answer", number), lambda number=number: number, timeout=60, scope=treecache.for_user(user)
            )
    assert len(treecache._USER_MEMORY.entries) == 3
    assert f"tree:{treecache.version()}:navigation" in treecache.SHARED.memory.entries


def test_forget_drops_one_entry():
    build = Counter()
    treecache.cached("route", build, timeout=60)
    treecache.forget("route")
    treecache.cached("route", build, timeout=60)
    assert build.calls == 2


def test_a_request_reads_the_version_once():
    treecache.version()
    treecache.request_started()
    try:
        with mock.patch.object(cache, "get", wraps=cache.get) as cache_get:
            treecache.version()
            treecache.version()
        assert cache_get.call_count == 1
    finally:
        treecache.request_finished()


def _python_files():
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in {".venv", "node_modules", "staticfiles", "var", "test-artifacts"}:
            continue
        if "migrations" in relative.parts or "tests" in relative.parts:
            continue
        yield relative, path.read_text()


def test_no_module_but_the_cache_module_holds_process_memory():
    offenders = [
        str(relative)
        for relative, text in _python_files()
        if relative != Path("website/treecache.py")
        and re.search(r"_ProcessMemory|OrderedDict\(|\.memory\b|_USER_MEMORY", text)
    ]
    assert offenders == []


def test_no_app_reads_another_apps_models_through_the_app_registry():
    offenders = [str(relative) for relative, text in _python_files() if "get_model(" in text]
    assert offenders == []


@pytest.mark.django_db(transaction=True)
def test_a_change_inside_a_transaction_bumps_the_version_again_when_it_commits():
    from django.db import transaction

    build = Counter()
    with transaction.atomic():
        treecache.invalidate()
        during = treecache.version()
        # Another request, not seeing the uncommitted change, caches what it reads now.
        treecache.cached("route", build, timeout=60)
    assert treecache.version() != during
    treecache.cached("route", build, timeout=60)
    assert build.calls == 2


def test_a_long_key_or_one_with_spaces_is_stored_under_a_short_hash():
    build = Counter()
    long_path = "learning/" + "x" * 5000 + "/"
    with mock.patch.object(cache, "set", wraps=cache.set) as cache_set:
        treecache.cached(("route", long_path), build, timeout=60)
        treecache.cached(("case-search", "en", "two words"), build, timeout=60)
    stored = [call.args[0] for call in cache_set.call_args_list]
    assert len(stored) == 2
    assert all(len(key) < 100 and " " not in key for key in stored)
    assert len(set(stored)) == 2
    treecache.cached(("route", long_path), build, timeout=60)
    assert build.calls == 2  # the second call for the long key was served from the cache


LIBRARY = treecache.Generation("test-library")


def test_a_generation_of_its_own_outlives_a_new_page_tree_version():
    build = Counter()
    treecache.cached("facets", build, timeout=60, generation=LIBRARY)
    treecache.cached("facets", build, timeout=60, scope=treecache.PROCESS, generation=LIBRARY)
    treecache.invalidate()
    treecache.cached("facets", build, timeout=60, generation=LIBRARY)
    treecache.cached("facets", build, timeout=60, scope=treecache.PROCESS, generation=LIBRARY)
    assert build.calls == 2  # once per scope, not again after the page tree changed


def test_bumping_a_generation_leaves_the_page_tree_entries_in_place():
    tree_build, library_build = Counter(), Counter()
    treecache.cached("menu", tree_build, timeout=60, scope=treecache.PROCESS)
    treecache.cached("facets", library_build, timeout=60, scope=treecache.PROCESS, generation=LIBRARY)
    LIBRARY.invalidate()
    treecache.cached("menu", tree_build, timeout=60, scope=treecache.PROCESS)
    treecache.cached("facets", library_build, timeout=60, scope=treecache.PROCESS, generation=LIBRARY)
    assert (tree_build.calls, library_build.calls) == (1, 2)


def test_a_generation_keys_its_entries_by_its_own_name_and_version():
    treecache.cached("facets", lambda: {"theme": 3}, timeout=60, generation=LIBRARY)
    assert cache.get(f"test-library:{LIBRARY.version()}:facets") == {"theme": 3}
    assert cache.get(f"tree:{treecache.version()}:facets") is None


def test_a_request_reads_each_generation_once():
    treecache.version(), LIBRARY.version()  # both numbers exist, as on a running site
    treecache.request_started()
    try:
        with mock.patch.object(cache, "get", wraps=cache.get) as cache_get:
            for _ in range(3):
                treecache.version()
                LIBRARY.version()
        assert cache_get.call_count == 2
    finally:
        treecache.request_finished()


def test_an_old_version_of_a_generation_is_dropped_from_memory_when_a_new_one_is_stored():
    treecache.cached("facets", lambda: "old", timeout=60, scope=treecache.PROCESS, generation=LIBRARY)
    treecache.cached("menu", lambda: "menu", timeout=60, scope=treecache.PROCESS)
    LIBRARY.invalidate()
    treecache.cached("facets", lambda: "new", timeout=60, scope=treecache.PROCESS, generation=LIBRARY)
    held = [entry[2] for entry in treecache.PROCESS.memory.entries.values()]
    assert "old" not in held and "new" in held and "menu" in held
