"""Sending records from the laptop through the real widgets: session files from the Documents page, the centre's
public key from Settings, and the exports for statisticians from the procedure list."""

from __future__ import annotations

import csv
import json
import random
from datetime import timedelta
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QPushButton

from mimic_desktop.exchange import session_file, signing_keys
from mimic_desktop.services import session_key
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE
from mimic_desktop.services.export import ExportService
from mimic_desktop.services.simulate import record_procedure
from mimic_desktop.ui import i18n
from mimic_desktop.ui.record.export_warnings import ExportWarningsDialog
from mimic_desktop.ui.settings_dialog import SettingsDialog
from tests.support.record_window import open_record
from tests.support.signers import sign_as

SURGEON_PASSWORD = "steady hands 42"
ODM = "{http://www.cdisc.org/ns/odm/v1.3}"


@pytest.fixture
def surgeon(store, coordinator):
    return AccountService(store).create_user("sam.surgeon", "Sam Snijder", "surgeon", SURGEON_PASSWORD, by=coordinator)


@pytest.fixture
def finished(service, recorded, surgeon):
    """The recorded procedure with its questionnaire signed, completed and locked: nothing to warn of."""
    service.set_values(recorded, DEMO_QUESTIONNAIRE)
    sign_as(service.store, surgeon, recorded, SURGEON_PASSWORD)
    service.complete(recorded)
    return recorded


@pytest.fixture
def usb(tmp_path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def open_documents(make_window, store, user, proc_id, lang: str = "en"):
    window = open_record(make_window, store, user, proc_id, lang)
    return window, window.record.show_page("documents").session_export


def showing(window, kind):
    """The visible dialog of this kind opened from the window, or None."""
    return next((dialog for dialog in window.findChildren(kind) if dialog.isVisible()), None)


def into_folder(folder: Path):
    def respond(dialog: QFileDialog) -> None:
        dialog.selectFile(str(folder))
        dialog.accept()

    return respond


def laptop_signer(data: bytes):
    """The session file read as the trial office reads it, with this laptop's public key registered."""
    registered = {signing_keys.raw_public_key(session_key.load_or_create()): "centre 01"}
    return session_file.read(data, registered.get)


def export_through_page(window, panel, actions, qtbot, folder: Path, warnings: bool = False) -> Path:
    """Click Export, accept the warnings when asked, choose the folder, and wait for the background export."""
    choose = (lambda: showing(window, QFileDialog), into_folder(folder))
    if warnings:

        def export_anyway(dialog: ExportWarningsDialog) -> None:
            actions.answer_dialog(*choose)
            dialog.export_button.click()

        actions.answer_dialog(lambda: showing(window, ExportWarningsDialog), export_anyway)
    else:
        actions.answer_dialog(*choose)
    actions.click(panel.export_button)
    # The work runs in the thread pool; its result can only arrive once the event loop runs again.
    assert window.tasks and window.progress.isVisible() and not panel.export_button.isEnabled()
    qtbot.waitUntil(lambda: panel.result.text().startswith("Written"), timeout=60_000)
    assert not window.progress.isVisible() and panel.export_button.isEnabled()
    return Path(panel.result.text().splitlines()[0].removeprefix("Written: "))


def test_a_completed_record_is_exported_in_the_background_and_the_trial_office_can_verify_it(
    make_window, store, coordinator, service, finished, actions, qtbot, usb
):
    study_id = service.load(finished).study_id
    window, panel = open_documents(make_window, store, coordinator, finished)
    assert panel.status.text().startswith("Complete, not exported yet") and "version 1" in panel.status.text()
    written = export_through_page(window, panel, actions, qtbot, usb)
    assert written == usb / f"{study_id}-v1.mimic" and list(usb.iterdir()) == [written]
    verified = laptop_signer(written.read_bytes())
    assert verified.signer == "centre 01"
    assert (verified.header.study_id, verified.header.session_version) == (study_id, 1)
    record = json.loads(verified.record_bytes)
    assert record["record"]["study_id"] == study_id and record["record"]["signatures"]
    fingerprint = signing_keys.fingerprint(verified.public_key)
    assert f"{study_id}, version 1 of session {verified.header.session_id}." in panel.result.text()
    assert f"fingerprint {fingerprint}." in panel.result.text()
    assert panel.status.text().startswith("Exported: version 1") and panel.status.property("state") == "exported"
    assert window.record.heading.text().endswith("Exported")
    window.close_procedure()
    assert window.list.table.item(0, 1).text() == "Exported · version 1"


def test_a_planted_identifier_is_shown_before_writing_go_back_writes_nothing_export_anyway_does(
    make_window, store, coordinator, service, recorded, actions, qtbot, usb
):
    incision = service.load(recorded).first_event("incision").moment
    service.keeping_identifiers("planted to test the export warning").record_event(
        recorded, "note", note="Daughter of mevr. Jansen asked for the report", at=incision
    )
    service.complete(recorded)
    window, panel = open_documents(make_window, store, coordinator, recorded)
    seen: list[list[str]] = []

    def go_back(dialog: ExportWarningsDialog) -> None:
        seen.append([dialog.list.item(i).text() for i in range(dialog.list.count())])
        dialog.back_button.click()

    actions.answer_dialog(lambda: showing(window, ExportWarningsDialog), go_back)
    actions.click(panel.export_button)
    assert any("note: looks like it holds an identifier (title and name)" in line for line in seen[0]), seen
    assert any("not signed the questionnaire" in line for line in seen[0])
    assert showing(window, QFileDialog) is None and not window.tasks
    assert list(usb.iterdir()) == [] and service.load(recorded).export_version == 0
    assert panel.result.text().startswith("Not exported")

    written = export_through_page(window, panel, actions, qtbot, usb, warnings=True)
    assert list(usb.iterdir()) == [written] and laptop_signer(written.read_bytes()).header.session_version == 1
    assert "title and name" in panel.result.text(), "what was noted stays on the page"


def test_an_unfinished_record_is_refused_naming_what_is_missing(
    make_window, store, coordinator, service, actions, usb, shown_errors
):
    proc_id = record_procedure(service, random.Random(3), lesions=1, pathology=False)
    window, panel = open_documents(make_window, store, coordinator, proc_id)
    assert panel.status.text().startswith("Not complete yet") and panel.export_button.isEnabled()
    opened: list[QFileDialog] = []

    def close_any_file_dialog(_window) -> None:  # a wrong turn fails the test instead of waiting for a person
        opened.extend(dialog for dialog in window.findChildren(QFileDialog) if dialog.isVisible())
        for dialog in opened:
            dialog.reject()

    actions.answer_dialog(lambda: window, close_any_file_dialog)
    actions.click(panel.export_button)
    QApplication.processEvents()
    assert opened == [] and not window.tasks
    assert len(shown_errors) == 1
    refusal = shown_errors.pop()
    assert "not complete, so it cannot be exported yet" in refusal and "Lesion 1: Histology" in refusal
    assert "completing locks the record" in refusal
    assert "Lesion 1: Histology" in panel.result.text()
    assert list(usb.iterdir()) == [] and service.load(proc_id).export_version == 0


def test_an_amended_record_shows_it_changed_and_its_re_export_is_version_2_of_the_same_session(
    make_window, store, coordinator, service, finished, actions, qtbot, usb
):
    window, panel = open_documents(make_window, store, coordinator, finished)
    first = laptop_signer(export_through_page(window, panel, actions, qtbot, usb).read_bytes())
    service.set_value(finished, "blood_loss_ml", 420, reason="anaesthesia chart corrected")
    window.record.refresh()
    assert panel.status.property("state") == "changed"
    assert panel.status.text().startswith("Changed since export: version 1 went out on")
    assert "send version 2" in panel.status.text() and "(same session)" in panel.status.text()
    window.close_procedure()
    assert window.list.table.item(0, 1).text() == "Signed · changed since export of version 1"

    window.open_procedure(finished)
    window.tabs.setCurrentIndex(1)
    panel = window.record.show_page("documents").session_export
    second_path = export_through_page(window, panel, actions, qtbot, usb)
    second = laptop_signer(second_path.read_bytes())
    assert second_path.name.endswith("-v2.mimic") and len(list(usb.iterdir())) == 2
    assert second.header.session_id == first.header.session_id and second.header.session_version == 2
    assert json.loads(second.record_bytes)["record"]["values"]["blood_loss_ml"] == 420
    assert panel.status.text().startswith("Exported: version 2")


def test_a_monitor_sees_the_export_disabled_and_an_attempt_is_refused_in_words_and_logged(
    make_window, store, coordinator, finished, usb, shown_errors
):
    monitor = AccountService(store).create_user("mo.nitor", "Mo Nitor", "monitor", "monitor-pass", by=coordinator)
    window, panel = open_documents(make_window, store, monitor, finished)
    assert not panel.export_button.isEnabled()
    assert panel.findChild(QPushButton, "exportButton") is panel.export_button
    notice = panel.findChild(QLabel, "exportRoleNotice")
    assert notice.text() == "Your role (monitor) cannot export session files."
    panel.export_session()  # what the button would do: the service refuses, whatever the screen shows
    assert shown_errors == ["Your role (monitor) cannot export records (session files, CSV, REDCap or ODM)."]
    shown_errors.clear()
    assert panel.result.text() == "Your role (monitor) cannot export records (session files, CSV, REDCap or ODM)."
    refusals = [
        json.loads(row["new_value"])
        for row in store.read("SELECT new_value FROM audit WHERE entity = 'access' AND username = 'mo.nitor'")
    ]
    assert refusals == [
        {
            "action": "export",
            "message": "Your role (monitor) cannot export records (session files, CSV, REDCap or ODM).",
        }
    ]
    assert list(usb.iterdir()) == [] and not window.tasks
    window.close_procedure()
    assert not window.list.export_button.isEnabled()
    assert window.list.export_button.toolTip() == "Your role (monitor) cannot export data."


def test_the_public_key_saved_from_settings_is_the_key_the_laptop_signs_with(
    make_window, store, coordinator, surgeon, service, finished, actions, usb, tmp_path
):
    window = make_window(store, coordinator)
    settings = SettingsDialog(window.prefs, window, context=window.context)
    settings.show()
    section = settings.public_key
    assert section.button.isEnabled()
    actions.answer_dialog(lambda: showing(window, QFileDialog), into_folder(usb))
    actions.click(section.button)
    (key_file,) = usb.iterdir()
    raw = signing_keys.public_key_from_pem(key_file.read_bytes(), key_file.name)
    assert raw == signing_keys.raw_public_key(session_key.load_or_create())
    assert section.fingerprint.text() == signing_keys.fingerprint(raw)
    assert str(key_file) in section.where.text() and "by phone" in section.where.text()
    exported = ExportService(store, coordinator).export(finished, tmp_path)
    assert laptop_signer(exported.path.read_bytes()).public_key == raw
    settings.close()

    as_surgeon = SettingsDialog(window.prefs, context=make_window(store, surgeon).context)
    assert not as_surgeon.public_key.button.isEnabled()
    notice = as_surgeon.public_key.findChild(QLabel, "publicKeyRoleNotice")
    assert notice.text() == "Only a coordinator can save the centre's public key."
    assert SettingsDialog(window.prefs).public_key is None, "without a laptop's context there is no key to give"


def test_csv_redcap_and_odm_from_the_procedure_list_for_all_or_the_selected_procedure(
    make_window, store, coordinator, service, recorded, actions, qtbot, tmp_path
):
    other = record_procedure(service, random.Random(4), lesions=1)
    study_ids = sorted(service.load(proc).study_id for proc in (recorded, other))
    window = make_window(store, coordinator)
    folder = tmp_path / "for-statistics"
    folder.mkdir()

    dialog = window.list.export_data()
    first_row = window.list.table.item(0, 0).text()
    assert dialog.only_selected.isChecked() and dialog.only_selected.text() == f"Only {first_row}"
    actions.answer_dialog(lambda: showing(window, QFileDialog), into_folder(folder))
    actions.click(dialog.findChild(QPushButton, "chooseFolder"))
    assert dialog.folder == folder
    for kind in ("redcap", "odm", "castor", "dataset-json"):  # on the box itself, not beside a short label
        box = dialog.formats[kind]
        actions.click(box, QPoint(10, box.height() // 2))
    actions.click(dialog.everything, QPoint(10, dialog.everything.height() // 2))
    assert dialog.kinds() == ["csv", "redcap", "odm", "castor", "dataset-json"]
    actions.click(dialog.export_button)
    qtbot.waitUntil(lambda: window.list.export_result.text().startswith("Written"), timeout=60_000)
    names = {
        "mimic_procedures.csv",
        "mimic_lesions.csv",
        "mimic_complications.csv",
        "mimic_data_dictionary.csv",
        "mimic_redcap_data_dictionary.csv",
        "mimic_redcap_import.csv",
        "mimic_redcap_repeating_instruments.csv",
        "mimic_odm.xml",
        "mimic_events.csv",
        "mimic_castor_study.csv",
        "mimic_castor_lesion.csv",
        "mimic_castor_complication.csv",
        "mimic_castor_variable_map.csv",
        "mimic_procedures.json",
        "mimic_lesions.json",
        "mimic_complications.json",
    }
    assert {path.name for path in folder.iterdir()} == names
    assert all(name in window.list.export_result.text() for name in names)
    with (folder / "mimic_procedures.csv").open(encoding="utf-8") as stream:
        assert sorted(row["study_id"] for row in csv.DictReader(stream)) == study_ids
    with (folder / "mimic_redcap_import.csv").open(encoding="utf-8") as stream:
        assert {row["record_id"] for row in csv.DictReader(stream)} == set(study_ids)
    odm = etree.parse(str(folder / "mimic_odm.xml")).getroot()
    assert odm.get("ODMVersion") == "1.3.2"
    assert sorted(subject.get("SubjectKey") for subject in odm.iter(f"{ODM}SubjectData")) == study_ids

    table = window.list.table
    actions.click(table.viewport(), table.visualItemRect(table.item(1, 2)).center())
    selected = table.item(1, 0).text()
    assert selected != first_row
    dialog = window.list.export_data()
    dialog.folder = folder
    actions.click(dialog.export_button)
    qtbot.waitUntil(lambda: selected in window.list.export_result.text(), timeout=60_000)
    with (folder / f"{selected}_procedures.csv").open(encoding="utf-8") as stream:
        assert [row["study_id"] for row in csv.DictReader(stream)] == [selected]
    exports = [json.loads(row["new_value"]) for row in service.audit_trail() if row["entity"] == "export"]
    assert [entry["study_ids"] for entry in exports] == [study_ids] * 5 + [[selected]]


def test_the_new_widgets_in_dutch_with_qts_own_dutch_buttons(
    make_window, store, coordinator, service, recorded, ui_app, actions
):
    incision = service.load(recorded).first_event("incision").moment
    service.keeping_identifiers("planted to test the export warning").record_event(
        recorded, "note", note="Call back on +31 6 1234 5678", at=incision + timedelta(minutes=1)
    )
    service.complete(recorded)
    i18n.install(ui_app, "nl")
    window, panel = open_documents(make_window, store, coordinator, recorded, lang="nl")
    assert panel.export_button.text() == "Sessiebestand exporteren…"
    assert panel.status.text() == "Voltooid, nog niet geëxporteerd. De export wordt versie 1."
    seen: dict[str, str] = {}

    def read_and_go_back(dialog: ExportWarningsDialog) -> None:
        seen.update(title=dialog.windowTitle(), back=dialog.back_button.text(), anyway=dialog.export_button.text())
        dialog.reject()

    actions.answer_dialog(lambda: showing(window, ExportWarningsDialog), read_and_go_back)
    actions.click(panel.export_button)
    assert seen == {"title": "Controleren vóór export", "back": "Terug om te verbeteren", "anyway": "Toch exporteren"}
    assert panel.result.text() == "Niet geëxporteerd. Wijzig het dossier en exporteer daarna opnieuw."
    window.close_procedure()
    assert window.list.export_button.text() == "Gegevens exporteren…"
    dialog = window.list.export_data()
    assert dialog.windowTitle() == "Gegevens exporteren" and dialog.export_button.text() == "Exporteren"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuleren"
    dialog.reject()
    settings = SettingsDialog(window.prefs, window, context=window.context)
    assert settings.public_key.button.text() == "Publieke sleutel opslaan…"
    assert settings.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuleren"
    i18n.install(ui_app, "en")
    assert SettingsDialog(window.prefs, context=window.context).buttons.button(
        QDialogButtonBox.StandardButton.Cancel
    ).text() in {"Cancel", "&Cancel"}
