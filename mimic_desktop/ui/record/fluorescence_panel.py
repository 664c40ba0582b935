"""On the lesion's page: the frames kept with the lesion's findings, regions drawn on one, its figures measured.

The figures shown while drawing are those `fluorescence set` stores (services.frames computes both); storing
is one audited change of the record, asked a reason for when the record is complete.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import forms
from ...domain.clock import local_text
from ...domain.errors import MimicError
from ...domain.record import Lesion
from ...domain.wording import decimal
from ...services import frames
from ..i18n import current, said
from .access import RecordAccess
from .frame_canvas import FrameCanvas, parse_rect_text, rect_text


class FluorescencePanel(QGroupBox):
    def __init__(self, access: RecordAccess, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fluorescencePanel")
        self.setTitle(self.tr("Fluorescence measured on a kept frame"))
        self.access = access
        self.lesion: Lesion | None = None
        self.kept: list[frames.KeptFrame] = []
        column = QVBoxLayout(self)
        self.none = QLabel(
            self.tr("No frame was kept with this lesion's findings: frames are kept while a video source is set.")
        )
        self.none.setObjectName("noFrames")
        self.none.setWordWrap(True)
        column.addWidget(self.none)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        choose = QHBoxLayout()
        self.frame_choice = QComboBox()
        self.frame_choice.setObjectName("frameChoice")
        self.frame_choice.setAccessibleName(self.tr("Kept frame"))
        self.frame_choice.currentIndexChanged.connect(self._frame_chosen)
        choose.addWidget(QLabel(self.tr("Frame")))
        choose.addWidget(self.frame_choice, 1)
        body.addLayout(choose)
        # The channel and the Store button above the frame, with the frame's choice: on a small laptop the frame
        # fills the page's height, and what is chosen and stored stays in sight together.
        settle = QHBoxLayout()
        self.channel = QComboBox()
        self.channel.setObjectName("channelChoice")
        self.channel.setAccessibleName(self.tr("Channel"))
        for code, text in self._channel_texts().items():
            self.channel.addItem(text, code)
        self.channel.currentIndexChanged.connect(self.show_figures)
        settle.addWidget(QLabel(self.tr("Channel")))
        settle.addWidget(self.channel)
        settle.addStretch(1)
        self.store_button = QPushButton(self.tr("Store the measurement"))
        self.store_button.setObjectName("storeMeasurement")
        self.store_button.clicked.connect(self.store)
        self.store_button.setVisible(access.editable)
        settle.addWidget(self.store_button)
        body.addLayout(settle)
        self.canvas = FrameCanvas()
        regions = QHBoxLayout()
        self.region_buttons = QButtonGroup(self)
        for name, text in (
            ("target", self.tr("Draw the target (T)")),
            ("background", self.tr("Draw the background (B)")),
        ):
            button = QRadioButton(text)
            button.setObjectName(f"{name}Region")
            button.setChecked(name == "target")
            button.toggled.connect(lambda on, name=name: self._region_chosen(name, on))
            self.region_buttons.addButton(button)
            regions.addWidget(button)
        regions.addStretch(1)
        body.addLayout(regions)
        self.canvas.setAccessibleName(self.tr("Frame: drag to draw a region; arrows move it, Shift+arrows resize it"))
        self.canvas.regions_changed.connect(self._regions_changed)
        body.addWidget(self.canvas, 1)
        hint = QLabel(
            self.tr(
                "Drag on the frame to draw the chosen region. Keys: T target, B background, arrows move,"
                " Shift+arrows resize, Ctrl for ten pixels."
            )
        )
        hint.setWordWrap(True)
        body.addWidget(hint)
        self.figures = QLabel()
        self.figures.setObjectName("fluorescenceFigures")
        self.figures.setWordWrap(True)
        body.addWidget(self.figures)
        self.stored = QLabel()
        self.stored.setObjectName("storedMeasurements")
        self.stored.setWordWrap(True)
        body.addWidget(self.stored)
        column.addWidget(self.body)

    def _channel_texts(self) -> dict[str, str]:
        texts = {
            "nir": self.tr("near-infrared (grey frame)"),
            "green": self.tr("green (overlay colour)"),
            "red": self.tr("red"),
            "blue": self.tr("blue"),
            "gray": self.tr("grey of a colour frame"),
        }
        return {code: texts[code] for code in frames.CHANNELS}

    # -- showing ---------------------------------------------------------------------------
    def show_lesion(self, lesion: Lesion | None) -> None:
        self.lesion = lesion
        proc = self.access.proc
        try:
            self.kept = [] if lesion is None else frames.frames_for_lesion(self.access.service(), proc, lesion.id)
        except MimicError as error:
            self.kept = []
            self.none.setText(said(error))
        self.none.setVisible(not self.kept)
        self.body.setVisible(bool(self.kept))
        chosen = self.frame_choice.currentData()
        self.frame_choice.blockSignals(True)
        self.frame_choice.clear()
        lang = self.access.lang
        for kept in self.kept:
            finding = forms.events()[kept.event_kind].text(lang) if kept.event_kind in forms.events() else ""
            self.frame_choice.addItem(
                self.tr("Frame %1 · %2 · %3")
                .replace("%1", str(kept.id))
                .replace("%2", finding)
                .replace("%3", local_text(kept.event_at)),
                kept.id,
            )
        index = self.frame_choice.findData(chosen)
        self.frame_choice.setCurrentIndex(max(index, 0) if self.kept else -1)
        self.frame_choice.blockSignals(False)
        self._frame_chosen()

    def _measurements(self) -> list[frames.LesionMeasurement]:
        if self.lesion is None:
            return []
        number = self.lesion.number
        return [m for m in frames.measurements(self.access.service(), self.access.proc_id) if m.lesion_number == number]

    def _frame_chosen(self, _index: int = -1) -> None:
        frame_id = self.frame_choice.currentData()
        if frame_id is None:
            self.canvas.set_image(QImage())
            return
        try:
            png = frames.frame_png(self.access.service(), self.access.proc_id, frame_id)
        except MimicError as error:
            self.canvas.set_image(QImage())
            self.figures.setText(said(error))
            self.store_button.setEnabled(False)
            return
        self.canvas.set_image(QImage.fromData(png))
        # A frame measured before shows its stored regions and channel, to be checked or adjusted.
        earlier = next((m for m in self._measurements() if m.frame_id == frame_id), None)
        if earlier is not None:
            self.channel.blockSignals(True)
            self.channel.setCurrentIndex(max(self.channel.findData(earlier.channel), 0))
            self.channel.blockSignals(False)
            self.canvas.regions = {
                "target": parse_rect_text(earlier.target),
                "background": parse_rect_text(earlier.background),
            }
            self.canvas.update()
        self.show_stored()
        self.show_figures()

    def _region_chosen(self, name: str, on: bool) -> None:
        if on:
            self.canvas.set_active(name)

    def _regions_changed(self) -> None:
        for button in self.region_buttons.buttons():
            if button.objectName() == f"{self.canvas.active}Region" and not button.isChecked():
                button.setChecked(True)
        self.show_figures()

    def regions(self) -> tuple[QRect, QRect] | None:
        target, background = self.canvas.regions["target"], self.canvas.regions["background"]
        return None if target is None or background is None else (target, background)

    def show_figures(self) -> None:
        """The figures of the regions drawn, as they would be stored, with the words that say what they are."""
        regions, frame_id = self.regions(), self.frame_choice.currentData()
        self.store_button.setEnabled(regions is not None and frame_id is not None)
        if regions is None or frame_id is None:
            self.figures.setText(self.tr("Draw a target and a background region to see their figures."))
            return
        try:
            measured = frames.preview_measurement(
                self.access.service(),
                self.access.proc_id,
                frame_id,
                rect_text(regions[0]),
                rect_text(regions[1]),
                self.channel.currentData(),
            )
        except MimicError as error:
            self.store_button.setEnabled(False)
            self.figures.setText(said(error))
            return
        lines = [
            self.tr("Target %1: mean %2, SD %3")
            .replace("%1", measured.target.rect.text())
            .replace("%2", decimal(measured.target.mean, 1, current()))
            .replace("%3", decimal(measured.target.sd, 1, current())),
            self.tr("Background %1: mean %2, SD %3")
            .replace("%1", measured.background.rect.text())
            .replace("%2", decimal(measured.background.mean, 1, current()))
            .replace("%3", decimal(measured.background.sd, 1, current())),
            self.tr("Signal-to-background ratio: %1 on the %2 channel")
            .replace("%1", decimal(measured.ratio, 2, current()))
            .replace("%2", self.channel.currentText()),
            self.tr("Uncalibrated, relative to this frame: pixel values depend on the camera, its distance and angle."),
        ]
        self.figures.setText("\n".join(lines))

    def show_stored(self) -> None:
        stored = self._measurements()
        if not stored:
            self.stored.setText(self.tr("No measurement stored for this lesion yet."))
            return
        channels = self._channel_texts()
        self.stored.setText(
            "\n".join(
                self.tr("Stored: frame %1, ratio %2 (%3 channel)")
                .replace("%1", str(m.frame_id))
                .replace("%2", decimal(m.sbr, 2, current()))
                .replace("%3", channels.get(m.channel, m.channel))
                for m in stored
            )
        )

    # -- acting ----------------------------------------------------------------------------
    def store(self) -> None:
        regions, frame_id, lesion = self.regions(), self.frame_choice.currentData(), self.lesion
        if regions is None or frame_id is None or lesion is None:
            return
        access = self.access
        target, background, channel = rect_text(regions[0]), rect_text(regions[1]), self.channel.currentData()
        access.change(
            self,
            lambda reason: frames.set_measurement(
                access.service(),
                access.proc.study_id,
                lesion.number,
                frame_id,
                target,
                background,
                channel,
                reason=reason,
            ),
        )
