"""Exports of the current sessions for statisticians from the window's Exports page, read back."""

from __future__ import annotations

import csv

from mimic_desktop.domain import forms
from mimic_desktop.exchange.redcap import DICTIONARY_HEADER
from tests.exports.conftest import assert_pseudonymous

from .conftest import STUDY_IDS, check_flat_csv, check_odm, read_csv, settle


def test_the_window_exports_csv_redcap_and_odm_of_the_current_sessions(
    open_window, filled_db, outbox, schema, tmp_path, qtbot
):
    window = open_window(filled_db)
    window.show_page("exports")
    page = window.exports_page
    page.export("csv", tmp_path / "csv")
    assert not page.buttons["odm"].isEnabled()
    settle(qtbot, window)
    check_flat_csv(tmp_path / "csv", outbox)
    assert page.status.text().startswith("Written:\n") and "mimic_central_data_dictionary.csv" in page.status.text()
    assert page.check.text() == (
        "The identifier check found nothing that looks like a name, a number or a date in the free text: the files "
        "name no person."
    )

    page.language.setCurrentIndex(page.language.findData("nl"))
    page.export("redcap", tmp_path / "redcap")
    settle(qtbot, window)
    with (tmp_path / "redcap" / "mimic_central_redcap_data_dictionary.csv").open(encoding="utf-8") as stream:
        dictionary = list(csv.reader(stream))
    assert dictionary[0] == list(DICTIONARY_HEADER)
    labels = {row[0]: row[4] for row in dictionary[1:]}
    assert labels["hospital_stay_days"].startswith(forms.field_def("hospital_stay_days").text("nl"))
    records = read_csv(tmp_path / "redcap" / "mimic_central_redcap_import.csv")
    assert sorted({row["record_id"] for row in records}) == STUDY_IDS

    page.export("odm", tmp_path / "odm")
    settle(qtbot, window)
    check_odm(tmp_path / "odm" / "mimic_central_odm.xml", schema)
    page.export("castor", tmp_path / "castor")
    settle(qtbot, window)
    study = read_csv(tmp_path / "castor" / "mimic_central_castor_study.csv")
    assert sorted(row["Participant Id"] for row in study) == STUDY_IDS
    page.export("dataset-json", tmp_path / "json")
    settle(qtbot, window)
    assert "mimic_central_lesions.json" in page.status.text()
    for folder in ("csv", "redcap", "odm", "castor", "json"):
        assert_pseudonymous(tmp_path / folder)
    assert all(button.isEnabled() for button in page.buttons.values())


def test_an_empty_central_database_exports_nothing_and_says_why(open_window, central_db, tmp_path, qtbot, shown_errors):
    window = open_window(central_db)
    window.exports_page.export("csv", tmp_path / "out")
    settle(qtbot, window)
    assert shown_errors == ["The central database central.sqlite holds no sessions yet: import session files first."]
    shown_errors.clear()
    assert window.exports_page.status.text() == "Nothing was exported."
    assert not (tmp_path / "out").exists()


def test_no_export_goes_into_the_central_databases_backups_and_no_report_onto_it(
    open_window, filled_db, tmp_path, qtbot, shown_errors
):
    from PySide6.QtWidgets import QFileDialog

    window = open_window(filled_db)
    backups = filled_db.parent / "backups"
    backups.mkdir(exist_ok=True)
    taken = sorted(backups.iterdir())  # the checked copies taken after the imports

    def choose(path):
        def respond(dialog: QFileDialog) -> None:
            dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)  # "replace it?" answered yes
            dialog.selectFile(str(path))
            dialog.accept()

        return respond

    window.show_page("exports")
    from tests.support.modal_answers import ModalAnswers

    with ModalAnswers({"folderDialog": choose(backups)}):
        window.exports_page.choose_folder("csv")
    assert not window.work.running and sorted(backups.iterdir()) == taken
    assert len(shown_errors) == 1 and "backups folder" in shown_errors[0]
    shown_errors.clear()
    with ModalAnswers({"saveFileDialog": choose(filled_db)}):
        window.report_page.choose_file("pdf")
    assert len(shown_errors) == 1 and "Nothing was written" in shown_errors[0]
    shown_errors.clear()
    assert filled_db.read_bytes().startswith(b"SQLite format 3\x00")


def test_the_exports_page_names_an_identifier_in_free_text_in_its_language(open_window, tmp_path, qtbot, ui_app):
    from mimic_desktop.domain import derive
    from mimic_desktop.services import central_import
    from mimic_desktop.ui import i18n
    from tests.support.office import data_manager
    from tests.support.privacy import IDENTIFYING_TEXT
    from tests.support.session_files import make_central, make_laptop

    laptop = make_laptop(tmp_path)
    proc_id = laptop.record(90)
    day = derive.surgery_date(laptop.service.load(proc_id))
    laptop.service.keeping_identifiers("typed on purpose, to test the exports page").add_complication(
        proc_id, {"description": IDENTIFYING_TEXT, "clavien_dindo": "I", "onset_date": day.isoformat()}, reason="x"
    )
    store = make_central(tmp_path, laptop)
    central_import.CentralImporter(store, data_manager(store)).import_file(laptop.export(proc_id))
    study_id = laptop.service.load(proc_id).study_id
    store.close()
    laptop.service.store.close()

    i18n.install(ui_app, "nl")
    window = open_window(tmp_path / "central.sqlite", lang="nl")
    page = window.exports_page
    page.export("castor", tmp_path / "castor")
    settle(qtbot, window)
    lines = page.check.text().splitlines()
    assert lines[0].startswith("De identificatiecontrole vond 1 tekst ")
    assert lines[1].startswith(f"{study_id}, Complicatie 1, ") and "aanhef en naam" in lines[1]
    assert "geen persoon" not in page.check.text() and page.check.property("role") == "error"
