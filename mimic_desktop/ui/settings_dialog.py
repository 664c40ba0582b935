"""Theme and interface language; on the laptop, its study settings and the centre's public key for the trial office
(both the coordinator's)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import MimicError
from ..domain.roles import Action
from ..services import query_answers
from ..services import settings as study_settings
from ..services.session_key import PublicKeyFile, write_public_key
from . import dialogs
from .context import AppContext
from .file_choice import ask_folder, ask_open_file, documents_folder
from .frames_travel_setting import FramesTravelSetting
from .i18n import arg, said
from .icons import icon
from .labels import caption, heading, message_label
from .preferences import LOCK_MINUTES_MOST, Preferences
from .video_settings import VideoSettingsDialog

# What a window manager takes above and below a dialog (its title bar and frame), kept free of the screen's height.
FRAME_ALLOWANCE = 48


class PublicKeySection(QWidget):
    """Writes this laptop's public session-signing key and shows its fingerprint, to be read out by phone."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("publicKeySection")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Public key for the trial office")))
        about = self.tr(
            "The trial office checks every session file against this laptop's public key. Save the key file "
            "for them (USB stick or e-mail), then read them its fingerprint by phone, so that they know the "
            "file is yours. The private key never leaves this laptop."
        )
        layout.addWidget(caption(about))
        self.button = QPushButton(icon("mdi6.key-outline"), self.tr("Save the public key…"))
        self.button.setObjectName("publicKeyButton")
        self.button.clicked.connect(self.choose_folder)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        user = context.user
        # The laptop's study settings are the coordinator's, as in services.settings.
        allowed = bool(user and user.may(Action.MANAGE_USERS))
        self.button.setEnabled(allowed)
        if not allowed:
            refusal = self.tr("Only a coordinator can save the centre's public key.")
            layout.addWidget(caption(refusal, "publicKeyRoleNotice"))
        self.where = QLabel()
        self.where.setObjectName("publicKeyWhere")
        self.where.setWordWrap(True)
        layout.addWidget(self.where)
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("publicKeyFingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.fingerprint)
        self.folder = documents_folder()

    def choose_folder(self) -> None:
        folder = ask_folder(self, self.tr("Save the public key into"), self.folder)
        if folder is not None:
            self.save_into(folder)

    def save_into(self, folder: Path) -> PublicKeyFile | None:
        """Write the key file (the key pair is made first if this laptop has none yet) and show the fingerprint."""
        self.folder = folder
        try:
            written = write_public_key(folder)
        except MimicError as error:
            self.where.setText(said(error))
            dialogs.show_error(self, error)
            return None
        self.where.setText(
            arg(self.tr("Written: %1. Read this fingerprint to the trial office by phone:"), written.path)
        )
        self.fingerprint.setText(written.fingerprint)
        return written


class OfficeKeySection(QWidget):
    """Registers the trial office's public key, once, so that its query files are accepted; shows the fingerprint
    registered (a coordinator's step, as the study settings are)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("officeKeySection")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("The trial office's key")))
        about = self.tr(
            "The trial office sends its questions about the records in query files signed with its own key. "
            "Register its public key file once, after checking its fingerprint with the office by phone."
        )
        layout.addWidget(caption(about))
        self.button = QPushButton(icon("mdi6.key-plus"), self.tr("Register the trial office's key…"))
        self.button.setObjectName("officeKeyButton")
        self.button.clicked.connect(self.choose_file)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        user = context.user
        self.button.setEnabled(bool(user and user.may(Action.MANAGE_USERS)))
        self.state = QLabel()
        self.state.setObjectName("officeKeyState")
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.state)
        self.show_state()

    def show_state(self) -> None:
        fingerprint = query_answers.office_fingerprint(self.context.store)
        if fingerprint is None:
            self.state.setText(self.tr("No trial office key is registered yet."))
        else:
            self.state.setText(arg(self.tr("Registered: fingerprint %1"), fingerprint))

    def choose_file(self) -> None:
        path = ask_open_file(self, self.tr("The trial office's public key"), documents_folder(), "*.pem")
        if path is not None:
            self.register(path)

    def register(self, path: Path) -> bool:
        try:
            query_answers.trust_office(self.context.store, self.context.signed_in(), path)
        except MimicError as error:
            self.state.setText(said(error))
            dialogs.show_error(self, error)
            return False
        self.show_state()
        return True


class StudySettingsSection(QWidget):
    """The laptop's study settings: the protocol's ICG window and the centre code. A coordinator changes them
    (saved with the dialog's OK, in one audited change); monitors and surgeons see them read-only."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("studySettingsSection")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Study settings")))
        about = self.tr("An ICG interval outside the window is flagged; new procedures start with the centre code.")
        layout.addWidget(caption(about))
        form = QFormLayout()
        self.window_low, self.window_high = (self._hours(name) for name in ("icgWindowLow", "icgWindowHigh"))
        low, high = (limit.total_seconds() / 3600 for limit in study_settings.icg_window(context.store))
        self.window_low.setValue(low)
        self.window_high.setValue(high)
        window = QHBoxLayout()
        window.addWidget(self.window_low)
        window.addWidget(QLabel(self.tr("to")))
        window.addWidget(self.window_high)
        window.addWidget(QLabel(self.tr("from injection to incision")), 1)
        form.addRow(self.tr("ICG window"), window)
        self.centre = QLineEdit(study_settings.centre(context.store) or "")
        self.centre.setObjectName("centreCode")
        self.centre.setPlaceholderText(self.tr("two digits, e.g. 03"))
        self.centre.setMaxLength(2)
        form.addRow(self.tr("Centre code"), self.centre)
        layout.addLayout(form)
        self.shown = self.values()
        user = context.user
        allowed = bool(user and user.may(Action.MANAGE_USERS))
        for editor in (self.window_low, self.window_high, self.centre):
            editor.setEnabled(allowed)
        if not allowed:
            layout.addWidget(caption(self.tr("Only a coordinator can change the study settings."), "studyRoleNotice"))
        self.problem = message_label("studySettingsProblem")
        layout.addWidget(self.problem)

    @staticmethod
    def _hours(name: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setObjectName(name)
        box.setRange(0, study_settings.LONGEST_ICG_WINDOW_HOURS)
        box.setDecimals(1)
        box.setSuffix(" h")
        return box

    def values(self) -> tuple[float, float, str]:
        return self.window_low.value(), self.window_high.value(), self.centre.text().strip()

    def save(self) -> bool:
        """Save what changed; False (and the problem shown) when the change is refused."""
        if self.values() == self.shown:
            return True
        low, high, centre = self.values()
        shown_low, shown_high, shown_centre = self.shown
        window = (low, high) if (low, high) != (shown_low, shown_high) else None
        try:
            study_settings.change(
                self.context.store,
                self.context.signed_in(),
                icg_window_hours=window,
                centre_code=centre if centre != shown_centre else None,
            )
        except MimicError as error:
            self.problem.setText(said(error))
            return False
        self.shown = self.values()
        self.problem.setText("")
        return True


class SettingsDialog(QDialog):
    """Theme and language; with the laptop's context, also its study settings and the public key section."""

    def __init__(self, prefs: Preferences, parent: QWidget | None = None, context: AppContext | None = None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        # The settings scroll, OK and Cancel stay below them: with the study's sections the dialog is taller than a
        # 1366x768 laptop's screen, and a button below its edge cannot be reached.
        frame = self.frame_layout = QVBoxLayout(self)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("settingsScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.content = QWidget()
        outer = self.content_layout = QVBoxLayout(self.content)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area.setWidget(self.content)
        frame.addWidget(self.scroll_area, 1)
        layout = QFormLayout()
        outer.addLayout(layout)
        self.theme = QComboBox()
        self.theme.setObjectName("theme")
        self.theme.addItem(self.tr("Dark (dimmed operating room)"), "dark")
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.setCurrentIndex(self.theme.findData(prefs.theme))
        layout.addRow(self.tr("Theme"), self.theme)
        self.language = QComboBox()
        self.language.setObjectName("language")
        # Each language is named in itself, so someone who reads only one finds it.
        self.language.addItem("English", "en")
        self.language.addItem("Nederlands", "nl")
        self.language.setCurrentIndex(self.language.findData(prefs.lang))
        layout.addRow(self.tr("Language"), self.language)
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setObjectName("lockMinutes")
        self.lock_minutes.setRange(0, LOCK_MINUTES_MOST)
        self.lock_minutes.setSuffix(self.tr(" min"))
        self.lock_minutes.setSpecialValueText(self.tr("never"))
        self.lock_minutes.setValue(prefs.lock_minutes)
        self.lock_minutes.setToolTip(
            self.tr("The screen locks after this long without use; never while a procedure is recorded live.")
        )
        layout.addRow(self.tr("Lock the screen after"), self.lock_minutes)
        self.prefs = prefs
        self.study = StudySettingsSection(context) if context is not None else None
        if self.study is not None:
            outer.addSpacing(12)
            outer.addWidget(self.study)
        self.frames_travel = FramesTravelSetting(context) if context is not None else None
        if self.frames_travel is not None:
            outer.addWidget(self.frames_travel)
        # The video source and masks have a dialog of their own: with its preview, this one would pass the height
        # of a laptop's screen.
        self.video_dialog: VideoSettingsDialog | None = None
        self.video_button: QPushButton | None = None
        if context is not None:
            self.video_button = QPushButton(icon("mdi6.camera-outline"), self.tr("Video source and masks…"))
            self.video_button.setObjectName("videoSettingsButton")
            self.video_button.clicked.connect(lambda: self.open_video_settings(context))
            outer.addSpacing(12)
            outer.addWidget(self.video_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.public_key = PublicKeySection(context) if context is not None else None
        if self.public_key is not None:
            outer.addSpacing(12)
            outer.addWidget(self.public_key)
        self.office_key = OfficeKeySection(context) if context is not None else None
        if self.office_key is not None:
            outer.addSpacing(12)
            outer.addWidget(self.office_key)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        frame.addWidget(self.buttons)

    def accept(self) -> None:
        """The study settings are saved first; a refused change keeps the dialog open, saying why."""
        refused = self.study is not None and not self.study.save()
        refused = refused or (self.frames_travel is not None and not self.frames_travel.save())
        if refused:
            QTimer.singleShot(0, self, self.fit_height)  # once the layout has taken in the reason's text
            return
        self.prefs.lock_minutes = self.lock_minutes.value()
        super().accept()

    def open_video_settings(self, context: AppContext) -> VideoSettingsDialog:
        """The video source and masks, in a dialog over this one (window-modal, so the keys stay with it)."""
        if self.video_dialog is not None:
            self.video_dialog.deleteLater()  # closed already: a new one reads the settings as they are now
        dialog = VideoSettingsDialog(context, self)
        self.video_dialog = dialog
        dialog.open()
        return dialog

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_height()

    def fit_height(self) -> None:
        """Tall enough for every wrapped caption at the dialog's width (Qt does not grow a dialog for them), and no
        taller than the screen's free height: past it the settings scroll."""
        inner, frame = self.content_layout, self.frame_layout
        width = self.scroll_area.viewport().width()
        needed = inner.heightForWidth(width) if inner.hasHeightForWidth() else self.content.sizeHint().height()
        margins = frame.contentsMargins()
        wanted = needed + self.buttons.sizeHint().height() + frame.spacing() + margins.top() + margins.bottom()
        screen = self.screen().availableGeometry().height() - FRAME_ALLOWANCE
        self.resize(self.width(), min(max(self.height(), wanted), screen))

    def chosen(self) -> tuple[str, str]:
        return self.theme.currentData(), self.language.currentData()
