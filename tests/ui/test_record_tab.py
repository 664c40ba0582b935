"""The main window hosts the record pages next to the live screen; each hears of the other's changes."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel

from mimic_desktop.ui.record import RecordView
from tests.support.enrolment import ENROLMENT


def test_record_view_is_hosted_and_both_sides_hear_of_changes(make_window, store, coordinator, service, actions):
    proc_id = service.create("MIM-03-001", "03", ENROLMENT)
    window = make_window(store, coordinator)
    window.open_procedure(proc_id)
    record = window.tabs.widget(1)
    assert isinstance(record, RecordView) and record is window.record
    heard: list[str] = []
    window.context.signals.record_changed.connect(heard.append)

    window.live.log("incision")
    window.live.log("lesion_found")
    window.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    lesions = record.show_page("lesions")
    assert lesions.list.count() == 1, "the record pages show what the live screen committed"
    assert "In progress" in record.heading.text()

    size = lesions.lesion_block.form.editors["size_mm"].input
    actions.type(size, "18")
    heard.clear()
    actions.click(lesions.lesion_block.save_button)
    assert heard == [proc_id], "a saved change is announced once"
    assert service.load(proc_id).lesions[0].get("size_mm") == 18
    assert window.live.proc.lesions[0].get("size_mm") == 18, "the live screen refreshed"
    assert "18\u00a0mm" in next(iter(window.live.full_cards.cards.values())).findChild(QLabel).text()
    assert "18\u00a0mm" in next(iter(window.live.cards.cards.values())).accessibleName(), "and its one-line card"
    assert window.saved.state == "saved"


def test_typed_values_are_saved_when_the_tab_the_procedure_or_the_language_changes(
    make_window, store, coordinator, service, actions
):
    proc_id = service.create("MIM-03-001", "03", ENROLMENT)
    window = make_window(store, coordinator)
    window.open_procedure(proc_id)
    window.tabs.setCurrentIndex(1)

    def type_cea(text: str) -> None:
        cea = window.record.show_page("patient").blocks["baseline"].form.editors["cea"].input
        cea.clear()
        actions.type(cea, text)

    type_cea("5.5")
    assert service.load(proc_id).get("cea") is None
    window.tabs.setCurrentIndex(0)
    assert service.load(proc_id).get("cea") == 5.5
    window.tabs.setCurrentIndex(1)
    type_cea("6.5")
    window.apply_settings("dark", "nl")
    assert service.load(proc_id).get("cea") == 6.5
    assert window.record.nav.item(0).text() == "Patiënt", "the language switch rebuilt the record pages"
    window.tabs.setCurrentIndex(1)
    type_cea("7.5")
    window.close_procedure()
    assert service.load(proc_id).get("cea") == 7.5
