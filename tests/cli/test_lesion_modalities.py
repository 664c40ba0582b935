"""Every modality a lesion was seen with and the two-stage flag on the command line: set, dumped, and refused in
words when they contradict how the lesion was detected or where it came from."""

from __future__ import annotations

import pytest

from tests.cli.test_subject_status import ANALYSED, USER, complete_record, dump, enrolled, out_of, refused


@pytest.fixture
def db(db_path, monkeypatch, capsys):
    return enrolled(db_path, monkeypatch, capsys)


def lesion_values(capsys, db_path) -> dict:
    return dump(capsys, db_path, ANALYSED)["lesions"][0]["values"]


def test_modalities_and_the_two_stage_flag_are_set_and_dumped(db, capsys):
    complete_record(db)
    out = out_of(
        capsys,
        "set-lesion",
        "--db",
        db,
        *USER,
        ANALYSED,
        "1",
        "seen_with=ious,preop_imaging,icg",
        "two_stage=yes",
        "--reason",
        "seen on ultrasound and ICG too; second stage planned",
    )
    assert "2 value(s) changed" in out
    values = lesion_values(capsys, db)
    assert values["seen_with"] == ["preop_imaging", "icg", "ious"], "in the form's order"
    assert values["two_stage"] is True
    record = dump(capsys, db, ANALYSED)
    assert record["derived"]["lesions"]["1"]["r_status"] == "R0"


@pytest.mark.parametrize(
    ("values", "named"),
    [
        (("seen_with=icg,ious",), "which Seen with does not list"),
        (("source=occult", "detected_by=icg", "seen_with=icg,preop_imaging"), "An occult lesion is one"),
        (("seen_with=icg,xray",), "xray"),
        (("two_stage=maybe",), "maybe"),
    ],
)
def test_contradicting_modalities_are_refused_and_nothing_changes(db, capsys, values, named):
    complete_record(db)
    before = lesion_values(capsys, db)
    err = refused(capsys, "set-lesion", "--db", db, *USER, ANALYSED, "1", *values, "--reason", "checking")
    assert named in err
    assert lesion_values(capsys, db) == before
