"""The session file carries the record's change history, and the trial office compares two versions with it.

A record is exported, corrected on the laptop with reasons (a value, a lesion's value, a complication removed), and
exported again; both files are imported. The comparison names every changed value with the laptop account, the
moment and the reason; a file of format version 1 (no history) still imports and compares, "reason not carried".
"""

from __future__ import annotations

import json

import pytest

from mimic_desktop.domain.errors import NotFound, ValidationError
from mimic_desktop.exchange import change_history, record_json, session_file
from mimic_desktop.services import central_record
from mimic_desktop.services.central_import import Outcome
from mimic_desktop.storage import users
from tests.support.office import run_central
from tests.support.session_files import members, with_record

REASONS = {
    "blood_loss_ml": "anaesthesia chart read again",
    "size_mm": "pathology report received",
    "removed": "entered twice",
}


def corrected_twice(laptop, *, complications: bool = True) -> tuple[str, bytes, bytes]:
    """A record exported, corrected (with reasons) and exported again: its id and both files' bytes."""
    proc_id = laptop.record(7, lesions=2, complication=complications)
    first = laptop.export(proc_id).read_bytes()
    service = laptop.service
    proc = service.load(proc_id)
    service.set_values(proc_id, {"blood_loss_ml": 1234}, reason=REASONS["blood_loss_ml"])
    lesion = proc.lesions[0]
    service.set_values(proc_id, {"size_mm": 42.5}, entity="lesion", entity_id=lesion.id, reason=REASONS["size_mm"])
    if complications:
        service.remove_complication(proc_id, proc.complications[0].id, REASONS["removed"])
    second = laptop.export(proc_id).read_bytes()
    return proc_id, first, second


def record_of(data: bytes) -> dict:
    return json.loads(members(data)[session_file.RECORD])


def test_the_file_carries_the_history_by_account_id(laptop):
    _, _, second = corrected_twice(laptop)
    record = record_of(second)
    assert record["format_version"] == record_json.FORMAT_VERSION >= 2
    history = record[change_history.KEY]
    account = users.account_ids(laptop.service.store.conn)["anna.coord"]
    by_reason = {entry["reason"]: entry for entry in history if entry["reason"]}
    assert by_reason[REASONS["blood_loss_ml"]]["new"] == 1234
    assert by_reason[REASONS["blood_loss_ml"]]["account"] == account
    assert by_reason[REASONS["size_mm"]]["entity"] == "lesion"
    assert by_reason[REASONS["removed"]]["field"] == "removed"
    # Pseudonymous: no user name of the laptop anywhere in what the history says.
    assert "anna.coord" not in json.dumps(history)
    assert all(entry["entity"] in change_history.CARRIED_ENTITIES for entry in history)
    assert [entry["seq"] for entry in history] == sorted(entry["seq"] for entry in history)


def test_v1_to_v2_shows_every_changed_value_with_its_reason(laptop, importer, central_store):
    proc_id, first, second = corrected_twice(laptop)
    study_id = laptop.service.load(proc_id).study_id
    for data, name in ((first, "v1.mimic"), (second, "v2.mimic")):
        assert importer.import_bytes(data, name).outcome in {Outcome.NEW, Outcome.SUPERSEDING}
    comparison = central_record.compare(central_store, study_id, 1, 2)
    assert comparison.history_carried
    changed = {(c.section, c.what): c for c in comparison.changes}
    blood = changed[("Record", "Estimated blood loss")]
    assert (blood.old, blood.new) != (blood.new, blood.old)
    assert "1234" in blood.new.replace(",", "").replace(" ", "")
    assert [w.reason for w in blood.why] == [REASONS["blood_loss_ml"]]
    account = users.account_ids(laptop.service.store.conn)["anna.coord"]
    assert blood.why[0].who == f"#{account}"
    size = next(c for c in comparison.changes if c.section == "Lesion 1" and "42.5" in c.new)
    assert [w.reason for w in size.why] == [REASONS["size_mm"]]
    gone = [c for c in comparison.changes if c.section == "Complication 1"]
    assert gone and all(c.new == "removed from the record" for c in gone)
    assert all(REASONS["removed"] in [w.reason for w in c.why] for c in gone)
    # Every changed value has at least one entry behind it: nothing unexplained.
    assert all(c.why and all(w.reason or w.who for w in c.why) for c in comparison.changes)
    # Nothing that did not change is listed.
    assert not any(c.old == c.new for c in comparison.changes)
    # In Dutch too.
    dutch = central_record.compare(central_store, study_id, 2, 1, lang="nl")
    assert (dutch.older, dutch.newer) == (1, 2)
    assert any(c.section == "Complicatie 1" for c in dutch.changes)


def test_a_version_1_file_imports_and_compares_with_reason_not_carried(laptop, importer, central_store):
    proc_id, first, second = corrected_twice(laptop, complications=False)
    study_id = laptop.service.load(proc_id).study_id

    def as_version_1(record: dict) -> None:
        record["format_version"] = 1
        del record[change_history.KEY]

    old_first = with_record(first, laptop.key_path, as_version_1)
    old_second = with_record(second, laptop.key_path, as_version_1)
    assert importer.import_bytes(old_first, "v1.mimic").outcome is Outcome.NEW
    assert importer.import_bytes(old_second, "v2.mimic").outcome is Outcome.SUPERSEDING
    assert [v.carries_history for v in central_record.versions(central_store, study_id)] == [False, False]
    comparison = central_record.compare(central_store, study_id, 1, 2)
    assert not comparison.history_carried
    assert {c.what for c in comparison.changes} >= {"Estimated blood loss"}
    assert all([w.reason for w in c.why] == ["reason not carried"] for c in comparison.changes)


def test_a_record_view_holds_every_value_lesion_complication_and_event(laptop, importer, central_store):
    proc_id = laptop.record(11, lesions=3, complication=True)
    importer.import_bytes(laptop.export(proc_id).read_bytes(), "v1.mimic")
    proc = laptop.service.load(proc_id)
    version, lines = central_record.view(central_store, proc.study_id.lower())
    assert version.version == 1 and version.current and version.carries_history
    sections = {line.section for line in lines}
    assert {"Record", "Lesion 1", "Lesion 2", "Lesion 3", "Complication 1", "Events"} <= sections
    assert sum(1 for line in lines if line.section == "Events") == len(proc.events)
    assert sum(1 for line in lines if line.section == "Record") == len(proc.values)


def test_unknown_study_id_and_version_are_named(laptop, importer, central_store):
    proc_id = laptop.record(3, lesions=1)
    importer.import_bytes(laptop.export(proc_id).read_bytes(), "v1.mimic")
    study_id = laptop.service.load(proc_id).study_id
    with pytest.raises(NotFound, match="MIM-99-999"):
        central_record.view(central_store, "MIM-99-999")
    with pytest.raises(NotFound, match="no version 9"):
        central_record.view(central_store, study_id, 9)
    with pytest.raises(NotFound, match="no version"):
        central_record.view(central_store, study_id, 2**63 - 1)
    with pytest.raises(ValidationError):
        central_record.compare(central_store, study_id, 1, 1)


# -- on the command line ------------------------------------------------------------------------------------------
def test_compare_and_record_on_the_command_line(laptop, importer, central_store, capsys):
    proc_id, first, second = corrected_twice(laptop)
    study_id = laptop.service.load(proc_id).study_id
    importer.import_bytes(first, "v1.mimic")
    importer.import_bytes(second, "v2.mimic")
    db = central_store.path
    capsys.readouterr()
    assert run_central("compare", "--db", db, study_id, "1", "2") == 0
    out = capsys.readouterr().out
    assert f"{study_id}: version 1 against version 2" in out
    for reason in REASONS.values():
        assert reason in out
    assert "Record / Estimated blood loss: 50 mL -> 1234 mL" in out
    assert run_central("compare", "--db", db, study_id, "1", "2", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["history_carried"] is True
    reasons = {why["reason"] for change in data["changes"] for why in change["why"]}
    assert reasons == set(REASONS.values())
    assert run_central("compare", "--db", db, study_id, "1", "2", "--lang", "nl") == 0
    assert "versie 1 tegenover versie 2" in capsys.readouterr().out

    assert run_central("record", "--db", db, study_id, "--version", "1") == 0
    out = capsys.readouterr().out
    assert "version 1 of 2 (superseded)" in out
    assert "Estimated blood loss: 50 mL" in out and "Complication 1" in out
    assert run_central("record", "--db", db, study_id, "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["version"]["version"] == 2 and data["version"]["current"]
    assert {"section": "Record", "what": "Estimated blood loss", "value": "1234 mL"} in data["lines"]


def test_the_command_line_names_what_it_cannot_show(laptop, importer, central_store, capsys):
    proc_id = laptop.record(5, lesions=1)
    importer.import_bytes(laptop.export(proc_id).read_bytes(), "v1.mimic")
    study_id = laptop.service.load(proc_id).study_id
    db = central_store.path
    capsys.readouterr()
    assert run_central("record", "--db", db, "MIM-01-999") == 2
    assert capsys.readouterr().err.strip() == "error: No session of MIM-01-999 has been imported."
    assert run_central("compare", "--db", db, study_id, "1", str(2**63)) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "has no version" in err and "Traceback" not in err
    assert run_central("compare", "--db", db, study_id, "1", "-1", "--lang", "nl") == 2
    assert "heeft geen versie -1" in capsys.readouterr().err
