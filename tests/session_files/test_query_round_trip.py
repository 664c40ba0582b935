"""Data queries from the trial office to a centre and back, through both command lines and two real databases:
three queries raised (one on a lesion's margin), sent in a signed query file, imported on the laptop, one answered
in words, one answered with a corrected value, the record exported again (record.json version 2) and imported at
the office, which sees two answered with the new value and one still open; re-importing either file changes
nothing; an altered file, one signed by another key and one for another centre are refused with their reason."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest

from mimic_desktop.cli import main as desktop_cli
from mimic_desktop.exchange import query_file, session_file, signing_keys
from tests.support.office import DATA_MANAGER, run_central
from tests.support.session_files import members

STUDY_ID = "MIM-01-001"


def desktop(*args: object) -> int:
    return desktop_cli.main([str(a) for a in args])


def query(action: str, *args: object) -> int:
    """`mimic-central query ACTION ...` as the data manager."""
    return run_central("query", action, "--user", DATA_MANAGER, *args)


def laptop_args(db, *args: object) -> list[object]:
    return [*args[:2], "--db", db, "--user", "anna.coord", *args[2:]]


def table_digest(db, table: str) -> str:
    """A digest of every row of a table: equal digests mean nothing changed."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
    finally:
        conn.close()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


@pytest.fixture
def two_sides(laptop, tmp_path, monkeypatch, capsys):
    """A finished record exported and imported at the office; the office's key registered on the laptop."""
    monkeypatch.setenv("MIMIC_PASSWORD", "correct horse")
    laptop.record(50, lesions=2)
    db = laptop.service.store.path
    central_db = tmp_path / "central.sqlite"
    assert desktop("export-key", "--out", tmp_path / "centre.pem") == 0
    assert run_central("init", "--db", central_db) == 0
    assert run_central("add-centre", "--db", central_db, "01", tmp_path / "centre.pem") == 0
    assert desktop("export", "--db", db, "--user", "anna.coord", STUDY_ID, "--out", laptop.out) == 0
    assert run_central("import", "--db", central_db, laptop.out / f"{STUDY_ID}-v1.mimic") == 0
    assert run_central("office-key", "--db", central_db, "--out", tmp_path / "office.pem") == 0
    assert desktop("trust-office", "--db", db, "--user", "anna.coord", tmp_path / "office.pem") == 0
    capsys.readouterr()
    return db, central_db


def central_lines(central_db, capsys, *options: object) -> list[list[str]]:
    assert query("list", "--db", central_db, *options) == 0
    return [line.split("\t") for line in capsys.readouterr().out.splitlines()]


def test_the_whole_round_trip(two_sides, laptop, tmp_path, capsys):
    db, central_db = two_sides
    proc = laptop.service.find(STUDY_ID)
    margin_before = proc.lesions[0].get("margin_mm")
    event_id = proc.events[0].id
    raised = [
        ("--field", "margin_mm", "--lesion", 1, "Please check the margin against the pathology report."),
        ("--field", "blood_loss_ml", "Is the blood loss right? It is unusual for a wedge resection."),
        ("--event", event_id, "Was the inspection really this early?"),
    ]
    for number, options in enumerate(raised, start=1):
        *target, text = options
        assert query("raise", "--db", central_db, STUDY_ID, text, *target) == 0
        assert f"Query {number} raised on {STUDY_ID}" in capsys.readouterr().out
    queries_file = tmp_path / "queries-01.mimicq"
    assert query("send", "--db", central_db, "--centre", "01", "--out", queries_file) == 0
    assert "3 queries for centre 01" in capsys.readouterr().out
    # Sent once: nothing new to send.
    assert query("send", "--db", central_db, "--centre", "01", "--out", tmp_path / "again.mimicq") == 2
    assert "has no open query that it has not been sent" in capsys.readouterr().err

    assert desktop(*laptop_args(db, "queries", "import", queries_file)) == 0
    assert capsys.readouterr().out.startswith("queries-01.mimicq: 3 new quer(y/ies), 0 asked again, 0 received before")
    before = table_digest(db, "received_queries")
    assert desktop(*laptop_args(db, "queries", "import", queries_file)) == 0
    assert "0 new quer(y/ies), 0 asked again, 3 received before" in capsys.readouterr().out
    assert table_digest(db, "received_queries") == before

    assert desktop(*laptop_args(db, "queries", "list", STUDY_ID, "--open")) == 0
    listed = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [row[:4] for row in listed] == [
        ["1", STUDY_ID, "lesion 1, Resection margin", "open"],
        ["2", STUDY_ID, "Estimated blood loss", "open"],
        ["3", STUDY_ID, f"event {event_id}", "open"],
    ]
    assert listed[0][6] == f"value now: {margin_before}"

    # Answered in words; answered with the value corrected (the record is locked: the reason is asked for).
    assert desktop(*laptop_args(db, "queries", "answer", 2, "Checked with the anaesthetic chart: it is right.")) == 0
    assert desktop(*laptop_args(db, "queries", "answer", 1, "Corrected.", "--value", "2.5")) == 2
    assert "give a reason for the change" in capsys.readouterr().err
    answer = ("queries", "answer", 1, "Re-read the pathology report: 2.5 mm.", "--value", "2.5")
    assert desktop(*laptop_args(db, *answer, "--reason", "pathology report re-read")) == 0
    proc = laptop.service.find(STUDY_ID)
    assert proc.lesions[0].get("margin_mm") == 2.5 and proc.locked
    history = laptop.service.audit_trail(proc.id)
    assert {(row["entity"], row["field"]) for row in history} >= {
        ("received_query", "received"),
        ("received_query", "answered"),
    }

    assert desktop("export", "--db", db, "--user", "anna.coord", STUDY_ID, "--out", laptop.out) == 0
    capsys.readouterr()
    v2 = laptop.out / f"{STUDY_ID}-v2.mimic"
    record = json.loads(members(v2.read_bytes())[session_file.RECORD])
    assert record["format_version"] >= 2
    assert [(a["query_id"], a["round"]) for a in record["query_answers"]] == [(1, 1), (2, 1)]

    assert run_central("import", "--db", central_db, v2) == 0
    capsys.readouterr()
    rows = {row[0]: row for row in central_lines(central_db, capsys)}
    assert [rows[n][4] for n in ("1", "2", "3")] == ["answered", "answered", "open"]
    assert f"value then: {margin_before}" in rows["1"] and "value in v2: 2.5" in rows["1"]
    assert "answer: Re-read the pathology report: 2.5 mm." in rows["1"]
    assert "answer: Checked with the anaesthetic chart: it is right." in rows["2"]
    assert [row[0] for row in central_lines(central_db, capsys, "--status", "open")] == ["3"]

    # Re-importing either file changes nothing.
    queries_before = table_digest(central_db, "queries")
    assert run_central("import", "--db", central_db, v2) == 0
    assert "1 duplicate(s)" in capsys.readouterr().out
    assert table_digest(central_db, "queries") == queries_before
    assert desktop(*laptop_args(db, "queries", "import", queries_file)) == 0
    assert "3 received before" in capsys.readouterr().out

    # Closing an answered query, asking another again: the next file carries the new round only.
    assert query("close", "--db", central_db, 2) == 0
    assert query("again", "--db", central_db, 1, "Which report: the first or the revised one?") == 0
    capsys.readouterr()
    second = tmp_path / "queries-01-second.mimicq"
    assert query("send", "--db", central_db, "--centre", "01", "--out", second) == 0
    sent = json.loads(members(second.read_bytes())[query_file.QUERIES])["queries"]
    assert [(q["id"], q["round"]) for q in sent] == [(1, 2)]
    assert desktop(*laptop_args(db, "queries", "import", second)) == 0
    assert "0 new quer(y/ies), 1 asked again" in capsys.readouterr().out
    assert run_central("verify", "--db", central_db) == 0
    assert desktop("verify", "--db", db) == 0


def tampered_copies(original: bytes) -> dict[str, tuple[bytes, str]]:
    """The query file altered in its content, re-signed by another key, and signed properly for another centre."""
    from mimic_desktop.services import office_key

    parts = members(original)
    body = parts[query_file.QUERIES]
    altered = session_file.container(
        {**parts, query_file.QUERIES: body.replace(b"margin", b"margjn")}, query_file.MEMBERS
    )
    other_key = signing_keys.new_private_key()
    content = json.loads(body)
    sent = [
        query_file.SentQuery(
            q["id"],
            q["round"],
            q["study_id"],
            query_file.data_queries.target_from_dict(q["target"]),
            q["text"],
            q["raised_at"],
            q["raised_by"],
        )
        for q in content["queries"]
    ]
    foreign = query_file.write("01", content["issued_at"], sent, other_key)
    elsewhere = query_file.write("02", content["issued_at"], sent, office_key.load_or_create())
    return {
        "altered": (altered, "does not match its SHA-256 and size in the signed manifest"),
        "another key": (foreign, "is signed by another key"),
        "another centre": (elsewhere, "holds queries for centre 02; this laptop is centre 01"),
        "a flipped byte": (original[:-40] + bytes([original[-40] ^ 1]) + original[-39:], "altered"),
        "not a ZIP": (b"=cmd|' /C calc'!A0", "is not a readable ZIP archive"),
    }


def test_altered_foreign_and_misdirected_files_are_refused(two_sides, tmp_path, capsys):
    db, central_db = two_sides
    assert query("raise", "--db", central_db, STUDY_ID, "Margin?", "--field", "margin_mm", "--lesion", 1) == 0
    good = tmp_path / "good.mimicq"
    assert query("send", "--db", central_db, "--centre", "01", "--out", good) == 0
    capsys.readouterr()
    for name, (data, reason) in tampered_copies(good.read_bytes()).items():
        path = tmp_path / f"{name}.mimicq"
        path.write_bytes(data)
        assert desktop(*laptop_args(db, "queries", "import", path)) == 2, name
        err = capsys.readouterr().err
        assert err.startswith("error: ") and reason in err and "Traceback" not in err, (name, err)
    assert desktop(*laptop_args(db, "queries", "list")) == 0
    assert capsys.readouterr().out == ""  # nothing was kept from a refused file
    assert desktop(*laptop_args(db, "queries", "import", tmp_path / "missing.mimicq")) == 2
    assert "Cannot read the query file" in capsys.readouterr().err
    assert desktop(*laptop_args(db, "queries", "import", db)) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_a_version_1_record_without_answers_still_imports(laptop, central_store, importer):
    """Records exported before record.json version 2 carry no query answers and import as they are."""
    from mimic_desktop.services.central_import import Outcome
    from tests.support.session_files import with_record

    v2 = laptop.export(laptop.record(50)).read_bytes()
    assert json.loads(members(v2)[session_file.RECORD])["format_version"] >= 2
    v1 = with_record(v2, laptop.key_path, lambda record: record.update(format_version=1))
    result = importer.import_bytes(v1, "MIM-01-001-v1.mimic")
    assert result.outcome is Outcome.NEW, result.message
    with_answers = with_record(
        v2,
        laptop.key_path,
        lambda record: record.update(
            session_version=2, query_answers=[{"query_id": 1, "round": 1, "text": "", "answered_at": "x"}]
        ),
    )
    refused = importer.import_bytes(with_answers, "a malformed answer.mimic")
    assert refused.outcome is Outcome.REJECTED and "query_answers" in refused.message


def test_a_folder_is_imported_file_by_file_naming_each_refused_one(two_sides, tmp_path, capsys):
    db, central_db = two_sides
    assert query("raise", "--db", central_db, STUDY_ID, "Margin?", "--field", "margin_mm", "--lesion", 1) == 0
    folder = tmp_path / "stick"
    folder.mkdir()
    assert query("send", "--db", central_db, "--centre", "01", "--out", folder / "b-good.mimicq") == 0
    (folder / "a-damaged.mimicq").write_bytes(b"half a file")
    capsys.readouterr()
    assert desktop(*laptop_args(db, "queries", "import", folder)) == 2
    out, err = capsys.readouterr()
    assert "a-damaged.mimicq" in err and "is not a readable ZIP archive" in err and "Traceback" not in err
    assert "b-good.mimicq" in out  # the file after the damaged one is still imported
    assert desktop(*laptop_args(db, "queries", "list")) == 0
    assert "Margin?" in capsys.readouterr().out
    empty = tmp_path / "empty"
    empty.mkdir()
    assert desktop(*laptop_args(db, "queries", "import", empty)) == 2
    err = capsys.readouterr().err
    assert str(empty) in err and "no query files (.mimicq)" in err


def test_the_laptops_query_list_speaks_dutch(two_sides, laptop, tmp_path, capsys, monkeypatch):
    """With a Dutch locale every word of `queries list` is Dutch: the target, the state, the round, the value, who
    asked and the answer."""
    db, central_db = two_sides
    assert query("raise", "--db", central_db, STUDY_ID, "Klopt de marge?", "--field", "margin_mm", "--lesion", 1) == 0
    assert query("raise", "--db", central_db, STUDY_ID, "Bloedverlies?", "--field", "blood_loss_ml") == 0
    queries_file = tmp_path / "queries-01.mimicq"
    assert query("send", "--db", central_db, "--centre", "01", "--out", queries_file) == 0
    assert desktop(*laptop_args(db, "queries", "import", queries_file)) == 0
    assert desktop(*laptop_args(db, "queries", "answer", 2, "Gecontroleerd: het klopt.")) == 0
    capsys.readouterr()
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    assert desktop(*laptop_args(db, "queries", "list", STUDY_ID)) == 0
    first, second = (line.split("\t") for line in capsys.readouterr().out.splitlines())
    assert first[2:5] == ["laesie 1, Resectiemarge", "open", "ronde 1"]
    assert first[6].startswith("waarde nu: ") and first[7].startswith("gesteld ") and " door " in first[7]
    assert second[3:5] == ["beantwoord", "ronde 1"]
    assert second[-1] == "antwoord: Gecontroleerd: het klopt."
    english = ("answered", "round", "value now", "asked", "answer:", "lesion")
    assert not [cell for cell in first + second for word in english if cell.startswith(word)]
    # The office's list too.
    office = central_lines(central_db, capsys)
    assert [row[3:6] for row in office] == [
        ["laesie 1, Resectiemarge", "open", "ronde 1"],
        ["Geschat bloedverlies", "open", "ronde 1"],
    ]
    assert all(row[7].startswith("waarde toen: ") for row in office)
    assert query("close", "--db", central_db, 1, "--reason", "niet meer nodig") == 0
    assert capsys.readouterr().out.strip() == "Query 1 gesloten."
