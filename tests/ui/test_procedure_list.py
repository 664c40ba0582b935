"""The procedure list: status in words, demo marking, search by study ID, opening a procedure."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt

from mimic_desktop.services.simulate import record_procedure
from tests.support.enrolment import ENROLMENT


def column(window, index: int) -> list[str]:
    table = window.list.table
    return [table.item(row, index).text() for row in range(table.rowCount())]


def test_status_search_and_open(make_window, store, coordinator, service, qtbot):
    finished = record_procedure(service, random.Random(2), centre="03", lesions=1)
    draft = service.create("MIM-03-050", "03", ENROLMENT)
    window = make_window(store, coordinator)
    rows = dict(zip(column(window, 0), column(window, 1), strict=True))
    assert rows[service.load(finished).study_id] == "Awaiting pathology"
    assert rows["MIM-03-050"] == "Draft"

    qtbot.keyClicks(window.list.search, "050")
    assert column(window, 0) == ["MIM-03-050"]
    table = window.list.table
    where = table.visualItemRect(table.item(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a real double click starts so
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.live is not None and window.live.proc_id == draft


def test_demo_procedures_are_marked(make_window, tmp_path):
    from mimic_desktop.services.accounts import AccountService
    from mimic_desktop.services.demo import create_demo

    demo = create_demo(tmp_path / "demo.sqlite")
    try:
        user = AccountService(demo).sign_in("demo.monitor", "demo-password")
        window = make_window(demo, user, demo=True)
        assert all(text.endswith("(demo)") for text in column(window, 0))
        assert "DEMO" in window.windowTitle()
        assert not window.list.new_button.isEnabled(), "a monitor cannot enrol"
    finally:
        demo.close()


def test_percent_and_underscore_in_the_search_are_characters_not_wildcards(
    make_window, store, coordinator, service, qtbot
):
    for number in ("001", "002", "010"):
        service.create(f"MIM-03-{number}", "03", ENROLMENT)
    window = make_window(store, coordinator)
    for typed in ("%", "_", "03_0", "0%1", "\\"):
        window.list.search.clear()
        qtbot.keyClicks(window.list.search, typed)
        assert column(window, 0) == [], f"{typed!r} matched every study ID"
    window.list.search.clear()
    qtbot.keyClicks(window.list.search, "03-01")
    assert column(window, 0) == ["MIM-03-010"]
    assert sorted(row["study_id"] for row in service.list("-00")) == ["MIM-03-001", "MIM-03-002"]
