"""The live screen's lesion cards say plainly what is not entered yet, and every line fits at 1366 x 768."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QLabel

from mimic_desktop.domain.clock import utc_now
from mimic_desktop.ui import i18n
from tests.support.enrolment import ENROLMENT

NOT_ENTERED = {
    "en": (
        "Segment and size not entered yet",
        "Segment VII · size not entered yet",
        "22\u00a0mm · segment not entered yet",
    ),
    "nl": (
        "Segment en grootte nog niet ingevuld",
        "Segment VII · grootte nog niet ingevuld",
        "22\u00a0mm · segment nog niet ingevuld",
    ),
}
ASSESSED = ("transection_start", "plane_fluorescence", "plane_adapted", "transection_end", "specimen_fluorescent")


@pytest.fixture
def four_lesions(service):
    """Lesion 1 entered and assessed at every step, the occult lesion 2 with nothing entered, lesion 3 with its
    segment only and lesion 4 (the current one) with its size only."""
    start = utc_now() - timedelta(hours=2)
    proc_id = service.create("MIM-01-001", "01", ENROLMENT | {"icg_given_at": start - timedelta(hours=23)})
    moments = iter(start + timedelta(minutes=3 * n) for n in range(40))
    service.record_event(proc_id, "incision", at=next(moments))
    service.record_event(proc_id, "lesion_found", at=next(moments))
    first = service.load(proc_id).current_lesion_id
    service.set_values(proc_id, {"segments": ["VII", "VIII"], "size_mm": 22}, entity="lesion", entity_id=first)
    for kind in (*ASSESSED, "cavity_fluorescent", "reresection_done"):
        service.record_event(proc_id, kind, at=next(moments))
    for kind, values in (
        ("occult_lesion", {}),
        ("lesion_found", {"segments": ["VII"]}),
        ("lesion_found", {"size_mm": 22}),
    ):
        service.record_event(proc_id, kind, at=next(moments))
        if values:
            service.set_values(proc_id, values, entity="lesion", entity_id=service.load(proc_id).current_lesion_id)
    return proc_id


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_cards_word_what_is_missing_and_show_every_line(
    make_window, store, coordinator, four_lesions, ui_app, qtbot, lang
):
    i18n.install(ui_app, lang)
    window = make_window(store, coordinator, lang=lang, demo=True)  # the demo banner takes height too
    window.open_procedure(four_lesions)
    window.live.details_button.click()  # the whole cards stand over the map in the lesion details
    cards = window.live.full_cards
    texts = [card.findChild(QLabel).text() for card in cards.cards.values()]
    assert len(texts) == 4
    assert all("?" not in text and "Seg." not in text for text in texts)
    for text, missing in zip(texts[1:], NOT_ENTERED[lang], strict=True):
        assert missing in text.splitlines()
    assert "suspected R1" in texts[0] or "verdacht R1" in texts[0]

    qtbot.waitUntil(
        lambda: cards.cards[window.live.proc.current_lesion_id].visibleRegion().boundingRect().width() > 150
    )
    viewport = cards.scroll_area.viewport()
    for card in cards.cards.values():
        label = card.findChild(QLabel)
        assert label.heightForWidth(label.width()) <= label.height(), f"{label.text()!r} is cut off"
        assert card.rect().contains(label.geometry())
        assert card.height() <= viewport.height()
    current = cards.cards[window.live.proc.current_lesion_id]
    corner = current.mapTo(viewport, QPoint(current.width() - 1, current.height() - 1))
    assert viewport.rect().contains(current.mapTo(viewport, QPoint(0, 0))) and viewport.rect().contains(corner)
    QApplication.processEvents()
    assert (window.width(), window.height()) == (1366, 768), "the screen still fits a 1366 x 768 laptop"
    assert window.live.lesion_panel.isVisible() and window.live.timeline.isVisible()
    window.live.show_event_buttons()
    assert window.live.timeline.isVisible()
    assert all(button.isVisible() for button in window.live.buttons.buttons.values())
    # With the buttons, a card of one line per lesion, which says the rest in its tooltip and accessible name.
    for lesion_id, chip in window.live.cards.cards.items():
        whole = cards.cards[lesion_id].findChild(QLabel).text()
        line = chip.findChild(QLabel)
        assert line.text() == whole.splitlines()[0] and chip.rect().contains(line.geometry())
        assert line.sizeHint().width() <= line.width()
        assert whole in chip.toolTip() and chip.accessibleName() == whole.replace("\n", ", ")
