"""The live screen at every size the window allows: nothing overlaps, everything is in view or scrolls into it."""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from mimic_desktop.ui import themes
from mimic_desktop.ui.main_window import SMALLEST_SIZE
from tests.support.enrolment import in_surgery

LARGE_TARGET = 54  # the style's least height of an event button


def in_window(window: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def scrolls_into_view(widget: QWidget) -> bool:
    """Whether the whole widget can be seen: at once, or once the scroll areas around it scroll to it."""
    holder = widget.parentWidget()
    while holder is not None:
        if isinstance(holder, QScrollArea):
            holder.ensureWidgetVisible(widget, 0, 0)
        holder = holder.parentWidget()
    QApplication.processEvents()
    return widget.visibleRegion().boundingRect() == widget.rect()


@pytest.mark.parametrize(
    ("size", "theme", "lang"),
    [
        (QSize(1024, 640), "dark", "en"),
        (QSize(1024, 640), "light", "nl"),
        (QSize(1280, 720), "light", "en"),
        (QSize(1366, 700), "dark", "en"),
    ],
)
def test_nothing_overlaps_and_everything_is_reachable(
    make_window, store, coordinator, service, ui_app, size, theme, lang
):
    themes.apply(ui_app, theme)
    proc_id = in_surgery(service, ("incision", "lesion_found", "lesion_found", "occult_lesion"))
    window = make_window(store, coordinator, lang=lang)
    window.open_procedure(proc_id)
    assert window.minimumSizeHint().boundedTo(SMALLEST_SIZE) == window.minimumSizeHint(), (
        "the window's layout fits in its smallest size, so the explicit minimum hides no overlap"
    )
    window.resize(size)
    QApplication.processEvents()
    assert window.size() == size
    live = window.live
    event_scroll = live.findChild(QScrollArea, "eventButtonsScroll")
    parts = {
        "clock": live.clock,
        "event buttons": event_scroll,
        "lesion cards": live.cards,
        "lesion panel": live.lesion_panel,
        "timeline": live.timeline,
    }
    screen_area = in_window(window, live)
    for (name, part), (other_name, other) in combinations(parts.items(), 2):
        assert not in_window(window, part).intersects(in_window(window, other)), f"{name} overlaps {other_name}"
    for name, part in parts.items():
        assert screen_area.left() <= in_window(window, part).left(), name
        assert in_window(window, part).right() <= screen_area.right(), f"{name} is cut off on the right"
    assert screen_area.contains(in_window(window, live.clock)), "the clock is always in view"

    for kind, button in live.buttons.buttons.items():
        words, _key = live.buttons.labels[kind]
        assert scrolls_into_view(button), f"{kind} cannot be brought into view"
        assert button.height() >= LARGE_TARGET, f"{kind} is no longer a large target"
        assert words.heightForWidth(words.width()) <= words.height(), f"{kind}: its label is cut off"
        widest = max(words.fontMetrics().horizontalAdvance(word) for word in words.text().split())
        assert widest <= words.width(), f"{kind}: a word of its label is cut"
    panel = live.lesion_panel
    assert not in_window(window, panel.map).intersects(in_window(window, panel.form))
    beside = in_window(window, panel.map).right() < in_window(window, panel.form).left()
    assert beside == (size.width() >= 1280), "the map stands beside the form where there is room, above it elsewhere"
    current = live.cards.cards[live.proc.current_lesion_id]
    for name, widget in {
        "current lesion card": current,
        "Couinaud map": live.lesion_panel.map,
        "Save lesion": live.lesion_panel.save_button,
        "timeline": live.timeline.tree,
        "Strike through": live.timeline.strike_button,
    }.items():
        assert scrolls_into_view(widget), f"{name} cannot be brought into view"

    window.saved.saved()
    assert window.saved.isVisible() and window.rect().contains(in_window(window, window.saved))


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_event_button_is_in_sight_on_a_maximised_laptop(make_window, store, coordinator, service, lang):
    """1366 x 768 less a title bar and a taskbar: no event button needs scrolling to be seen."""
    proc_id = in_surgery(service)
    window = make_window(store, coordinator, lang=lang)
    window.open_procedure(proc_id)
    window.resize(QSize(1366, 700))
    QApplication.processEvents()
    hidden = [
        kind
        for kind, button in window.live.buttons.buttons.items()
        if button.visibleRegion().boundingRect() != button.rect()
    ]
    assert hidden == []
