"""The reason given for a subject status is free text that leaves the hospital: it is scanned like every other."""

from mimic_desktop.domain.identifiers import record_findings
from mimic_desktop.domain.record import Procedure


def test_an_identifier_in_the_reason_for_the_status_is_named_in_english_and_dutch():
    proc = Procedure(
        id="p",
        study_id="MIM-03-001",
        centre="03",
        created_at="2026-11-01T08:00:00+00:00",
        session_id="s",
        subject_status="withdrawn",
        subject_status_reason="called 06-12345678 on 1956-03-12 to withdraw",
        subject_status_date="2026-11-20",
    )
    (english,) = record_findings(proc, "en")
    assert english.startswith("MIM-03-001, Reason for the subject status: looks like it holds an identifier")
    (dutch,) = record_findings(proc, "nl")
    assert "Reden voor de status van de deelnemer" in dutch
    proc.subject_status_reason = "moved abroad"
    assert record_findings(proc) == []
