"""Real refusals of the service layer, said in Dutch by the window that shows them (and in English by default).

The services raise without knowing the reader's language; the error carries its message unsaid, and
wording.said(error, "nl") is what the Dutch interface shows (ui/i18n.said does it for the widgets).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mimic_desktop.domain.errors import MimicError, PermissionDenied, RecordLocked, ValidationError
from mimic_desktop.domain.wording import said
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.storage.errors import DatabaseLocked
from tests.support.enrolment import ENROLMENT
from tests.support.storage_faults import write_lock_held_by_another_process

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return NOW + timedelta(minutes=minutes)


@pytest.fixture
def operating(service):
    """A procedure under way: incision made, one lesion identified, not yet transected."""
    proc_id = service.create("MIM-01-001", "01", ENROLMENT | {"icg_given_at": NOW - timedelta(hours=24)})
    service.record_event(proc_id, "incision", at=at(0))
    service.record_event(proc_id, "lesion_found", at=at(1))
    return proc_id


def refused(call, kind: type[MimicError] = MimicError) -> MimicError:
    with pytest.raises(kind) as caught:
        call()
    return caught.value


def test_a_second_incision_is_refused_in_dutch(service, operating):
    error = refused(lambda: service.record_event(operating, "incision", at=at(5)), ValidationError)
    assert said(error, "nl") == "Incisie is al vastgelegd; haal het met een reden door om het opnieuw vast te leggen."
    assert str(error) == "Incision is already recorded; strike it through with a reason to record it again."


def test_the_specimen_rule_is_said_in_dutch(service, operating):
    error = refused(lambda: service.record_event(operating, "specimen_clear", at=at(5)), ValidationError)
    assert said(error, "nl").startswith("Laesie 1: Preparaatzijde schoon (verdacht R0) om ")
    assert said(error, "nl").endswith(
        " vraagt eerst Start transectie of Ablatie van deze laesie: leg dat eerst vast, of corrigeer een tijd."
    )


def test_a_second_specimen_finding_names_both_in_dutch(service, operating):
    service.record_event(operating, "transection_start", at=at(2))
    service.record_event(operating, "specimen_fluorescent", at=at(3))
    error = refused(lambda: service.record_event(operating, "specimen_clear", at=at(4)), ValidationError)
    text = said(error, "nl")
    assert text.startswith("Laesie 1: voor het preparaat is al Preparaatzijde fluorescent (verdacht R1) vastgelegd om ")
    assert text.endswith("Haal dat eerst met een reden door om iets anders vast te leggen.")


def test_an_event_before_the_incision_is_refused_in_dutch(service, operating):
    error = refused(lambda: service.record_event(operating, "ious", at=at(-5)), ValidationError)
    assert said(error, "nl").startswith("Intraoperatieve echo om ")
    assert said(error, "nl").endswith(" vraagt eerst Incisie: leg dat eerst vast, of corrigeer een tijd.")


def test_a_role_refusal_names_the_role_in_dutch(store, service, operating, coordinator):
    monitor = AccountService(store).create_user("mo.nitor", "Mo Nitor", "monitor", "monitor-pass", by=coordinator)
    error = refused(lambda: ProcedureService(store, monitor).set_values(operating, {"blood_loss_ml": 200}))
    assert isinstance(error, PermissionDenied)
    assert said(error, "nl") == "Uw rol (monitor) is alleen-lezen: u kunt het dossier niet wijzigen."
    surgeon = AccountService(store).create_user("co.ord2", "Co Two", "coordinator", "coordinator-2", by=coordinator)
    error = refused(lambda: _sign_as(store, surgeon, operating))
    assert said(error, "nl") == (
        "Alleen een chirurg kan de vragenlijst ondertekenen; u bent aangemeld als coördinator."
    )


def _sign_as(store, user, proc_id):
    from mimic_desktop.services.signing import SigningService

    return SigningService(store, user).sign_questionnaire(proc_id, "coordinator-2")


def test_a_locked_record_asks_for_a_reason_in_dutch(service, recorded):
    service.complete(recorded)
    error = refused(lambda: service.set_values(recorded, {"blood_loss_ml": 321}), RecordLocked)
    study_id = service.load(recorded).study_id
    assert said(error, "nl") == f"{study_id} is voltooid en vergrendeld: geef een reden voor de wijziging."


def test_completion_names_what_is_missing_in_dutch(service, operating):
    error = refused(lambda: service.complete(operating), ValidationError)
    text = said(error, "nl")
    assert text.startswith("Het dossier kan nog niet voltooid worden. Ontbreekt: ")
    assert "Gebeurtenis: Einde operatie" in text, "the list itself is said in Dutch too"
    assert "Event:" not in text and "Missing" not in text


def test_a_database_locked_by_another_program_is_said_in_dutch(service, operating):
    with write_lock_held_by_another_process(service):
        error = refused(lambda: service.record_event(operating, "note", note="x", at=at(3)), DatabaseLocked)
    text = said(error, "nl")
    assert text.startswith(f"De database {service.store.path} is in gebruik door een ander programma")
    assert text.endswith("Niets van wat eerder is opgeslagen, is verloren gegaan.")


def test_a_wrong_value_sent_without_a_language_is_said_in_dutch(service, operating):
    error = refused(lambda: service.set_values(operating, {"blood_loss_ml": "veel"}), ValidationError)
    assert str(error) == "Estimated blood loss: 'veel' is not a number (write it with digits, for example 12.5)"
    assert said(error, "nl") == "Geschat bloedverlies: 'veel' is geen getal (schrijf het in cijfers, bijvoorbeeld 12,5)"


def test_an_unknown_language_falls_back_to_english(service, operating):
    error = refused(lambda: service.record_event(operating, "incision", at=at(5)), ValidationError)
    assert said(error, "fr") == said(error, "en") == str(error)
