"""The Settings dialog's video part: the video source (a capture device's number or a file) and each imaging
system's mask rectangles, with a preview of one frame masked black as it will be stored. A coordinator changes
them (saved with the dialog's OK, in one audited change); everyone else sees them."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QHideEvent, QImage, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..domain import forms
from ..domain.errors import MimicError
from ..domain.roles import Action
from ..services import frames, video, video_settings
from .context import AppContext
from .file_choice import ask_open_file, documents_folder
from .i18n import said
from .icons import icon
from .labels import caption, heading, message_label

PREVIEW = QSize(320, 180)  # the preview's box in the dialog; the frame is scaled into it, its shape kept
DEVICE_REFRESH_MS = 1000  # a capture device's preview follows the tower while the dialog is open
VIDEO_FILES = "*.avi *.mp4 *.mkv *.mov *.png *.jpg *.jpeg *.tif *.tiff *.bmp"


def _rects(text: str) -> list[str]:
    """The rectangles typed, X,Y,W,H each, separated by semicolons (as the command line takes them)."""
    return [part.strip() for part in text.split(";") if part.strip()]


class VideoSettingsSection(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("videoSettingsSection")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Video source and masks")))
        about = self.tr(
            "With a video source the live screen keeps the frame of each fluorescence finding. Each imaging "
            "system's rectangles are blacked out before a frame is stored: towers burn patient details into the video."
        )
        layout.addWidget(caption(about))
        form = QFormLayout()
        self.source = QLineEdit(video.source(context.store) or "")
        self.source.setObjectName("videoSource")
        self.source.setPlaceholderText(self.tr("a capture device's number (0 for the first), or a file"))
        self.choose_button = QPushButton(icon("mdi6.folder-open-outline"), self.tr("Choose a file…"))
        self.choose_button.setObjectName("videoSourceFile")
        self.choose_button.clicked.connect(self.choose_file)
        source_row = QHBoxLayout()
        source_row.addWidget(self.source, 1)
        source_row.addWidget(self.choose_button)
        form.addRow(self.tr("Video source"), source_row)
        self.system = QComboBox()
        self.system.setObjectName("maskSystem")
        for choice in forms.field_def("imaging_system").choices:
            self.system.addItem(choice.label.get(context.lang) or choice.label["en"], choice.code)
        self.system.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        form.addRow(self.tr("Imaging system"), self.system)
        self.masks = QLineEdit()
        self.masks.setObjectName("frameMasks")
        self.masks.setPlaceholderText(self.tr("X,Y,W,H in the frame's pixels; several separated by ;"))
        form.addRow(self.tr("Masks"), self.masks)
        layout.addLayout(form)
        # What is typed per system, kept while another system is shown; saved with OK.
        self.stored = {system: "; ".join(rects) for system, rects in frames.masks(context.store).items()}
        self.typed = dict(self.stored)
        self.shown_source = self.source.text()
        self.system.currentIndexChanged.connect(self._show_system)
        self.masks.textEdited.connect(self._keep_typed)
        self._show_system()
        preview_row = QHBoxLayout()
        self.preview = QLabel()
        self.preview.setObjectName("framePreview")
        self.preview.setFixedSize(PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.preview.setAccessibleName(self.tr("One frame of the video source, masked as it will be stored"))
        self.preview.setText(self.tr("No frame shown yet."))
        preview_row.addWidget(self.preview)
        self.refresh_button = QPushButton(icon("mdi6.camera-outline"), self.tr("Show a frame"))
        self.refresh_button.setObjectName("previewRefresh")
        self.refresh_button.clicked.connect(self.refresh_preview)
        preview_row.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)
        preview_row.addStretch(1)
        layout.addLayout(preview_row)
        self.problem = message_label("videoSettingsProblem")
        layout.addWidget(self.problem)
        self.frame_image: QImage | None = None  # the preview's frame at its own size, masked
        self.previewing = video_settings.Preview()
        self.timer = QTimer(self)
        self.timer.setInterval(DEVICE_REFRESH_MS)
        self.timer.timeout.connect(self.refresh_preview)
        user = context.user
        allowed = bool(user and user.may(Action.MANAGE_USERS))
        for editor in (self.source, self.choose_button, self.masks):
            editor.setEnabled(allowed)
        if not allowed:
            notice = self.tr("Only a coordinator can change the video source and the masks.")
            layout.addWidget(caption(notice, "videoRoleNotice"))

    # -- what is typed -------------------------------------------------------------------------------------
    def _show_system(self, *_index: object) -> None:
        self.masks.setText(self.typed.get(self.system.currentData(), ""))

    def _keep_typed(self, text: str) -> None:
        self.typed[self.system.currentData()] = text

    def choose_file(self) -> None:
        path = ask_open_file(self, self.tr("The video source"), documents_folder(), VIDEO_FILES)
        if path is not None:
            self.source.setText(str(path))

    def changed_masks(self) -> dict[str, list[str]]:
        return {
            system: _rects(text)
            for system, text in self.typed.items()
            if _rects(text) != _rects(self.stored.get(system, ""))
        }

    def save(self) -> bool:
        """Save what changed; False (and the problem shown) when the change is refused."""
        source = self.source.text().strip()
        masks = self.changed_masks()
        if source == self.shown_source.strip() and not masks:
            return True
        try:
            video_settings.change(
                self.context.store,
                self.context.signed_in(),
                source=source if source != self.shown_source.strip() else None,
                masks=masks,
            )
        except MimicError as error:
            self.problem.setText(said(error))
            return False
        self.shown_source = source
        self.stored = {system: "; ".join(rects) for system, rects in frames.masks(self.context.store).items()}
        self.problem.setText("")
        return True

    # -- the preview ---------------------------------------------------------------------------------------
    def refresh_preview(self) -> None:
        """One frame of the source as typed, with the masks typed for the system shown, black."""
        try:
            png = self.previewing.frame_png(self.source.text(), _rects(self.masks.text()))
        except MimicError as error:
            self.timer.stop()
            self.frame_image = None
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No frame shown."))
            self.problem.setText(said(error))
            return
        image = QImage.fromData(png)
        self.frame_image = image
        scaled = QPixmap.fromImage(image).scaled(
            PREVIEW, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self.preview.setPixmap(scaled)
        self.problem.setText("")
        if self.previewing.source is not None and self.previewing.source.device is not None:
            self.timer.start()  # a device's picture moves: follow it while the dialog is open

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if video.is_device(self.source.text().strip()):
            self.refresh_preview()  # a capture device shows what it sees at once; a file waits to be asked

    def hideEvent(self, event: QHideEvent) -> None:
        self.close_preview()
        super().hideEvent(event)

    def close_preview(self) -> None:
        """Stop following the source and let it go (another program may want the capture device)."""
        self.timer.stop()
        self.previewing.close()


class VideoSettingsDialog(QDialog):
    """The video part of the settings, over the Settings dialog: OK saves it (a refusal keeps it open, saying why)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("videoSettingsDialog")
        self.setWindowTitle(self.tr("Video source and masks"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.section = VideoSettingsSection(context)
        layout.addWidget(self.section)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        if self.section.save():
            super().accept()

    def done(self, result: int) -> None:
        self.section.close_preview()  # the capture device is free again once the dialog closes
        super().done(result)
