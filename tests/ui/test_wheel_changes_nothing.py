"""A wheel or touchpad scroll over a drop-down, a number box or a date box never changes a value, on any
screen: it scrolls the page. Measured before: two notches over each box of a live procedure wrote 19 audit rows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QWidget,
)

from mimic_desktop.ui.form_widget import FieldEditor
from tests.support.enrolment import in_surgery as surgery_under_way
from tests.support.wheel import wheel

NOTCHES = (1, 1, -1, -1)  # two notches up, then two down


@pytest.fixture
def live_procedure(service):
    """Surgery under way: lesion 1 known from imaging, lesion 2 occult and current, every drop-down set to a
    choice in the middle of its list where it can be, and two complications already entered."""
    proc_id = surgery_under_way(service, ("incision", "lesion_found", "occult_lesion", "transection_start"))
    proc = service.load(proc_id)
    for lesion in proc.lesions:
        values = {"size_mm": 14, "detected_by": "icg", "icg_pattern": "rim", "treatment": "resection"}
        if lesion.get("source") == "imaging":
            values["detected_by"] = "preop_imaging"
        service.set_values(proc_id, values, entity="lesion", entity_id=lesion.id)
        service.set_values(
            proc_id,
            {"histology": "crlm", "margin_mm": 0.5, "r1_type": "vascular"},
            entity="lesion",
            entity_id=lesion.id,
        )
    service.set_values(proc_id, {"t_stage": "T2", "sex": "female", "age": 61, "cea": 12.5})
    today = proc.events[0].moment.date()
    for grade in ("IIIa", "II"):
        service.add_complication(
            proc_id, {"description": "Bile leak", "clavien_dindo": grade, "onset_date": today.isoformat()}
        )
    return proc_id


def value_boxes(root: QWidget) -> list[QWidget]:
    """Every drop-down, spin or date-time box, and every typed date line of a form, under root."""
    boxes: list[QWidget] = [w for w in root.findChildren(QWidget) if isinstance(w, (QComboBox, QAbstractSpinBox))]
    for editor in root.findChildren(FieldEditor):
        if editor.fdef.type in {"date", "datetime"} and isinstance(editor.input, QLineEdit):
            boxes.append(editor.input)
    return boxes


def shown(box: QWidget) -> object:
    if isinstance(box, QComboBox):
        return box.currentIndex()
    if isinstance(box, QAbstractSpinBox):
        return box.text()
    return box.text()


def scroll_over_all(root: QWidget, focused: bool) -> int:
    """Scroll over every box under root (with the keyboard in it, when focused); returns how many there were."""
    boxes = value_boxes(root)
    for box in boxes:
        before = shown(box)
        if focused and box.isVisible():
            box.setFocus()
        for notch in NOTCHES:
            wheel(box, notch)
            assert shown(box) == before, f"the wheel changed {box.objectName() or box.parent().objectName()}"
        if focused:
            assert not (box.isVisible() and box.focusPolicy() == Qt.FocusPolicy.WheelFocus)
    return len(boxes)


def snapshot(service, proc_id) -> tuple:
    proc = service.load(proc_id)
    return (
        proc.values,
        [lesion.values for lesion in proc.lesions],
        [comp.values for comp in proc.complications],
        len(service.audit_trail(proc_id)),
    )


@pytest.mark.parametrize("focused", [False, True], ids=["passing-over", "with-the-keyboard-in-it"])
def test_the_wheel_changes_nothing_on_the_live_screen_and_the_record_pages(
    make_window, store, coordinator, service, live_procedure, focused
):
    before = snapshot(service, live_procedure)
    window = make_window(store, coordinator)
    window.open_procedure(live_procedure)
    live = window.live
    count = scroll_over_all(live, focused)
    assert count >= 4, "the lesion panel's drop-downs are among them"

    window.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    record = window.record
    for key in record.builders:
        page = record.show_page(key)
        QApplication.processEvents()
        if key == "lesions":
            for row in range(page.list.count()):
                page.list.setCurrentRow(row)
                QApplication.processEvents()
                count += scroll_over_all(page, focused)
        elif key == "postop":
            for row in range(page.table.rowCount()):
                page.table.selectRow(row)
                QApplication.processEvents()
                count += scroll_over_all(page, focused)
        else:
            count += scroll_over_all(page, focused)
    assert count >= 45, "every drop-down and date line of the live screen and the pages"
    window.tabs.setCurrentIndex(0)  # leaving the tab saves what was changed, as it did the T stage
    QApplication.processEvents()
    assert window.record.flush()
    assert snapshot(service, live_procedure) == before, "no value and no audit row came from the wheel"


def test_a_scroll_over_a_drop_down_scrolls_the_page(make_window, store, coordinator, service, live_procedure):
    window = make_window(store, coordinator)
    window.resize(1024, 640)
    window.open_procedure(live_procedure)
    window.tabs.setCurrentIndex(1)
    page = window.record.show_page("patient")
    QApplication.processEvents()
    box = page.findChild(QWidget, "field_scan_type").input
    area = box.parentWidget()
    while not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0, "the page is longer than the window"
    bar.setValue(0)
    wheel(box, -1)  # one notch towards the user: the page moves on
    assert bar.value() > 0
    moved = bar.value()
    wheel(box, 1)
    assert bar.value() < moved


def test_the_wheel_changes_no_setting(make_window, store, coordinator):
    """The settings dialog's hours and drop-downs: the guard is the application's, so dialogs have it too."""
    from mimic_desktop.ui.settings_dialog import SettingsDialog

    window = make_window(store, coordinator)
    settings = SettingsDialog(window.prefs, window, context=window.context)
    settings.show()
    boxes = value_boxes(settings)
    assert any(isinstance(box, QAbstractSpinBox) for box in boxes) and any(isinstance(b, QComboBox) for b in boxes)
    for box in boxes:
        assert box.focusPolicy() == Qt.FocusPolicy.StrongFocus, "a scroll passing over never takes the keyboard"
        before = shown(box)
        for notch in NOTCHES:
            wheel(box, notch)
        assert shown(box) == before
    settings.reject()


@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing the keyboard")
def test_an_open_list_still_scrolls_through_its_entries(ui_app, qtbot):
    combo = QComboBox()
    qtbot.addWidget(combo)
    combo.addItems([f"entry {n}" for n in range(60)])
    combo.show()
    combo.showPopup()
    view = combo.view()
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(0)
    wheel(view.viewport(), -2)
    assert bar.value() > 0
    combo.hidePopup()
    assert combo.currentIndex() == 0


def test_the_wheel_is_a_real_one(ui_app, qtbot):
    """The test's wheel event is the one Qt would send: without the guard it does step a drop-down."""
    from mimic_desktop.ui import wheel_guard

    combo = QComboBox()
    qtbot.addWidget(combo)
    combo.addItems(["one", "two", "three"])
    combo.show()
    guard = next(child for child in ui_app.children() if isinstance(child, wheel_guard.WheelGuard))
    ui_app.removeEventFilter(guard)
    try:
        wheel(combo, -1)
        assert combo.currentIndex() == 1
    finally:
        ui_app.installEventFilter(guard)
    wheel(combo, -1)
    assert combo.currentIndex() == 1


def test_the_wheel_changes_nothing_in_the_new_procedure_wizard(make_window, store, coordinator, actions):
    from PySide6.QtWidgets import QWizard

    from mimic_desktop.ui.wizard import NewProcedureWizard

    window = make_window(store, coordinator)
    actions.click(window.list.new_button)
    wizard = window.findChild(NewProcedureWizard)
    actions.type(wizard.study.study_id, "MIM-03-001")
    wizard.button(QWizard.WizardButton.NextButton).click()
    form = wizard.eligibility.form
    actions.choose(form.editors["age_18_or_over"].input, True)
    count = 0
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        count += scroll_over_all(page, focused=False)
    assert count >= 10
    assert form.editors["age_18_or_over"].input.currentData() is True
    assert all(editor.input.currentData() is None for name, editor in form.editors.items() if name in {"oral_consent"})
