"""What the record pages share: a scrolling column of blocks, and saving a block of procedure fields."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from ...domain.record import Procedure
from .access import RecordAccess
from .section_editor import SectionEditor


def scrolling(content: QWidget) -> QScrollArea:
    """content in a scroll area, so every page fits a 1366 x 768 screen."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    return area


class RecordPage(QWidget):
    """One page of the record: shows a procedure, and saves what waits before the page is left."""

    def __init__(self, access: RecordAccess, parent: QWidget | None = None):
        super().__init__(parent)
        self.access = access
        self.editors: list[SectionEditor] = []

    def refresh(self, proc: Procedure) -> None:
        raise NotImplementedError

    def flush(self, report: bool = True) -> bool:
        """Save what is still being typed in every block; False when something could not be saved."""
        return all([editor.flush(report) for editor in self.editors])  # a list: every block is tried

    def save_procedure_values(self, values: dict[str, Any], voids_signature: bool = False) -> bool:
        access = self.access
        # Questions answered for the first time (voids_signature marks the questionnaire's answers) need no reason.
        first_answers = voids_signature and all(access.proc.get(name) is None for name in values)
        return access.change(
            self,
            lambda reason: access.service().set_values(access.proc_id, values, reason=reason, lang=access.lang),
            voids_signature=voids_signature,
            first_answers=first_answers,
        )
