"""The current lesion: its segments on the Couinaud map and the other lesion fields of the CRF."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain import forms
from ...domain.errors import ValidationError
from ...domain.record import Lesion
from ..form_changes import FormChanges
from ..form_widget import FormWidget
from ..liver_map import LiverMap

PANEL_HEIGHT = 250
SAVE_DELAY_MS = 1500  # typed values are saved once the typing pauses, or when anything else happens


class LesionPanel(QWidget):
    """Emits save_requested(lesion_id, values) for the map at once and for typed fields after a pause.

    Only what is stored is shown (no form defaults), and only the fields typed into that differ
    from the stored values are sent.
    """

    save_requested = Signal(str, dict)
    problem = Signal(str)  # a typed value that cannot be saved, in words

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lesionPanel")
        self.lesion_id: str | None = None
        section = forms.crf().section("lesion")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        self.title = QLabel()
        self.title.setProperty("role", "section")
        left.addWidget(self.title)
        self.map = LiverMap()
        self.map.segments_changed.connect(lambda codes: self._emit({"segments": codes}))
        left.addWidget(self.map, 1)
        layout.addLayout(left, 1)
        right = QVBoxLayout()
        # The map edits the segments; every other field of the CRF's lesion section is a form field.
        self.form = FormWidget([section], lang, self, only={f.name for f in section.fields} - {"segments"})
        self.typed = FormChanges(self.form, self)
        for editor in self.form.editors.values():
            editor.input.installEventFilter(self)
        self.form.layout().setVerticalSpacing(4)
        right.addWidget(self.form)
        self.save_button = QPushButton(self.tr("Save lesion"))
        self.save_button.setObjectName("saveLesion")
        self.save_button.clicked.connect(lambda: self.flush(report=True))
        right.addWidget(self.save_button)
        right.addStretch(1)
        layout.addLayout(right, 1)
        self.setMaximumHeight(PANEL_HEIGHT)  # the rest of the column belongs to the timeline
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(self.flush)
        self.typed.edited.connect(self.timer.start)
        self.show_lesion(None)

    def show_lesion(self, lesion: Lesion | None, editable: bool = True) -> None:
        """Show a lesion; typed values not yet saved are kept while the same lesion stays current."""
        same = lesion is not None and lesion.id == self.lesion_id
        self.lesion_id = lesion.id if lesion else None
        self.title.setText(
            self.tr("Current lesion: %1").replace("%1", str(lesion.number)) if lesion else self.tr("No current lesion")
        )
        self.map.set_segments(lesion.get("segments") if lesion else None)
        # Typed values wait while the same lesion stays current; another lesion shows its own.
        self.typed.show(lesion.values if lesion else {}, force=not same)
        enabled = editable and lesion is not None
        self.map.set_read_only(not enabled)
        self.form.set_read_only(not enabled)
        self.save_button.setEnabled(enabled)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A letter typed into a lesion field (choosing 'Rim' with R) stays there, not an event key."""
        if event.type() == QEvent.Type.ShortcutOverride:
            modifiers = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
            if event.text().isprintable() and event.text() and not modifiers:
                event.accept()
                return True
        return super().eventFilter(watched, event)

    def _emit(self, values: dict[str, Any]) -> None:
        if self.lesion_id is not None:
            self.save_requested.emit(self.lesion_id, values)

    def flush(self, report: bool = False) -> None:
        """Save typed values now; a wrong value stays on screen, marked, until it is corrected."""
        self.timer.stop()
        if not (self.typed.dirty or report) or self.lesion_id is None:
            return
        try:
            changes = self.typed.changes()
        except ValidationError as error:
            if report:
                self.problem.emit(str(error))
            return
        self.typed.saved()
        if changes:
            self._emit(changes)
