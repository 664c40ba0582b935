"""The trial office's Queries page: a query raised through its dialog, the automatic checks, an open query withdrawn
with its reason, the centre's query file written, and a statistician who is not offered any of it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from mimic_desktop.domain.roles import Role
from mimic_desktop.exchange import query_file
from mimic_desktop.services import central_import
from mimic_desktop.ui.central.queries_page import RaiseDialog
from tests.support.office import data_manager, office_user
from tests.support.session_files import members
from tests.ui.central.conftest import cells


def test_a_data_manager_raises_withdraws_and_sends_queries(filled_db, open_window, actions, tmp_path, shown_errors):
    window = open_window(filled_db)
    window.show_page("queries")
    page = window.queries_page
    assert cells(page.table) == []

    def fill(dialog: RaiseDialog) -> None:
        actions.type(dialog.study_id, "MIM-01-002")
        actions.choose(dialog.kind, "lesion")
        # The fields are offered by their labels in the forms, for the kind chosen.
        assert dialog.field.itemText(dialog.field.findData("margin_mm")) == "Resection margin"
        assert dialog.field.findData("age") == -1 and dialog.field.count() > 5
        actions.choose(dialog.field, "margin_mm")
        actions.type(dialog.text, "Please check the margin against the report.")
        actions.click(dialog.buttons.buttons()[0])

    actions.answer_dialog(QApplication.activeModalWidget, fill)
    actions.click(page.raise_button)
    assert page.message.text() == "Query 1 raised: it goes out in the centre's next query file."
    row = cells(page.table)[0]
    assert row[:6] == [
        "1",
        "01",
        "MIM-01-002",
        "lesion 1, Resection margin",
        "open",
        "Please check the margin against the report.",
    ]

    # A question about what the record does not have is refused in words, and nothing is raised.
    dialog = RaiseDialog(page)
    dialog.study_id.setText("MIM-01-002")
    dialog.kind.setCurrentIndex(dialog.kind.findData("lesion"))
    dialog.field.setCurrentIndex(dialog.field.findData("margin_mm"))
    dialog.number.setValue(9)
    dialog.text.setPlainText("Margin?")
    assert not page.submit(dialog)
    assert shown_errors == ["MIM-01-002 (version 1) has no lesion 9, Resection margin."]
    shown_errors.clear()
    assert len(cells(page.table)) == 1

    actions.click(page.check_button)
    assert page.message.text() == "0 queries raised by the automatic checks."

    assert page.send("01", tmp_path)
    written = next(tmp_path.glob("*.mimicq"))
    assert "Written: " in page.message.text() and "1 query for centre 01" in page.message.text()
    sent = members(written.read_bytes())[query_file.QUERIES]
    assert b"Please check the margin against the report." in sent

    page.table.setCurrentCell(0, 0)
    seen: list[str] = []

    def withdraw(prompt) -> None:
        seen.append(prompt.windowTitle())
        actions.type(prompt.text, "raised on the wrong record")
        actions.click(prompt.buttons.buttons()[0])

    actions.answer_dialog(QApplication.activeModalWidget, withdraw)
    actions.click(page.close_button)
    assert seen == ["Withdraw the query"]
    assert cells(page.table)[0][4] == "closed"


@pytest.mark.parametrize("role", [Role.STATISTICIAN, Role.AUDITOR])
def test_other_roles_see_the_queries_but_are_not_offered_to_change_them(filled_db, open_window, role):
    store = central_import.open_existing(filled_db)
    office_user(store, "reader", role)
    data_manager(store)
    store.close()
    window = open_window(filled_db, user="reader")
    assert not any(button.isVisibleTo(window) for button in window.queries_page.buttons)
