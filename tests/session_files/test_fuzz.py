"""Malformed and mutated files fed to the importer: no crash, no partial import, every rejection with a reason.

The mutants are described in tests/support/session_mutants.py. A few hundred examples run by
default, ten thousand under `-m slow`.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from mimic_desktop.services import central_import, centre_keys
from tests.support.office import data_manager
from tests.support.session_mutants import Target, build, fuzz, import_problems, mutants, reason_kind

from .test_rejections import source  # noqa: F401 - the shared exported file


@pytest.fixture
def fuzz_target(tmp_path, source):  # noqa: F811 - source is the shared fixture
    store = central_import.init_central(tmp_path / "central.sqlite")
    centre_keys.register_centre(store, data_manager(store), "01", source.public_key)
    yield Target(store, source)
    store.close()


FUZZ = {"deadline": None, "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]}


def feed(target: Target, mutant) -> None:
    _, problems = import_problems(target.importer, target.store, build(target, mutant))
    assert problems == []


@settings(max_examples=300, **FUZZ)
@given(mutant=mutants)
def test_mutated_files_never_crash_the_importer_nor_import_in_part(fuzz_target, mutant):
    feed(fuzz_target, mutant)


@pytest.mark.slow
@settings(max_examples=10_000, **FUZZ)
@given(mutant=mutants)
def test_ten_thousand_mutated_files(fuzz_target, mutant):
    feed(fuzz_target, mutant)


def test_the_report_counts_every_file_and_sorts_the_reasons(fuzz_target):
    report = fuzz(fuzz_target, examples=60, seed_value=3)
    assert report.files == sum(report.outcomes.values()) == sum(report.by_mutation.values()) == 60
    assert report.problems == []
    assert sum(report.reasons.values()) == report.outcomes["rejected"] > 0
    assert reason_kind("The member 'summary.pdf' is missing.") == reason_kind("The member 'record.json' is missing.")
    schema = "The record does not match the session record schema: record.json.record.values"
    assert reason_kind(f"{schema}.age: 7 is below 18") == reason_kind(f"{schema}.cea: -2 is below 0")
    assert (
        reason_kind(f"{schema}.lesions[0]: id is missing")
        == f"{schema[: schema.index(': record')]}: a required key is missing"
    )
