"""A centre's prior experience: a setting of the central database, audited, refused plainly when wrong, and counted
by the report on the central database; an older central database gains its table."""

from __future__ import annotations

import sqlite3

import pytest

from bench.analysis_report import fill
from mimic_desktop.domain.errors import PermissionDenied, ReasonRequired, ValidationError
from mimic_desktop.domain.roles import Role
from mimic_desktop.services import central_import, trial_report
from mimic_desktop.services.centre_experience import prior_experience, set_prior_experience
from mimic_desktop.storage import central
from mimic_desktop.storage.migration_set import MIGRATIONS_TABLE
from tests.support.office import data_manager, office_user, run_central


@pytest.fixture
def cohort_db(tmp_path):
    path = tmp_path / "central.sqlite"
    fill(path, 436)
    return path


def test_the_setting_is_audited_and_counted_by_the_report(cohort_db):
    before = trial_report.report_data(trial_report.central_report(cohort_db))["learning_curve"]
    store = central_import.open_existing(cohort_db)
    manager = data_manager(store)
    set_prior_experience(store, manager, "01", 4, "site survey")
    set_prior_experience(store, manager, " 01 ", 30, "site survey corrected: thirty before the trial")
    assert prior_experience(store) == {"01": 30}
    rows = store.read("SELECT username, old_value, new_value, reason FROM audit WHERE entity = 'centre_experience'")
    assert [(row["username"], row["old_value"], row["new_value"], row["reason"]) for row in rows] == [
        (manager.username, None, "4", "site survey"),
        (manager.username, "4", "30", "site survey corrected: thirty before the trial"),
    ]
    assert central.trail_problems(store.conn) == []
    store.close()

    after = trial_report.report_data(trial_report.central_report(cohort_db))["learning_curve"]
    centres = {row["centre"]: row for row in after["centres"]}
    assert centres["01"] == {
        "centre": "01",
        "prior_procedures": 30,
        "procedures_learning": 0,
        "procedures_experienced": centres["01"]["procedures_experienced"],
    }
    first_centre = {row["centre"]: row for row in before["centres"]}["01"]
    assert first_centre["procedures_learning"] == 10
    moved = first_centre["procedures_learning"]
    assert after["procedures_learning"] == before["procedures_learning"] - moved
    assert after["procedures_experienced"] == before["procedures_experienced"] + moved


def test_a_change_outside_the_application_is_found(cohort_db):
    store = central_import.open_existing(cohort_db)
    set_prior_experience(store, data_manager(store), "02", 12, "site survey")
    store.close()
    raw = sqlite3.connect(cohort_db)
    raw.execute("UPDATE centre_experience SET prior_procedures = 0 WHERE centre = '02'")
    raw.commit()
    raw.close()
    store = central_import.open_existing(cohort_db)
    assert any("prior experience of centre 02" in str(problem) for problem in central.trail_problems(store.conn))
    store.close()


@pytest.mark.parametrize(
    ("centre", "prior", "reason", "error", "words"),
    [
        ("01", -1, "survey", ValidationError, "between 0 and 100000, not -1"),
        ("01", 2**63, "survey", ValidationError, "between 0 and 100000"),
        ("01", True, "survey", ValidationError, "whole number"),
        ("01", 2.5, "survey", ValidationError, "whole number"),
        ("1", 3, "survey", ValidationError, "must be two digits"),
        ("=01", 3, "survey", ValidationError, "must be two digits"),
        ("01", 3, "  ", ReasonRequired, "Say why"),
    ],
)
def test_wrong_values_are_refused_in_words_and_nothing_is_stored(cohort_db, centre, prior, reason, error, words):
    store = central_import.open_existing(cohort_db)
    with pytest.raises(error, match=words):
        set_prior_experience(store, data_manager(store), centre, prior, reason)
    assert prior_experience(store) == {}
    store.close()


def test_only_a_data_manager_sets_it(cohort_db):
    store = central_import.open_existing(cohort_db)
    statistician = office_user(store, "stat.ician", Role.STATISTICIAN)
    with pytest.raises(PermissionDenied):
        set_prior_experience(store, statistician, "01", 3, "survey")
    assert prior_experience(store) == {}
    store.close()


def test_an_older_central_database_gains_the_setting(cohort_db):
    raw = sqlite3.connect(cohort_db)
    raw.execute("DROP TABLE centre_experience")
    raw.execute(f"DELETE FROM {MIGRATIONS_TABLE} WHERE name = 'm006_centre_experience'")
    raw.commit()
    raw.close()
    store = central_import.open_existing(cohort_db)
    assert prior_experience(store) == {}
    set_prior_experience(store, data_manager(store), "03", 11, "site survey")
    assert prior_experience(store) == {"03": 11}
    store.close()


def test_the_command_line_sets_it(cohort_db, capsys):
    store = central_import.open_existing(cohort_db)
    data_manager(store)
    store.close()
    code = run_central(
        "set-experience", "--db", cohort_db, "--centre", "05", "--prior-procedures", 12, "--reason", "survey"
    )
    assert code == 0
    assert "Centre 05: 12 procedure(s) before the trial" in capsys.readouterr().out
    code = run_central("set-experience", "--db", cohort_db, "--centre", "05", "--prior-procedures", -3, "--reason", "x")
    assert code != 0
    assert "between 0 and 100000, not -3" in capsys.readouterr().err
    store = central_import.open_existing(cohort_db)
    assert prior_experience(store) == {"05": 12}
    store.close()
