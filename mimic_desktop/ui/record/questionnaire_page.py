"""The surgeon's questionnaire in the app's language, its signature and the signature's state."""

from __future__ import annotations

import textwrap
from dataclasses import replace

from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain import forms, rules
from ...domain.clock import local_text
from ...domain.errors import MimicError
from ...domain.record import Procedure
from ...domain.roles import Action
from ...services.audit_history import people
from ...services.signing import SignatureState, SigningService, signature_meaning
from ...services.surgeons import SurgeonService
from ..labels import heading
from .access import RecordAccess
from .delegate_dialog import DelegateDialog
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
        self.delegate_button = QPushButton(self.tr("Let another surgeon sign…"))
        self.delegate_button.setObjectName("delegateButton")
        self.delegate_button.clicked.connect(self.delegate)
        row.addWidget(self.delegate_button)
        self.sign_button = QPushButton(self.tr("Sign the questionnaire…"))
        self.sign_button.setObjectName("signButton")
        self.sign_button.clicked.connect(self.sign)
        row.addWidget(self.sign_button)
        inner.addLayout(row)
        beside.addWidget(box)
        beside.addWidget(self._sources_box())
        beside.addStretch(1)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(content))

    def _sources_box(self) -> QFrame:
        """Who entered each answer and who confirmed it; the signer confirms answers entered on their word."""
        box = QFrame()
        box.setObjectName("answerSources")
        box.setProperty("role", "recordSection")
        inner = QVBoxLayout(box)
        inner.addWidget(heading(self.tr("Whose answers")))
        self.sources_note = QLabel()
        self.sources_note.setObjectName("answerSourcesNote")
        self.sources_note.setWordWrap(True)
        inner.addWidget(self.sources_note)
        self.sources = QGridLayout()
        inner.addLayout(self.sources)
        self.source_rows: dict[str, tuple[QLabel, QPushButton]] = {}
        for number, fdef in enumerate(forms.questionnaire().fields(), start=1):
            label = QLabel()
            label.setObjectName(f"source_{fdef.name}")
            label.setWordWrap(True)
            button = QPushButton(self.tr("Confirm"))
            button.setObjectName(f"confirm_{fdef.name}")
            button.setToolTip(self.tr("Confirm that this answer, entered on your word, is yours"))
            button.clicked.connect(lambda _checked=False, name=fdef.name: self.confirm(name))
            self.sources.addWidget(QLabel(f"{number}."), number, 0)
            self.sources.addWidget(label, number, 1)
            self.sources.addWidget(button, number, 2)
            self.source_rows[fdef.name] = (label, button)
        return box

    def signing(self) -> SigningService:
        return SigningService(self.access.context.store, self.access.context.signed_in())

    def may_sign(self) -> bool:
        """Whether the signed-in user is this record's surgeon of record or holds a delegation to sign it."""
        user = self.access.context.user
        if user is None or not user.may(Action.SIGN):
            return False
        try:
            self.signing().may_sign(self.access.proc_id, self.access.lang)
        except MimicError:
            return False
        return True

    def show_sources(self) -> None:
        signing, names = self.signing(), people(self.access.context.store)
        sources = signing.answers(self.access.proc_id)
        signer = self.may_sign()
        username = self.access.context.user.username if self.access.context.user else ""

        def name(who: str) -> str:
            return names.get(who, who)

        for field, (label, button) in self.source_rows.items():
            source = sources.get(field)
            if source is None:
                label.setText(self.tr("not answered"))
                button.setVisible(False)
                continue
            text = self.tr("entered by %1").replace("%1", name(source.entered_by))
            if source.confirmed_by:
                text += "; " + self.tr("confirmed by %1").replace("%1", name(source.confirmed_by))
            label.setText(text)
            button.setVisible(signer and not source.belongs_to(username))
        open_ones = [s for s in sources.values() if s.entered_by != self.access.proc.surgeon_username]
        surgeon = self.access.proc.get("surgeon") or ""
        if not self.access.proc.surgeon_username:
            note = self.tr(
                "The operating surgeon (%1) is not yet an account: a coordinator maps the name to a surgeon's account before signing."
            ).replace("%1", surgeon)
        elif open_ones:
            note = self.tr("Answers entered by someone else are signed only after %1 confirms each of them.").replace(
                "%1", surgeon
            )
        else:
            note = self.tr("Every answer was entered by %1.").replace("%1", surgeon) if sources else ""
        self.sources_note.setText(note)
        # A coordinator, or the surgeon of record, lets another surgeon sign (a delegation, with its reason).
        user = self.access.context.signed_in()
        may_delegate = user.may(Action.MANAGE_USERS) or user.username == self.access.proc.surgeon_username
        self.delegate_button.setVisible(may_delegate and self.access.proc.valid_signature() is None)
        delegates = SurgeonService(self.access.context.store, user).delegations(self.access.proc_id)
        if delegates:
            holders = ", ".join(f"{name(d.username)} ({d.reason})" for d in delegates)
            self.sources_note.setText(note + "\n" + self.tr("May sign by delegation: %1").replace("%1", holders))

    def delegate(self) -> None:
        access = self.access
        surgeons = SurgeonService(access.context.store, access.context.signed_in())
        others = [u for u in surgeons.surgeon_accounts() if u.username != access.proc.surgeon_username]
        dialog = DelegateDialog(
            access.proc.study_id,
            others,
            lambda username, reason, kept: surgeons.delegate(access.proc_id, username, reason, access.lang, kept),
            self,
        )
        delegated = dialog.exec()
        dialog.deleteLater()
        if delegated:
            access.announce()

    def confirm(self, field: str) -> None:
        """The signer confirms one answer entered on their word (an audit row; nothing in the record changes)."""
        self.access.run(self, lambda: self.signing().confirm_answers(self.access.proc_id, [field], self.access.lang))

    def refresh(self, proc: Procedure) -> None:
        self.answers.show_values(proc.values)
        self.show_state()
        self.show_sources()

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
        signing = self.signing()
        if not self.may_sign():
            # The service refuses and keeps the attempt in the audit trail; the refusal is shown as it words it.
            access.run(self, lambda: signing.sign_questionnaire(access.proc_id, "", lang=access.lang))
            return
        codes = signing.meanings_for(access.proc)
        meanings = [(code, signature_meaning(access.lang, code)) for code in codes]
        dialog = SignDialog(
            access.proc.study_id,
            user,
            meanings,
            lambda password, code: signing.sign_questionnaire(access.proc_id, password, code, access.lang),
            self,
        )
        signed = dialog.exec()
        dialog.deleteLater()
        if signed:
            access.announce()
