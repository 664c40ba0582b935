"""The surgeon's questionnaire in the app's language, its signature and the signature's state."""

from __future__ import annotations

import textwrap
from dataclasses import replace

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain import forms, rules
from ...domain.clock import local_text
from ...domain.record import Procedure
from ...domain.roles import Action
from ...services.signing import SignatureState, SigningService, signature_meaning
from ..labels import heading
from .access import RecordAccess
from .pages import RecordPage, scrolling
from .section_editor import SectionEditor
from .sign_dialog import SignDialog

QUESTION_WIDTH = 640  # a question on one line beside the signature, where it fits


class QuestionnairePage(RecordPage):
    def __init__(self, access: RecordAccess, parent: QWidget | None = None):
        super().__init__(access, parent)
        self.setObjectName("questionnairePage")
        form, lang = forms.questionnaire(), access.lang
        content = QWidget()
        column = QVBoxLayout(content)
        intro = QLabel(
            self.tr(
                "The operating surgeon answers these questions after the procedure and signs them with their own "
                "password. A change after signing needs a reason and voids the signature."
            )
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        section = form.section("questionnaire")
        self.answers = SectionEditor(
            "questionnaire",
            form.title[lang],
            [section],
            lang,
            lambda values: self.save_procedure_values(values, True),
            label_width=QUESTION_WIDTH,
        )
        self.answers.set_editable(access.editable)
        self.answers.edited.connect(self.show_state)
        self.editors = [self.answers]
        columns = QHBoxLayout()
        column.addLayout(columns)
        columns.addWidget(self.answers, 2)
        beside = QVBoxLayout()
        columns.addLayout(beside, 1)

        box = QFrame()
        box.setObjectName("signatureBox")
        box.setProperty("role", "recordSection")
        inner = QVBoxLayout(box)
        inner.addWidget(heading(self.tr("Signature")))
        self.state = QLabel()
        self.state.setObjectName("signatureState")
        self.state.setWordWrap(True)
        inner.addWidget(self.state)
        self.details = QLabel()
        self.details.setObjectName("signatureDetails")
        self.details.setWordWrap(True)
        inner.addWidget(self.details)
        row = QHBoxLayout()
        row.addStretch(1)
        self.sign_button = QPushButton(self.tr("Sign the questionnaire…"))
        self.sign_button.setObjectName("signButton")
        self.sign_button.clicked.connect(self.sign)
        row.addWidget(self.sign_button)
        inner.addLayout(row)
        beside.addWidget(box)
        beside.addStretch(1)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(content))

    def refresh(self, proc: Procedure) -> None:
        self.answers.show_values(proc.values)
        self.show_state()

    def show_state(self) -> None:
        """The signature's state; while unsigned, how many questions are still open, counting what is typed."""
        proc = self.access.proc
        check = self.access.signature()
        self.state.setText(check.state.text(self.access.lang))
        self.state.setProperty("state", check.state.value)
        self.state.style().unpolish(self.state)
        self.state.style().polish(self.state)
        signature = check.signature or check.voided
        if check.state is SignatureState.UNSIGNED or signature is None:
            typed = replace(proc, values={**proc.values, **self.answers.current()})
            missing = rules.missing_for_signature(typed, self.access.lang)
            details = (
                self.tr("Questions still to answer (marked *): %1").replace("%1", str(len(missing)))
                if missing
                else self.tr("Every question is answered: the surgeon can sign.")
            )
        else:
            details = self.tr("Signed by %1 (%2) on %3").replace("%1", signature.printed_name)
            details = details.replace("%2", signature.username).replace("%3", local_text(signature.signed_at, True))
            details += "\n" + self.tr("Meaning: %1").replace("%1", signature.meaning)
            if check.state is SignatureState.VOIDED:
                voided = self.tr("Voided on %1 by a change; reason: %2")
                voided = voided.replace("%1", local_text(signature.voided_at) if signature.voided_at else "")
                details += "\n" + voided.replace("%2", signature.void_reason or "")
            else:
                digest = " ".join(textwrap.wrap(signature.content_hash, 8))  # in groups, so that it wraps
                details += "\n" + self.tr("Content hash (SHA-256): %1").replace("%1", digest)
        self.details.setText(details)
        self.sign_button.setEnabled(check.signature is None)

    def sign(self) -> None:
        """Answers still being typed are saved first: what is signed is what is stored."""
        if not self.flush():
            return
        access = self.access
        user = access.context.signed_in()
        signing = SigningService(access.context.store, user)
        meaning = signature_meaning(access.lang)
        if not user.may(Action.SIGN):
            # The service refuses and keeps the attempt in the audit trail; the refusal is shown as it words it.
            access.run(self, lambda: signing.sign_questionnaire(access.proc_id, "", meaning))
            return
        dialog = SignDialog(
            access.proc.study_id,
            user,
            meaning,
            lambda password: signing.sign_questionnaire(access.proc_id, password, meaning),
            self,
        )
        signed = dialog.exec()
        dialog.deleteLater()
        if signed:
            access.announce()
