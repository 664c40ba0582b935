"""Conversion to open surgery and the explicit clear findings of the plane and the cavity, recorded from the
command line and dumped with what they mean."""

from __future__ import annotations

import json

from tests.cli.test_cli import run
from tests.support.enrolment import ENROLMENT

USER = ("--user", "anna.coord")


def test_the_new_events_are_recorded_and_dumped_from_the_command_line(db_path):
    run("init", "--db", db_path, *USER, "--name", "Anna Coordinator")
    enrolment = ENROLMENT | {"icg_given_at": "2026-11-23T09:00:00+00:00"}
    sets = [arg for name, value in enrolment.items() for arg in ("--set", f"{name}={value}")]
    run("create", "--db", db_path, *USER, "MIM-04-001", "--centre", "04", *sets)
    steps = [
        ("incision", None),
        ("lesion_found", None),
        ("lesion_found", None),
        ("transection_start", 1),
        ("plane_clear", 1),
        ("transection_end", 1),
        ("specimen_clear", 1),
        ("cavity_clear", 1),
        ("transection_start", 2),
        ("transection_end", 2),
        ("conversion_open", None),
    ]
    for minute, (kind, lesion) in enumerate(steps):
        at = f"2026-11-24T08:{30 + minute:02d}:00+00:00"
        run("event", "--db", db_path, *USER, "MIM-04-001", kind, "--at", at, *(("--lesion", lesion) if lesion else ()))
    dump = json.loads(run("dump", "--db", db_path, *USER, "MIM-04-001").stdout)
    assert [event["kind"] for event in dump["events"]] == [kind for kind, _ in steps]
    assert dump["derived"]["converted_to_open"] is True
    first, second = dump["derived"]["lesions"]["1"], dump["derived"]["lesions"]["2"]
    # Recorded clear is false; nothing recorded is null, never "clear".
    assert (first["plane_fluorescence"], first["cavity_fluorescent"]) == (False, False)
    assert (second["plane_fluorescence"], second["cavity_fluorescent"]) == (None, None)
    # A second cavity finding for the same lesion is refused in words.
    result = run("event", "--db", db_path, *USER, "MIM-04-001", "cavity_clear", "--lesion", "1", check=False)
    assert result.returncode == 2 and "the cavity is already recorded as Cavity inspected, clear" in result.stderr
    assert run("verify", "--db", db_path).stdout.startswith("OK")


def test_one_specimen_of_two_lesions_is_recorded_from_the_command_line(db_path):
    run("init", "--db", db_path, *USER, "--name", "Anna Coordinator")
    enrolment = ENROLMENT | {"icg_given_at": "2026-11-23T09:00:00+00:00"}
    sets = [arg for name, value in enrolment.items() for arg in ("--set", f"{name}={value}")]
    run("create", "--db", db_path, *USER, "MIM-04-001", "--centre", "04", *sets)
    steps = [
        ("incision", ()),
        ("lesion_found", ()),
        ("lesion_found", ()),
        ("transection_start", ("--lesions", "1,2")),
        ("transection_end", ("--lesions", "1,2")),
        ("specimen_clear", ("--lesions", "1, 2")),
    ]
    for minute, (kind, lesions) in enumerate(steps):
        at = f"2026-11-24T08:{30 + minute:02d}:00+00:00"
        run("event", "--db", db_path, *USER, "MIM-04-001", kind, "--at", at, *lesions)
    dump = json.loads(run("dump", "--db", db_path, *USER, "MIM-04-001").stdout)
    lesions = dump["derived"]["lesions"]
    assert (lesions["1"]["specimen_fluorescent"], lesions["2"]["specimen_fluorescent"]) == (False, False)
    assert (lesions["1"]["transection_minutes"], lesions["2"]["transection_minutes"]) == (1, 1)
    # Numbers that are not lesions of the record, or not numbers, are refused in words; nothing is recorded.
    for given, words in (("1,7", "has no lesion 7"), ("1,x", "--lesions takes lesion numbers"), ("", "--lesions")):
        result = run("event", "--db", db_path, *USER, "MIM-04-001", "cavity_clear", "--lesions", given, check=False)
        assert result.returncode == 2 and words in result.stderr and "Traceback" not in result.stderr
    result = run("event", "--db", db_path, *USER, "MIM-04-001", "ablation", "--lesions", "1,2", check=False)
    assert result.returncode == 2 and "belongs to one lesion only" in result.stderr
    assert (
        json.loads(run("dump", "--db", db_path, *USER, "MIM-04-001").stdout)["events"][-1]["kind"] == "specimen_clear"
    )
    assert run("verify", "--db", db_path).stdout.startswith("OK")
