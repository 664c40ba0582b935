"""The command line catches free text that looks like an identifier before saving it, and keeps it only with a reason."""

from __future__ import annotations

import json

from tests.cli.test_cli import run
from tests.support.enrolment import ENROLMENT

NOTE = "Mr. Jan Jansen (born 12-03-1961, hospital no. 1234567)"


def enrolled(db_path):
    run("init", "--db", db_path, "--user", "anna.coord", "--name", "Anna Coordinator")
    enrolment = ENROLMENT | {"icg_given_at": "2026-11-23T09:00:00+00:00"}
    sets = [arg for name, value in enrolment.items() for arg in ("--set", f"{name}={value}")]
    run("create", "--db", db_path, "--user", "anna.coord", "MIM-04-001", "--centre", "04", *sets)
    return ["--db", db_path, "--user", "anna.coord"]


def test_a_note_is_refused_then_kept_with_a_reason(db_path):
    who = enrolled(db_path)
    note = ["MIM-04-001", "note", "--at", "2026-11-24T08:30:00+00:00", "--note", NOTE]
    refused = run("event", *who, *note, check=False)
    assert refused.returncode == 2
    assert "Note: this looks like it holds an identifier (date, long digit run, title and name)" in refused.stderr
    assert "--keep-identifier REASON" in refused.stderr
    assert "Traceback" not in refused.stderr
    dumped = json.loads(run("dump", *who, "MIM-04-001").stdout)
    assert dumped["events"] == []
    run("event", *who, *note, "--keep-identifier", "the surgeon asked for it")
    audit = run("audit", *who, "MIM-04-001", "--json").stdout
    kept = [line for line in json.loads(audit)["entries"] if line["kind"] == "identifier"]
    assert [line["reason"] for line in kept] == ["the surgeon asked for it"]


def test_a_complication_description_and_a_strike_reason_are_refused(db_path):
    who = enrolled(db_path)
    event = run("event", *who, "MIM-04-001", "incision", "--at", "2026-11-24T08:30:00+00:00").stdout.strip()
    added = run("add-complication", *who, "MIM-04-001", f"description={NOTE}", "clavien_dindo=I", check=False)
    assert added.returncode == 2 and "looks like it holds an identifier" in added.stderr
    struck = run("strike", *who, event, "--reason", "call 06-12345678", check=False)
    assert struck.returncode == 2 and "Reason: this looks like" in struck.stderr
    dumped = json.loads(run("dump", *who, "MIM-04-001").stdout)
    assert dumped["complications"] == [] and not dumped["events"][0]["struck"]


def test_a_kept_note_is_redacted_from_the_command_line_and_verify_passes(db_path):
    who = enrolled(db_path)
    note = ["MIM-04-001", "note", "--at", "2026-11-24T08:30:00+00:00", "--note", NOTE]
    run("event", *who, *note, "--keep-identifier", "dictated")
    redacted = run("redact", *who, "MIM-04-001", "--reason", "the patient's name", stdin=NOTE + "\n")
    assert "now read [redacted]" in redacted.stdout
    dumped = json.loads(run("dump", *who, "MIM-04-001").stdout)
    assert [event["note"] for event in dumped["events"]] == ["[redacted]"]
    assert "Jansen" not in run("audit", *who, "MIM-04-001").stdout
    assert b"Jansen" not in db_path.read_bytes()
    assert run("verify", "--db", db_path).returncode == 0
    refused = run("redact", *who, "MIM-04-001", "--text", "nothing like it", "--reason", "r", check=False)
    assert refused.returncode == 2 and "nothing was redacted" in refused.stderr
