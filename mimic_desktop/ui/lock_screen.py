"""The locked screen: after a while without use the window is covered until its user types the password again.

The record stays as it was underneath (every widget, with whatever was typed and not yet saved): the cover hides it
and takes the keyboard, and the window's actions wait until the password is right.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..domain.errors import MimicError
from ..domain.roles import User
from ..services.accounts import APP, AccountService
from .labels import heading, message_label

# What counts as use of the app: a key, a click, the wheel, a touch, the mouse moving.
USE = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatch(QObject):
    """Says `idle` once the app has gone this many minutes without use (0: never)."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        self._application().installEventFilter(self)

    @staticmethod
    def _application() -> QApplication:
        app = QApplication.instance()
        assert isinstance(app, QApplication), "the idle timer runs inside the QApplication"
        return app

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        self.restart()

    def restart(self) -> None:
        if self.minutes > 0:
            self.timer.start(self.minutes * 60_000)
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in USE and self.timer.isActive():
            self.timer.start()  # counts again from now
        return False

    def stop(self) -> None:
        self.timer.stop()
        self._application().removeEventFilter(self)


class LockScreen(QFrame):
    """Covers its parent window whole; `unlocked` once the signed-in user's password is right."""

    unlocked = Signal()
    switch_requested = Signal()

    def __init__(self, accounts: AccountService, user: User, parent: QWidget):
        super().__init__(parent)
        self.accounts = accounts
        self.user = user
        self.setObjectName("lockScreen")
        self.setAutoFillBackground(True)  # opaque: nothing of the record shows through
        self.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QWidget()
        box.setFixedWidth(520)  # wrapped lines then know their width and take their full height
        layout = QVBoxLayout(box)
        layout.addWidget(heading(self.tr("MIMIC Desktop is locked")))
        said = QLabel(
            self.tr(
                "It was not used for a while. %1 is signed in: type the password to go on. Nothing typed before was"
                " lost."
            ).replace("%1", user.full_name)
        )
        said.setObjectName("lockText")
        said.setWordWrap(True)
        layout.addWidget(said)
        row = QHBoxLayout()
        self.password = QLineEdit()
        self.password.setObjectName("unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.unlock)
        row.addWidget(self.password, 1)
        button = QPushButton(self.tr("Unlock"))
        button.setObjectName("unlock")
        button.clicked.connect(self.unlock)
        row.addWidget(button)
        layout.addLayout(row)
        self.message = message_label("unlockMessage")
        layout.addWidget(self.message)
        other = QPushButton(self.tr("Sign in as someone else…"))
        other.setObjectName("switchFromLock")
        other.clicked.connect(self.switch_requested)
        layout.addWidget(other, 0, Qt.AlignmentFlag.AlignLeft)
        middle = QHBoxLayout()  # centred between stretches, so that its wrapped lines get their height
        middle.addStretch(1)
        middle.addWidget(box)
        middle.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(2)
        self.cover()

    def cover(self) -> None:
        parent = self.parentWidget()
        assert parent is not None, "the lock screen covers the window it was made for"
        self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.password.setFocus()

    def unlock(self) -> None:
        try:
            self.accounts.sign_in(self.user.username, self.password.text(), where=APP)
        except MimicError as error:  # a wrong password is a failed sign-in, kept in the audit trail
            self.message.setText(str(error))
            self.password.selectAll()
            return
        self.password.clear()
        self.unlocked.emit()
