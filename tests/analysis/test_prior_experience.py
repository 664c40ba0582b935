"""A centre's procedures before the trial count in the learning curve, from the CSV input's column."""

from __future__ import annotations

import pytest

from mimic_desktop.analysis.report import build_report
from mimic_desktop.analysis.tables import ReportInputError
from tests.support.flat_tables import frames, lesion, procedure


def cohort() -> tuple[list[dict], list[dict]]:
    """Centre 01 did 8 procedures before the trial and 6 in it; centre 02 none before and 12 in it.
    Every procedure has one confirmed CRLM; every third procedure of a centre is R1."""
    procedures, lesions = [], []
    for centre, prior, count in (("01", 8, 6), ("02", 0, 12)):
        for number in range(1, count + 1):
            proc = procedure(number, centre) | {"centre_prior_procedures": prior}
            procedures.append(proc)
            lesions.append(lesion(proc, fluorescent=number % 3 == 0, r1="parenchymal" if number % 3 == 0 else None))
    return procedures, lesions


def learning(procedures: list[dict], lesions: list[dict]) -> dict:
    tables = frames(procedures, lesions)
    tables[0]["centre_prior_procedures"] = [row.get("centre_prior_procedures") for row in procedures]
    return build_report(*tables, source="hand-made")["learning_curve"]


def by_hand(procedures: list[dict]) -> tuple[int, int, int, int]:
    """(learning procedures, learning R1, experienced procedures, experienced R1), counted here."""
    counts = [0, 0, 0, 0]
    for row in procedures:
        number = int(row["study_id"][-3:])
        experienced = row["centre_prior_procedures"] + number > 10
        counts[2 * experienced] += 1
        counts[2 * experienced + 1] += number % 3 == 0
    return tuple(counts)


def test_prior_procedures_move_a_centres_procedures_into_the_experienced_phase():
    procedures, lesions = cohort()
    curve = learning(procedures, lesions)
    learning_count, learning_r1, experienced_count, experienced_r1 = by_hand(procedures)
    assert (learning_count, experienced_count) == (2 + 10, 4 + 2)
    assert (curve["procedures_learning"], curve["procedures_experienced"]) == (learning_count, experienced_count)
    assert (curve["r1_learning"]["count"], curve["r1_learning"]["total"]) == (learning_r1, learning_count)
    assert (curve["r1_experienced"]["count"], curve["r1_experienced"]["total"]) == (experienced_r1, experienced_count)
    assert curve["centres"] == [
        {"centre": "01", "prior_procedures": 8, "procedures_learning": 2, "procedures_experienced": 4},
        {"centre": "02", "prior_procedures": 0, "procedures_learning": 10, "procedures_experienced": 2},
    ]
    # The curve's blocks count the prior procedures too: centre 01's trial procedures are its 9th to 14th.
    first, second = curve["by_block"]
    assert (first["procedures"], second["procedures"]) == (12, 6)


def test_without_the_column_no_centre_had_prior_experience():
    procedures, lesions = cohort()
    tables = frames(procedures, lesions)
    curve = build_report(*tables, source="hand-made")["learning_curve"]
    assert (curve["procedures_learning"], curve["procedures_experienced"]) == (16, 2)
    assert {centre["prior_procedures"] for centre in curve["centres"]} == {0}


@pytest.mark.parametrize("wrong", ["-1", "2.5", "ten"])
def test_a_prior_count_that_is_not_a_whole_number_of_at_least_0_is_refused(wrong):
    procedures, lesions = cohort()
    procedures[3]["centre_prior_procedures"] = wrong
    with pytest.raises(ReportInputError, match="centre_prior_procedures"):
        learning(procedures, lesions)
