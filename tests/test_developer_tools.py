"""The tools a developer meets first: `make help` and the pre-commit hook."""

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def makefile_targets():
    rules = re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(), flags=re.MULTILINE)
    return set(rules)


def test_make_help_lists_every_target_with_a_description():
    output = subprocess.run(
        ["make", "--no-print-directory", "help"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    described = dict(re.findall(r"^  ([a-z][a-z-]*) +(\S.*)$", output, flags=re.MULTILINE))
    assert set(described) == makefile_targets()
    assert {"run", "test", "lint", "install", "messages"} <= set(described)


def test_the_pre_commit_hook_runs_the_ruff_the_project_pins():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    (ruff_repo,) = [repo for repo in config["repos"] if repo["repo"].endswith("/ruff-pre-commit")]
    assert {hook["id"] for hook in ruff_repo["hooks"]} == {"ruff-check", "ruff-format"}
    dev = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["dev"]
    (pin,) = [item for item in dev if item.startswith("ruff")]
    assert pin == f"ruff=={ruff_repo['rev'].removeprefix('v')}"
    installed = subprocess.run(
        [str(Path(sys.executable).parent / "ruff"), "--version"], capture_output=True, text=True, check=True
    ).stdout.split()[-1]
    assert ruff_repo["rev"] == f"v{installed}"


def test_every_app_with_tests_is_collected_by_make_test():
    configured = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]
    apps_with_tests = {path.parent.parent.name for path in ROOT.glob("*/tests/__init__.py")}
    assert apps_with_tests - set(configured["testpaths"]) == set()
