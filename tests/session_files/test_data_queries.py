"""Data queries through the services, on real databases: who may raise them, what they may name, the automatic
checks, older databases of both kinds upgraded, the office's key file, and the record's History on the laptop."""

from __future__ import annotations

import json
import shutil
import sqlite3
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from mimic_desktop.domain import derive
from mimic_desktop.domain.data_queries import target
from mimic_desktop.domain.errors import MimicError, NotFound, PermissionDenied, ReasonRequired, ValidationError
from mimic_desktop.domain.roles import Role
from mimic_desktop.exchange import query_file, session_file
from mimic_desktop.services import audit_history, central_import, data_queries, office_key, query_answers
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.central_import import Outcome
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.storage import audit
from mimic_desktop.storage import central as central_storage
from mimic_desktop.storage.connection import open_store
from tests.support.office import data_manager, office_user
from tests.support.session_files import members, with_record

V1 = Path(__file__).parents[1] / "data" / "schema_v1.sqlite"
MARGIN = target("lesion", "margin_mm", 1)


@pytest.fixture
def imported(laptop, central_store, importer):
    """MIM-01-001, finished on the laptop and imported at the office."""
    proc_id = laptop.record(50)
    assert importer.import_file(laptop.export(proc_id)).outcome is Outcome.NEW
    return proc_id


def test_only_a_data_manager_raises_and_a_refusal_is_kept(imported, central_store):
    statistician = office_user(central_store, "stan", Role.STATISTICIAN)
    with pytest.raises(PermissionDenied, match="Only a data manager can raise, close or send data queries"):
        data_queries.raise_query(central_store, statistician, "MIM-01-001", MARGIN, "Margin?")
    refusals = central_store.conn.execute("SELECT new_value FROM audit WHERE entity='access'").fetchall()
    assert any("query" in row[0] for row in refusals)
    assert data_queries.queries(central_store) == []


@pytest.mark.parametrize(
    ("study_id", "aim", "text", "error", "words"),
    [
        ("MIM-01-001", MARGIN, "", ValidationError, "Write the question"),
        ("MIM-01-001", MARGIN, "   \n ", ValidationError, "Write the question"),
        ("MIM-01-001", MARGIN, "Margin\x07?", ValidationError, "invisible control characters"),
        ("MIM-01-001", MARGIN, "x" * 2001, ValidationError, "at most 2000 characters"),
        ("MIM-01-001", target("lesion", "margin_mm", 99), "Margin?", NotFound, "has no lesion 99, Resection margin"),
        ("MIM-01-001", target("complication", "onset_date", 1), "When?", NotFound, "has no complication 1"),
        ("MIM-01-001", target("event", event_id=2**63 - 1), "When?", NotFound, "has no event"),
        ("MIM-09-001", MARGIN, "Margin?", NotFound, "no imported record with study ID MIM-09-001"),
    ],
)
def test_a_query_names_what_the_current_record_has(imported, central_store, study_id, aim, text, error, words):
    with pytest.raises(error, match=words.replace("(", r"\(").replace("?", r"\?")):
        data_queries.raise_query(central_store, data_manager(central_store), study_id, aim, text)
    assert data_queries.queries(central_store) == []


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("lesion", "age", 1), "'age' is not a field of the lesion form"),
        (("field", "margin_mm"), "'margin_mm' is not a field of the procedure form"),
        (("lesion", "margin_mm", 0), "names its number"),
        (("lesion", "margin_mm", 2**63), "names its number"),
        (("event", None, None, -1), "names the event's id"),
        (("=cmd", "age"), "is not a kind of query target"),
    ],
)
def test_a_target_is_checked_against_the_forms(args, words):
    with pytest.raises(ValidationError, match=words):
        target(*args)


def test_closing_and_asking_again_follow_the_answer(imported, central_store):
    manager = data_manager(central_store)
    number = data_queries.raise_query(central_store, manager, "MIM-01-001", MARGIN, "Margin?")
    with pytest.raises(ValidationError, match="Only an answered query can be asked again"):
        data_queries.ask_again(central_store, manager, number, "Again?")
    with pytest.raises(ReasonRequired, match="give the reason for withdrawing it"):
        data_queries.close(central_store, manager, number)
    closed = data_queries.close(central_store, manager, number, "raised on the wrong record")
    assert (closed.status, closed.close_reason) == ("closed", "raised on the wrong record")
    with pytest.raises(ValidationError, match="is closed already"):
        data_queries.close(central_store, manager, number, "again")
    for missing in (0, -1, 2**63, 10**30):
        with pytest.raises(NotFound, match="There is no query"):
            data_queries.close(central_store, manager, missing, "x")
    trail = central_store.conn.execute("SELECT old_value, new_value FROM audit WHERE entity='query'").fetchall()
    assert [json.loads(new)["status"] for _, new in trail] == ["open", "closed"]
    assert json.loads(trail[1][0])["status"] == "open", "the trail keeps what the query was before"
    assert central_storage.trail_problems(central_store.conn) == []


def test_a_query_changed_outside_the_application_is_found(imported, central_store):
    data_queries.raise_query(central_store, data_manager(central_store), "MIM-01-001", MARGIN, "Margin?")
    central_store.conn.execute("UPDATE queries SET text = 'something else'")
    central_store.conn.commit()
    assert [str(problem) for problem in central_storage.trail_problems(central_store.conn)] == [
        "query 1 is not what the audit trail recorded (changed outside the application)"
    ]


def test_the_automatic_checks_raise_each_finding_once(laptop, central_store, importer):
    """A margin under 1 mm without the R1 type, and a complication after day 90, in a record the office received."""
    proc_id = laptop.record(51, lesions=2, complication=True)
    surgery = derive.surgery_date(laptop.service.load(proc_id))
    later = (surgery + timedelta(days=120)).isoformat()

    def unusual(record: dict) -> None:
        lesion = record["record"]["lesions"][0]["values"]
        lesion["margin_mm"] = 0.5
        lesion.pop("r1_type", None)
        record["record"]["complications"][0]["values"]["onset_date"] = later

    data = with_record(laptop.export(proc_id).read_bytes(), laptop.key_path, unusual)
    assert importer.import_bytes(data, "MIM-01-001-v1.mimic").outcome is Outcome.NEW
    manager = data_manager(central_store)
    raised = data_queries.run_checks(central_store, manager)
    rows = data_queries.queries(central_store)
    assert [row.id for row in rows] == raised and len(raised) == 2
    assert [(row.target_kind, row.field, row.item_number, row.origin) for row in rows] == [
        ("lesion", "r1_type", 1, "margin_without_r1_type"),
        ("complication", "onset_date", 1, "complication_after_follow_up"),
    ]
    assert "margin of 0.5 mm (R1)" in rows[0].text and "began 120 days after surgery" in rows[1].text
    assert json.loads(rows[1].value_raised) == later
    assert data_queries.run_checks(central_store, manager) == [], "a finding is asked about once"


def test_the_office_key_is_made_once_and_private(tmp_path):
    key_path = tmp_path / "config" / "office-signing-key.pem"
    first = office_key.write_public_key(tmp_path / "office.pem")
    assert stat.S_IMODE(key_path.stat().st_mode) == 0o600
    assert office_key.write_public_key(tmp_path).fingerprint == first.fingerprint
    assert (tmp_path / f"mimic-office-key-{first.key_id[:8]}.pem").exists()


def _query_file_for(tmp_path: Path, centre: str, study_id: str) -> Path:
    sent = query_file.SentQuery(
        7, 1, study_id, target("field", "cea"), "Is the CEA in ng/mL?", "2026-12-01T10:00:00+00:00", "Dana Data"
    )
    path = tmp_path / "q.mimicq"
    path.write_bytes(query_file.write(centre, "2026-12-01T10:00:00+00:00", [sent], office_key.load_or_create()))
    return path


def test_an_older_laptop_database_takes_queries_and_answers(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(V1, path)
    store = open_store(path)
    accounts = AccountService(store)
    coordinator = accounts.create_user("new.coord", "New", "coordinator", "long enough", by=accounts.users()[0])
    office_key.write_public_key(tmp_path / "office.pem")
    with pytest.raises(MimicError, match="No trial office key is registered"):
        query_answers.import_file(store, coordinator, _query_file_for(tmp_path, "02", "MIM-02-001"))
    query_answers.trust_office(store, coordinator, tmp_path / "office.pem")
    result = query_answers.import_file(store, coordinator, _query_file_for(tmp_path, "02", "MIM-02-001"))
    assert result.new == [7]
    service = ProcedureService(store, coordinator)
    query_answers.answer(service, 7, "Yes, ng/mL.")
    proc = service.find("MIM-02-001")
    lines = audit_history.history(store, proc, "nl")
    assert [(line.kind, line.what, line.new) for line in lines if line.kind == "query"] == [
        ("query", "Query 7 van het studiebureau (ronde 1), over Serum CEA", "Is the CEA in ng/mL?"),
        ("query", "Query 7 beantwoord", "Yes, ng/mL."),
    ]
    assert audit.check(store.conn).ok
    store.close()


def test_a_surgeon_does_not_register_the_office_key_and_a_bad_key_file_is_named(laptop, tmp_path):
    store = laptop.service.store
    surgeon = AccountService(store).sign_in("sam.surgeon", "steady hands 42")
    office_key.write_public_key(tmp_path / "office.pem")
    with pytest.raises(PermissionDenied):
        query_answers.trust_office(store, surgeon, tmp_path / "office.pem")
    (tmp_path / "bad.pem").write_text('=HYPERLINK("x")\n')
    with pytest.raises(MimicError, match="is not a public key file"):
        query_answers.trust_office(store, laptop.service.user, tmp_path / "bad.pem")
    with pytest.raises(MimicError, match="expected the PEM file written by `mimic-central office-key`"):
        query_answers.trust_office(store, laptop.service.user, store.path)
    with pytest.raises(MimicError, match="Cannot read the key file"):
        query_answers.trust_office(store, laptop.service.user, tmp_path / "missing.pem")
    assert query_answers.office_key(store) is None


def test_an_older_central_database_is_upgraded_with_its_queries_table(tmp_path, laptop, central_store, importer):
    importer.import_file(laptop.export(laptop.record(82)))
    path = tmp_path / "older.sqlite"
    older = sqlite3.connect(path)
    central_store.conn.backup(older)  # the database as it stands, then as it stood before the queries existed
    older.execute("DROP TABLE queries")
    older.execute("DELETE FROM _sqlite_migrations WHERE name = 'm007_data_queries'")
    older.commit()
    older.close()

    store = central_import.open_existing(path)
    assert "m007_data_queries" in central_storage.central_migrations.applied_names(store.conn)
    number = data_queries.raise_query(store, data_manager(store), "MIM-01-001", MARGIN, "Margin?")
    assert [row.id for row in data_queries.queries(store, centre="01", status="open")] == [number]
    assert central_storage.trail_problems(store.conn) == []
    store.close()


def test_an_answer_to_a_query_the_office_never_asked_changes_nothing(imported, laptop, central_store, importer):
    manager = data_manager(central_store)
    number = data_queries.raise_query(central_store, manager, "MIM-01-001", MARGIN, "Margin?")
    data = laptop.export(imported).read_bytes()

    def answers(record: dict) -> None:
        when = record["exported_at"]
        record["query_answers"] = [
            {"query_id": number, "round": 2, "text": "To a later round", "answered_at": when, "answered_by": "x"},
            {"query_id": 99, "round": 1, "text": "To nothing", "answered_at": when, "answered_by": "x"},
        ]

    assert importer.import_bytes(with_record(data, laptop.key_path, answers), "v2.mimic").outcome is Outcome.SUPERSEDING
    assert [row.status for row in data_queries.queries(central_store)] == ["open"]
    assert json.loads(members(data)[session_file.RECORD]).get("query_answers") is None


def test_the_summary_pdf_lists_the_queries_with_their_answers(laptop, tmp_path):
    import re

    from pypdf import PdfReader

    from mimic_desktop.services.documents import write_summary_pdf

    store, service = laptop.service.store, laptop.service
    proc_id = laptop.record(50)
    office_key.write_public_key(tmp_path / "office.pem")
    query_answers.trust_office(store, service.user, tmp_path / "office.pem")
    sent = [
        query_file.SentQuery(
            4, 1, "MIM-01-001", MARGIN, "Please check the <margin>.", "2026-12-01T10:00:00+00:00", "D"
        ),
        query_file.SentQuery(
            5, 1, "MIM-01-001", target("field", "cea"), "Is the CEA right?", "2026-12-01T10:00:00+00:00", "D"
        ),
    ]
    path = tmp_path / "q.mimicq"
    path.write_bytes(query_file.write("01", "2026-12-01T10:00:00+00:00", sent, office_key.load_or_create()))
    query_answers.import_file(store, service.user, path)
    query_answers.answer(service, 4, "Checked: the report says 4 mm.")
    for lang, words in (
        ("en", ("Queries from the trial office", "open")),
        ("nl", ("Query's van het studiebureau", "open")),
    ):
        pdf = write_summary_pdf(service, proc_id, tmp_path / f"summary-{lang}.pdf", lang)
        whole = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(pdf).pages))
        assert words[0] in whole
        assert "Please check the <margin>." in whole and "Checked: the report says 4 mm." in whole
        assert "Is the CEA right?" in whole
