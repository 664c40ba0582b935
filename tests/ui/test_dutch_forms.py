"""The Dutch interface: units, role names and the check of a typed value are Dutch, not English."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from mimic_desktop.services.accounts import AccountService
from mimic_desktop.ui import i18n
from mimic_desktop.ui.sign_in import SignInDialog
from tests.support.record_window import open_record


def unit_label(block, name: str) -> str:
    return next(label.text() for label in block.form.editors[name].findChildren(QLabel))


def test_units_and_a_wrong_number_in_dutch(make_window, store, coordinator, service, recorded, ui_app, shown_errors):
    i18n.install(ui_app, "nl")
    window = open_record(make_window, store, coordinator, recorded, lang="nl")
    patient = window.record.show_page("patient")
    assert unit_label(patient.blocks["baseline"], "age") == "jaar"
    assert unit_label(patient.blocks["baseline"], "disease_free_interval_months") == "maanden"
    course = window.record.show_page("postop").course
    assert unit_label(course, "hospital_stay_days") == "dagen"
    yes_no = course.form.editors["readmission"].input
    assert [yes_no.itemText(i) for i in range(1, yes_no.count())] == ["Ja", "Nee"]

    cea = window.record.show_page("patient").blocks["baseline"]
    cea.form.editors["cea"].input.setText("veel")
    cea.form.editors["cea"].edited.emit()
    assert not cea.save()
    assert shown_errors == ["Serum CEA: 'veel' is geen getal (schrijf het in cijfers, bijvoorbeeld 12,5)"]
    shown_errors.clear()


def test_role_names_in_dutch_where_the_interface_shows_them(make_window, store, coordinator, service, recorded, ui_app):
    accounts = AccountService(store)
    accounts.create_user("sam.surgeon", "Sam Snijder", "surgeon", "steady hands 42", by=coordinator)
    i18n.install(ui_app, "nl")
    dialog = SignInDialog(accounts, demo=False)
    entries = [dialog.account.itemText(i) for i in range(dialog.account.count())]
    assert entries == ["Anna Coordinator (anna.coord, coördinator)", "Sam Snijder (sam.surgeon, chirurg)"]
    dialog.deleteLater()
