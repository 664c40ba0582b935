"""The summary's audit part names only the people who changed the record, and shows what a removed complication
held."""

from __future__ import annotations

import pytest

from mimic_desktop.domain import derive
from mimic_desktop.domain.errors import PermissionDenied
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.procedures import ProcedureService

from .test_summary_pdf import summary_text


def test_a_monitor_whose_only_rows_are_refusals_changed_nothing(store, service, coordinator, signed, tmp_path):
    monitor = AccountService(store).create_user("mo.nitor", "Mo Nitor", "monitor", "watchful eyes 7", by=coordinator)
    with pytest.raises(PermissionDenied):
        ProcedureService(store, monitor).set_values(signed, {"blood_loss_ml": 1})
    assert "mo.nitor" in {row["username"] for row in service.audit_trail(signed)}
    _, text, _ = summary_text(service, signed, tmp_path / "summary.pdf")
    people = text.split("People who changed the record")[1].split("Audit chain")[0]
    assert "anna.coord" in people and "sam.surgeon" in people
    assert "mo.nitor" not in people


def test_a_removed_complication_is_shown_with_what_it_held(service, signed, tmp_path):
    proc = service.load(signed)
    kept = {c.id for c in proc.complications}
    onset = derive.surgery_date(proc)  # the day of surgery: never before it, never in the future
    service.add_complication(
        signed, {"description": "Wound infection", "clavien_dindo": "II", "onset_date": onset}, reason="late"
    )
    added = next(c for c in service.load(signed).complications if c.id not in kept)
    service.remove_complication(signed, added.id, "belongs to another patient")
    _, text, _ = summary_text(service, signed, tmp_path / "summary.pdf")
    trail = text.split("Audit trail")[1]
    removed = trail.split(f"Complication {added.number} removed from the record; it held:")[1]
    held = removed.split("belongs to another patient")[0]
    assert "Wound infection" in held and "Clavien-Dindo grade: II" in held


def test_the_printed_questionnaire_says_who_entered_and_confirmed_each_answer(service, signed, tmp_path):
    from pypdf import PdfReader

    from mimic_desktop.services.documents import write_questionnaire_pdf

    path = write_questionnaire_pdf(service, signed, tmp_path / "q.pdf", "nl")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())
    assert text.count("Ingevoerd door Anna Coordinator, bevestigd door Sjoerd Citroën") == 8
