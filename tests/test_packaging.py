"""`pip install` builds the project with setuptools: the metadata must not make it warn."""

import tomllib
from pathlib import Path

from packaging.licenses import canonicalize_license_expression
from packaging.requirements import Requirement
from packaging.version import Version

PYPROJECT = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())


def test_the_license_is_an_spdx_expression_not_a_deprecated_toml_table():
    license = PYPROJECT["project"]["license"]
    assert isinstance(license, str)
    assert canonicalize_license_expression(license) == "EUPL-1.2"


def test_the_build_uses_a_setuptools_that_reads_spdx_license_strings():
    (setuptools,) = [
        Requirement(item)
        for item in PYPROJECT["build-system"]["requires"]
        if Requirement(item).name == "setuptools"
    ]
    # setuptools 77 is the first release that takes `license = "<SPDX>"` (PEP 639).
    assert not setuptools.specifier.contains(Version("76.9"))
    assert setuptools.specifier.contains(Version("77.0"))
