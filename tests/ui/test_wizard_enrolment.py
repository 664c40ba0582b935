"""The new-procedure wizard enrols only a patient with every eligibility answer, consent and the planned surgery."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from mimic_desktop.domain.clock import utc_now
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.ui import i18n
from tests.support.enrolment import ELIGIBLE, ENROLMENT


def press_enter(qtbot, wizard) -> None:
    """Enter where the cursor is: the wizard's default button (Next, or Finish on the last page)."""
    qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_Return)
    QApplication.processEvents()


def marked(form) -> set[str]:
    return {name for name, editor in form.editors.items() if editor.input.property("invalid")}


def fill(form, answers: dict) -> None:
    for name, answer in answers.items():
        editor = form.editors[name]
        if name in {"consent_date", "surgeon"}:
            editor.input.setText(answer)
        else:
            editor.input.setCurrentIndex(editor.input.findData(answer))


def test_pressing_enter_through_the_wizard_enrols_nobody(make_window, store, coordinator, service, qtbot):
    window = make_window(store, coordinator)
    wizard = window.new_procedure()
    wizard.study.study_id.setText("MIM-03-001")
    for _ in range(6):
        press_enter(qtbot, wizard)
    assert wizard.currentPage() is wizard.eligibility, "an unanswered eligibility page is not passed"
    message = wizard.eligibility.message.text()
    assert "cannot be enrolled" in message
    assert "Oral informed consent given: still to fill in" in message
    assert "Date of consent: still to fill in" in message
    assert marked(wizard.eligibility.form) == set(ELIGIBLE) | {"consent_date"}
    assert service.list() == []


def test_each_page_names_what_enrolment_still_needs(make_window, store, coordinator, service, qtbot, actions):
    accounts = AccountService(store)
    accounts.create_user("dr.surgeon", "Dr. Surgeon", "surgeon", "steady hands 42", by=coordinator)
    accounts.create_user("mo.nitor", "Mo Nitor", "monitor", "watchful eyes 7", by=coordinator)
    window = make_window(store, coordinator)
    wizard = window.new_procedure()
    wizard.study.study_id.setText("MIM-03-001")
    press_enter(qtbot, wizard)
    page = wizard.eligibility
    assert "needed to enrol" in page.explanation.text()
    tomorrow = (utc_now() + timedelta(days=2)).date().isoformat()
    fill(page.form, ELIGIBLE | {"consent_date": tomorrow})
    press_enter(qtbot, wizard)
    assert wizard.currentPage() is page
    assert f"Date of consent ({tomorrow}) lies in the future" in page.message.text()
    assert marked(page.form) == {"consent_date"}
    fill(page.form, {"consent_date": utc_now().date().isoformat()})
    press_enter(qtbot, wizard)

    page = wizard.surgery
    assert wizard.currentPage() is page
    assert "needed to enrol" in page.explanation.text()
    press_enter(qtbot, wizard)
    assert wizard.currentPage() is page
    for label in ("Operating surgeon", "Approach", "Fluorescence imaging system", "Planned procedure"):
        assert f"{label}: still to fill in" in page.message.text()
    assert "surgeon" not in page.form.editors, "the surgeon is chosen from the surgeons' accounts, not typed"
    fill(page.form, {name: ENROLMENT[name] for name in page.form.editors})
    press_enter(qtbot, wizard)
    assert wizard.currentPage() is page and "Operating surgeon: still to fill in" in page.message.text()
    accounts = [wizard.surgeon.itemData(i) for i in range(wizard.surgeon.count())]
    assert accounts == ["", "dr.surgeon"], "only active surgeon accounts are offered"
    wizard.surgeon.setCurrentIndex(wizard.surgeon.findData("dr.surgeon"))
    press_enter(qtbot, wizard)

    page = wizard.icg
    assert wizard.currentPage() is page
    assert "not needed to enrol" in page.explanation.text()
    stars = [page.form.layout().labelForField(editor).text() for editor in page.form.editors.values()]
    assert not any(text.endswith("*") for text in stars), "nothing on the ICG page is needed to enrol"
    given = page.form.editors["icg_given_at"].input
    actions.set_moment(given, utc_now() + timedelta(hours=3))
    press_enter(qtbot, wizard)
    assert "Time ICG was given: " in page.message.text() and "is in the future" in page.message.text()
    assert service.list() == []
    actions.retype(given, "")
    press_enter(qtbot, wizard)
    proc = service.find("MIM-03-001")
    assert proc.get("icg_given_at") is None, "the ICG time may follow later"
    assert proc.get("surgeon") == "Dr. Surgeon" and proc.get("oral_consent") is True
    assert proc.surgeon_username == "dr.surgeon"
    assert window.live is not None and window.live.proc_id == proc.id


def test_the_wizard_names_what_is_missing_in_dutch(make_window, store, coordinator, service, ui_app, qtbot):
    i18n.install(ui_app, "nl")
    window = make_window(store, coordinator, lang="nl")
    wizard = window.new_procedure()
    wizard.study.study_id.setText("MIM-3-1")
    press_enter(qtbot, wizard)
    assert "heeft niet de vorm MIM-CC-NNN" in wizard.study.message.text()
    wizard.study.study_id.setText("MIM-03-001")
    press_enter(qtbot, wizard)
    assert "nodig om de patiënt te includeren" in wizard.eligibility.explanation.text()
    fill(wizard.eligibility.form, ELIGIBLE | {"oral_consent": False})
    press_enter(qtbot, wizard)
    message = wizard.eligibility.message.text()
    assert message.startswith("De patiënt kan niet worden geïncludeerd:")
    assert "Mondelinge informed consent gegeven: nee" in message
    assert "Datum toestemming: nog in te vullen" in message
    assert wizard.currentPage() is wizard.eligibility
    fill(wizard.eligibility.form, {"oral_consent": True, "consent_date": "2026-11-01"})
    press_enter(qtbot, wizard)
    press_enter(qtbot, wizard)
    assert "Operateur: nog in te vullen" in wizard.surgery.message.text()
    assert "Benadering: nog in te vullen" in wizard.surgery.message.text()
    assert wizard.button(QWizard.WizardButton.NextButton).isVisible()
    assert service.list() == []
