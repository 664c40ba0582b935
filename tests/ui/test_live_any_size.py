"""The live screen at every size the window allows: every event button whole, the timeline readable, the
clock in sight, nothing overlapping, and nothing moving under the pointer when a lesion is added."""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QAccessible, QCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QScrollArea,
    QWidget,
)

from mimic_desktop.domain import forms
from mimic_desktop.ui import i18n, themes
from mimic_desktop.ui.liver_map import LiverMap
from mimic_desktop.ui.main_window import SMALLEST_SIZE
from tests.support.enrolment import in_surgery

LARGE_TARGET = 54  # the style's least height of an event button
MAXIMISED_LAPTOP = QSize(1366, 697)  # 1366 x 768 less a title bar and a task bar
# Three lesions and enough steps that the timeline has more rows than it can show.
THREE_LESIONS = (
    "incision",
    "inspect_white_light",
    "inspect_icg",
    "ious",
    "lesion_found",
    "lesion_found",
    "occult_lesion",
    "resection_planning",
    "transection_start",
    "plane_fluorescence",
    "plane_adapted",
    "transection_end",
    "specimen_fluorescent",
)
# The sizes, with the least number of timeline rows that must be readable at each.
SIZES = [(MAXIMISED_LAPTOP, 5), (SMALLEST_SIZE, 3)]


def in_window(window: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def settle() -> None:
    for _ in range(3):  # wrapped labels take their height over a few rounds of layout
        QApplication.processEvents()


def open_at(make_window, store, coordinator, service, size: QSize, lang: str, kinds=THREE_LESIONS):
    proc_id = in_surgery(service, kinds, minutes_ago=60)
    window = make_window(store, coordinator, lang=lang)
    window.open_procedure(proc_id)
    window.resize(size)
    settle()
    assert window.size() == size
    return window


def whole(widget: QWidget) -> bool:
    """Whether every pixel of the widget is on the screen now, without scrolling anything."""
    return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()


def readable_rows(tree) -> int:
    """The timeline's rows shown whole, top to bottom, in its view (the last column may scroll sideways)."""
    tree.doItemsLayout()  # the view lays its rows out lazily: what it shows once it has
    QApplication.processEvents()
    view = tree.viewport().rect()
    count = 0
    for index in range(tree.topLevelItemCount()):
        row = tree.visualItemRect(tree.topLevelItem(index))
        count += row.isValid() and view.top() <= row.top() and row.bottom() <= view.bottom()
    return count


@pytest.fixture(params=["en", "nl"])
def lang(request, ui_app):
    i18n.install(ui_app, request.param)
    return request.param


@pytest.mark.parametrize(("size", "rows"), SIZES, ids=["1366x697", "1024x640"])
def test_every_event_button_is_whole_and_the_timeline_readable(
    make_window, store, coordinator, service, lang, size, rows
):
    window = open_at(make_window, store, coordinator, service, size, lang)
    live = window.live
    assert len(live.proc.lesions) == 3
    screen = in_window(window, live)
    for kind, button in live.buttons.buttons.items():
        assert button.objectName() == f"event_{kind}"
        assert whole(button), f"{kind} is not wholly in sight"
        assert screen.contains(in_window(window, button)), f"{kind} lies outside the live screen"
        assert button.height() >= LARGE_TARGET, f"{kind} is no longer a large target"
        words, key = live.buttons.labels[kind]
        assert words.heightForWidth(words.width()) <= words.height(), f"{kind}: its label is cut off below"
        widest = max(words.fontMetrics().horizontalAdvance(word) for word in words.text().split())
        assert widest <= words.width(), f"{kind}: a word of its label is cut"
        assert key.sizeHint().width() <= key.width() and key.sizeHint().height() <= key.height(), f"{kind}: key cut"
        assert button.rect().contains(words.geometry()) and button.rect().contains(key.geometry())
    tree = live.timeline.tree
    assert tree.objectName() == "timelineTree"
    assert tree.topLevelItemCount() == len(THREE_LESIONS)
    assert whole(tree)
    assert readable_rows(tree) >= rows, f"only {readable_rows(tree)} timeline rows can be read"
    for name, widget in {
        "clock": live.clock.clock,
        "since incision": live.clock.since_incision,
        "ICG interval": live.clock.icg_note,
        "notice line": live.notice,
        "Strike through": live.timeline.strike_button,
        "Lesion details": live.details_button,
    }.items():
        assert whole(widget), f"the {name} is not in sight"

    # The notice place is two lines high, empty or not: a long refusal shown there moves nothing.
    places = {name: in_window(window, part) for name, part in {"timeline": tree, "cards": live.cards}.items()}
    live.notice.say("Not saved: " + "a long refusal that goes on " * 12, "refused")
    settle()
    assert whole(live.notice) and live.notice.height() < 3 * live.notice.fontMetrics().height()
    assert "a long refusal" in live.notice.toolTip() and live.notice.accessibleDescription() == live.notice.text()
    assert {name: in_window(window, part) for name, part in {"timeline": tree, "cards": live.cards}.items()} == places

    # Nor does the note on where the keys go when it says a field has them (a longer text).
    live.details_button.click()
    size_field = live.lesion_panel.form.editors["size_mm"].input
    QTest.mouseClick(size_field, Qt.MouseButton.LeftButton)
    settle()
    assert live.keyboard_note.property("typing")
    assert live.keyboard_note.heightForWidth(live.keyboard_note.width()) <= live.keyboard_note.height()
    assert {name: in_window(window, part) for name, part in {"timeline": tree, "cards": live.cards}.items()} == places


@pytest.mark.parametrize(
    ("size", "theme", "lang"),
    [
        (QSize(1024, 640), "dark", "en"),
        (QSize(1024, 640), "light", "nl"),
        (QSize(1280, 720), "light", "en"),
        (MAXIMISED_LAPTOP, "dark", "nl"),
    ],
    indirect=["lang"],
)
def test_nothing_overlaps_and_the_lesion_details_are_reachable(
    make_window, store, coordinator, service, ui_app, size, theme, lang
):
    themes.apply(ui_app, theme)
    window = open_at(make_window, store, coordinator, service, size, lang)
    assert window.minimumSizeHint().boundedTo(SMALLEST_SIZE) == window.minimumSizeHint(), (
        "the window's layout fits in its smallest size, so the explicit minimum hides no overlap"
    )
    live = window.live
    parts = {
        "clock": live.clock,
        "event buttons": live.left_stack,
        "heading": live.heading,
        "notice line": live.notice,
        "lesion cards": live.cards,
        "timeline": live.timeline,
    }
    screen_area = in_window(window, live)
    for (name, part), (other_name, other) in combinations(parts.items(), 2):
        assert not in_window(window, part).intersects(in_window(window, other)), f"{name} overlaps {other_name}"
    for name, part in parts.items():
        assert screen_area.contains(in_window(window, part)), f"{name} is cut off"

    live.details_button.click()
    settle()
    assert live.lesion_panel.isVisible() and whole(live.clock.clock) and whole(live.timeline.tree)
    assert not any(button.isVisible() for button in live.buttons.buttons.values())
    panel = live.lesion_panel
    assert not in_window(window, panel.map).intersects(in_window(window, panel.form))
    for name, widget in {"Couinaud map": panel.map, "Save lesion": panel.save_button}.items():
        scroll = live.lesion_page.findChild(QScrollArea, "lesionPanelScroll")
        scroll.ensureWidgetVisible(widget, 0, 0)
        QApplication.processEvents()
        assert whole(widget), f"{name} cannot be brought into view"
    live.lesion_page.back_button.click()
    settle()
    assert all(whole(button) for button in live.buttons.buttons.values())

    window.saved.saved()
    assert window.saved.isVisible() and window.rect().contains(in_window(window, window.saved))


def under(window: QWidget, point: QPoint) -> tuple[str, QRect]:
    """What the pointer is over at point (in the window): its name and where it stands."""
    widget = window.childAt(point)
    assert widget is not None
    # A label inside a button is part of the button: name the control the user sees.
    while widget.parentWidget() is not None and not widget.objectName():
        widget = widget.parentWidget()
    return widget.objectName(), in_window(window, widget)


@pytest.mark.parametrize("size", [MAXIMISED_LAPTOP, SMALLEST_SIZE], ids=["1366x697", "1024x640"])
@pytest.mark.parametrize("kind", ["lesion_found", "occult_lesion"])
def test_adding_a_lesion_moves_nothing_under_the_pointer(make_window, store, coordinator, service, qtbot, size, kind):
    window = open_at(make_window, store, coordinator, service, size, "en")
    live = window.live
    qtbot.waitUntil(lambda: whole(live.cards.cards[live.proc.current_lesion_id]))
    first_card = live.cards.cards[live.proc.current_lesion_id]
    targets = {
        "a lesion card": first_card.rect().center(),
        "Lesion details": live.details_button.rect().center(),
        "Strike through": live.timeline.strike_button.rect().center(),
        "the clock": live.clock.clock.rect().center(),
        **{kind_: button.rect().center() for kind_, button in live.buttons.buttons.items()},
    }
    owners = {
        "a lesion card": first_card,
        "Lesion details": live.details_button,
        "Strike through": live.timeline.strike_button,
        "the clock": live.clock.clock,
        **live.buttons.buttons,
    }
    points = {name: owners[name].mapTo(window, point) for name, point in targets.items()}
    for name, point in points.items():
        QCursor.setPos(window.mapToGlobal(point))  # the pointer rests there while the key is pressed
        before = under(window, point)
        lesions = len(window.live.proc.lesions)
        window.activateWindow()
        qtbot.keyClick(window.live, forms.events()[kind].key)
        settle()
        assert len(window.live.proc.lesions) == lesions + 1
        assert under(window, point) == before, f"adding a lesion moved what was under the pointer at {name}"
        if name != "a lesion card":  # with the pointer elsewhere, the strip shows the new lesion's card
            assert whole(live.cards.cards[live.proc.current_lesion_id]), f"new card out of sight ({name})"


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractItemView, LiverMap)


@pytest.mark.parametrize("details", [False, True], ids=["event buttons", "lesion details"])
def test_every_visible_control_has_an_accessible_name(make_window, store, coordinator, service, lang, details):
    window = open_at(make_window, store, coordinator, service, MAXIMISED_LAPTOP, lang)
    live = window.live
    live.show_lesion_details(details)
    settle()
    controls = [
        widget
        for widget in live.findChildren(QWidget)
        if isinstance(widget, CONTROLS) and widget.isVisible() and widget.window() is window
    ]
    assert len(controls) > (20 if not details else 8)
    nameless = [
        f"{type(widget).__name__} {widget.objectName()!r}" for widget in controls if not accessible_name(widget)
    ]
    assert nameless == []
    if details:
        live_map = live.lesion_panel.map
        codes = forms.field_def("segments").choice_codes()
        names = [live_map.segment_name(code) for code in codes]
        assert len(set(names)) == len(codes) and all(code in name for code, name in zip(codes, names, strict=True))


@pytest.mark.parametrize("size", [MAXIMISED_LAPTOP, SMALLEST_SIZE], ids=["1366x697", "1024x640"])
def test_a_lesion_added_with_the_details_open_moves_nothing_either(
    make_window, store, coordinator, service, qtbot, size
):
    """The coordinator works on the map when the next lesion turns up: L keeps the details where they are,
    now showing the new lesion, and nothing under the pointer moves."""
    window = open_at(make_window, store, coordinator, service, size, "en")
    live = window.live
    live.details_button.click()
    settle()
    panel = live.lesion_panel
    owners = {"the map": panel.map, "the back button": live.lesion_page.back_button, "the title": panel.title}
    for name, owner in owners.items():
        point = owner.mapTo(window, owner.rect().center())
        QCursor.setPos(window.mapToGlobal(point))
        before = under(window, point)
        lesions = len(live.proc.lesions)
        window.activateWindow()
        qtbot.keyClick(live, forms.events()["lesion_found"].key)
        settle()
        assert len(live.proc.lesions) == lesions + 1
        assert under(window, point) == before, f"adding a lesion moved {name}"
        assert panel.title.text().endswith(str(lesions + 1)), "the details show the new lesion"
