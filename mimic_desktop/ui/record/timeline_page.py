"""The record's events in time order, each with its position in the procedure's video recording, and the video time
reference that lines the recording up with them (set or changed here, with a reason once the record is locked)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import forms, video_time
from ...domain.errors import MimicError
from ...domain.record import Procedure
from ...domain.wording import said
from ..labels import heading, message_label
from .access import RecordAccess
from .pages import RecordPage

# set_reference(event id, time as typed, reason as typed) stores the reference or raises with why it cannot.
SetReference = Callable[[int, str, str], object]


def _event_name(kind: str, lang: str) -> str:
    catalogue = forms.events()
    return catalogue[kind].text(lang) if kind in catalogue else kind


class TimelinePage(RecordPage):
    def __init__(self, access: RecordAccess, parent: QWidget | None = None):
        super().__init__(access, parent)
        self.setObjectName("timelinePage")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Timeline and video")))
        row = QHBoxLayout()
        self.reference = QLabel()
        self.reference.setObjectName("videoReference")
        self.reference.setWordWrap(True)
        row.addWidget(self.reference, 1)
        self.set_button = QPushButton(self.tr("Set the video time…"))
        self.set_button.setObjectName("setVideoTime")
        self.set_button.clicked.connect(self.ask_reference)
        self.set_button.setVisible(access.editable)
        row.addWidget(self.set_button)
        layout.addLayout(row)
        self.events = QTreeWidget()
        self.events.setObjectName("recordEvents")
        self.events.setAccessibleName(self.tr("The record's events, each with its time in the video recording"))
        self.events.setRootIsDecorated(False)
        self.events.setAlternatingRowColors(True)
        self.events.setHeaderLabels([self.tr("Time"), self.tr("Video"), self.tr("Event"), self.tr("Note or reason")])
        header = self.events.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.events, 1)

    def refresh(self, proc: Procedure) -> None:
        lang = self.access.lang
        reference = proc.video_reference
        anchor = video_time.reference_event(proc)
        if reference is None:
            text = self.tr("No video time reference: the events have no position in the video recording yet.")
        elif anchor is None:
            text = self.tr("The video time reference names event %1, which is struck through: set it again.").replace(
                "%1", str(reference.event_id)
            )
        else:
            text = (
                self.tr("The video recording showed %1 at %2 (%3); every event's position follows from it.")
                .replace("%1", video_time.shown(reference.shown_ms))
                .replace("%2", _event_name(anchor.kind, lang))
                .replace("%3", anchor.moment.astimezone().strftime("%H:%M:%S"))
            )
        self.reference.setText(text)
        self.set_button.setEnabled(self.access.editable and bool(proc.live_events()))
        positions = video_time.positions(proc)
        self.events.clear()
        for event in sorted(proc.events, key=lambda e: (e.at, e.id)):
            remark = event.struck_reason if event.struck else event.note
            item = QTreeWidgetItem(
                [
                    event.moment.astimezone().strftime("%H:%M:%S"),
                    video_time.shown(positions[event.id]) if event.id in positions else "",
                    _event_name(event.kind, lang),
                    remark or "",
                ]
            )
            if event.struck:
                for column in range(item.columnCount()):
                    font = item.font(column)
                    font.setStrikeOut(True)
                    item.setFont(column, font)
            self.events.addTopLevelItem(item)

    def ask_reference(self) -> VideoReferenceDialog:
        """Ask for the event and the time (without blocking); stored as one change, with its reason when locked."""
        access = self.access
        proc = access.proc

        def set_reference(event_id: int, shown: str, reason: str) -> None:
            access.service().set_video_reference(
                proc.id, shown, event_id=event_id, reason=reason.strip() or None, lang=access.lang
            )
            access.announce()

        dialog = VideoReferenceDialog(proc, set_reference, access.lang, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog


class VideoReferenceDialog(QDialog):
    """The dialog stays open with the refusal in words until the reference is stored or the user cancels."""

    def __init__(self, proc: Procedure, set_reference: SetReference, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.set_reference = set_reference
        self.lang = lang
        self.setObjectName("videoReferenceDialog")
        self.setWindowTitle(self.tr("Video time reference"))
        self.setMinimumWidth(520)
        layout = QFormLayout(self)
        explanation = QLabel(
            self.tr(
                "Choose an event and type the time the tower's video recording showed at it (H:MM:SS), as on the "
                "recording. Every other event's position in the recording follows from it."
            )
        )
        explanation.setWordWrap(True)
        layout.addRow(explanation)
        self.event_choice = QComboBox()
        self.event_choice.setObjectName("videoReferenceEvent")
        live = proc.live_events()
        for event in live:
            self.event_choice.addItem(f"{event.moment.astimezone():%H:%M:%S} {_event_name(event.kind, lang)}", event.id)
        current = proc.video_reference.event_id if proc.video_reference else None
        incision = proc.first_event(forms.marking("surgery_start").kind)
        chosen = current if any(e.id == current for e in live) else (incision.id if incision else None)
        if chosen is not None:
            self.event_choice.setCurrentIndex(self.event_choice.findData(chosen))
        layout.addRow(self.tr("Event"), self.event_choice)
        self.shown = QLineEdit()
        self.shown.setObjectName("videoReferenceShown")
        self.shown.setPlaceholderText(self.tr("H:MM:SS"))
        if proc.video_reference is not None:
            self.shown.setText(proc.video_reference.shown)
        layout.addRow(self.tr("The recording showed"), self.shown)
        self.reason = QLineEdit()
        self.reason.setObjectName("videoReferenceReason")
        self.reason.setPlaceholderText(self.tr("needed once the record is complete"))
        layout.addRow(self.tr("Reason"), self.reason)
        self.message = message_label("videoReferenceMessage")
        layout.addRow(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm = self.buttons.addButton(self.tr("Set the video time"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("confirmVideoReference")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addRow(self.buttons)

    def accept(self) -> None:
        try:
            self.set_reference(int(self.event_choice.currentData()), self.shown.text(), self.reason.text())
        except MimicError as error:
            self.message.setText(said(error, self.lang))  # in the record's language
            return
        super().accept()
