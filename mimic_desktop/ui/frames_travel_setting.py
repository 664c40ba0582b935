"""The study setting that lets the kept near-infrared frames travel in session files, in the Settings dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from ..domain.errors import MimicError
from ..domain.roles import Action
from ..services import frame_travel
from .context import AppContext
from .i18n import said
from .labels import caption, message_label


class FramesTravelSetting(QWidget):
    """One box a coordinator ticks (saved with the dialog's OK, audited); others see it read-only."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("framesTravelSetting")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.box = QCheckBox(self.tr("Near-infrared frames travel in session files"))
        self.box.setObjectName("framesInSessionFile")
        self.shown = frame_travel.frames_travel(context.store)
        self.box.setChecked(self.shown)
        user = context.user
        self.box.setEnabled(bool(user and user.may(Action.MANAGE_USERS)))
        layout.addWidget(self.box)
        about = self.tr(
            "Off, the session file lists the kept frames by their hashes only. On, it carries their pixels too: "
            "masked, but a mask may miss a name a tower burnt into the picture, and the file grows by their size."
        )
        layout.addWidget(caption(about))
        self.problem = message_label("framesTravelProblem")
        layout.addWidget(self.problem)

    def save(self) -> bool:
        """Save the box when it changed; False (and the problem shown) when the change is refused."""
        if self.box.isChecked() == self.shown:
            return True
        try:
            frame_travel.set_frames_travel(self.context.store, self.context.signed_in(), self.box.isChecked())
        except MimicError as error:
            self.problem.setText(said(error))
            return False
        self.shown = self.box.isChecked()
        self.problem.setText("")
        return True
