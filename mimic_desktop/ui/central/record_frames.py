"""The record dialog's Frames tab: the near-infrared frames each version of the record lists, and the one chosen,
shown from the checked archived session file when its pixels travelled."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from ...domain import forms
from ...domain.errors import MimicError
from ...services import central_frames
from ...services.central_frames import CentralFrame
from ...storage.connection import Store
from ..i18n import arg, current, said
from ..labels import caption
from .widgets import ReadOnlyTable


class FramesTab(QWidget):
    """Reads what was imported; edits nothing."""

    def __init__(self, store: Store, study_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.study_id = study_id
        self.setObjectName("recordFrames")
        layout = QVBoxLayout(self)
        layout.addWidget(
            caption(
                self.tr(
                    "Frames are masked at the centre before they are kept, but a mask is set per imaging system and "
                    "may miss a name burnt into a picture: look at a frame before using it, and ask the centre when "
                    "it shows anything that identifies the patient."
                )
            )
        )
        self.note = QLabel()
        self.note.setObjectName("recordFramesNote")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = ReadOnlyTable(
            "recordFramesTable",
            [
                self.tr("Version"),
                self.tr("Event"),
                self.tr("SHA-256"),
                self.tr("Bytes"),
                self.tr("Size (pixels)"),
                self.tr("Pixels"),
            ],
        )
        self.table.itemSelectionChanged.connect(self.show_frame)
        splitter.addWidget(self.table)
        self.picture = QLabel()
        self.picture.setObjectName("recordFramePicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture_area = QScrollArea()
        self.picture_area.setWidgetResizable(True)
        self.picture_area.setWidget(self.picture)
        splitter.addWidget(self.picture_area)
        # The picture takes what the window gives; the list keeps a few rows.
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([160, 480])
        layout.addWidget(splitter, 1)
        self.frames: list[CentralFrame] = []
        self.load()

    def load(self) -> None:
        try:
            self.frames = central_frames.frames(self.store, self.study_id)
        except MimicError as error:
            self.note.setText(said(error))
            self.frames = []
        if not self.frames:
            self.note.setText(self.tr("No imported version of this record lists a frame."))
        self.table.fill(
            [
                [
                    str(frame.version),
                    f"{frame.event_id} · {self._event_words(frame.event_kind)}",
                    frame.sha256,
                    f"{frame.size:,}",
                    f"{frame.width} × {frame.height}",
                    self.tr("travelled") if frame.travelled else self.tr("stayed at the centre"),
                ]
                for frame in self.frames
            ]
        )

    @staticmethod
    def _event_words(kind: str | None) -> str:
        catalogue = forms.events()
        return catalogue[kind].text(current()) if kind in catalogue else (kind or "?")

    def show_frame(self) -> None:
        """The chosen frame's pixels, read from the archived file that carried it and checked; or why not."""
        rows = self.table.selectionModel().selectedRows()
        self.picture.clear()
        if not rows:
            return
        frame = self.frames[rows[0].row()]
        try:
            png = central_frames.frame_png(self.store, self.study_id, frame.sha256)
        except MimicError as error:
            self.note.setText(said(error))
            return
        pixmap = QPixmap()
        if not pixmap.loadFromData(png, "PNG"):
            self.note.setText(arg(self.tr("Frame %1 cannot be shown as a picture."), frame.sha256))
            return
        # Shown whole, at most at its own size: the frame's pixels are the file's, only the picture is scaled.
        room = self.picture_area.viewport().size()
        if pixmap.width() > room.width() or pixmap.height() > room.height():
            pixmap = pixmap.scaled(room, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        self.picture.setPixmap(pixmap)
        self.note.setText(arg(self.tr("Frame %1, as the centre kept it (masked)."), frame.sha256))
