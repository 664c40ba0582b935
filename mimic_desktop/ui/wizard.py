"""New procedure: study ID and centre, eligibility and consent, surgery, then ICG dose and time.

Each page names what enrolment still needs on it (rules.enrolment_problems) and marks those fields.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..domain import derive, forms, rules
from ..domain.clock import to_iso, utc_now
from ..domain.errors import LooksLikeIdentifier, MimicError, ValidationError
from ..domain.forms import FieldDef
from ..domain.wording import say
from ..services.surgeons import SurgeonService
from .context import AppContext
from .form_widget import FormWidget
from .i18n import said
from .identifier_check import ask_keep_reason
from .labels import caption, heading, message_label
from .live.clock import duration_text


def needed_to_enrol(fdef: FieldDef) -> bool:
    return fdef.enrolment


class StudyPage(QWizardPage):
    def __init__(self, context: AppContext, centre: str | None):
        super().__init__()
        self.context = context
        layout = QFormLayout(self)
        layout.addRow(heading(self.tr("Study ID and centre")))  # QWizard's own header ignores the theme
        explanation = QLabel(
            self.tr("The pseudonymous study ID: MIM, the two-digit centre code, a three-digit number.")
        )
        explanation.setWordWrap(True)
        layout.addRow(explanation)
        self.study_id = QLineEdit()
        self.study_id.setObjectName("studyId")
        self.study_id.setPlaceholderText("MIM-03-017")
        self.centre = QLineEdit(centre or "")
        self.centre.setObjectName("centre")
        self.centre.setPlaceholderText("03")
        self.study_id.textChanged.connect(self._centre_from_id)
        layout.addRow(self.tr("Study ID"), self.study_id)
        layout.addRow(self.tr("Centre"), self.centre)
        self.message = message_label("wizardMessage")
        layout.addRow(self.message)

    def _centre_from_id(self, text: str) -> None:
        parts = text.strip().upper().split("-")
        if len(parts) >= 2 and parts[0] == "MIM" and len(parts[1]) == 2 and not self.centre.isModified():
            self.centre.setText(parts[1])

    def validatePage(self) -> bool:
        lang = self.context.lang
        try:
            rules.check_study_id(self.study_id.text(), lang=lang)  # its own format first: the centre is read from it
            centre = rules.check_centre(self.centre.text(), lang)
            study_id = rules.check_study_id(self.study_id.text(), centre, lang)
            if any(row["study_id"] == study_id for row in self.context.procedures().list(study_id)):
                raise ValidationError(
                    say("Study ID {study_id} is already in use on this laptop.", lang, study_id=study_id)
                )
        except MimicError as error:
            self.message.setText(said(error))
            return False
        self.message.clear()
        return True


class FormPage(QWizardPage):
    """A wizard page holding a FormWidget; it is left only once problems() names nothing about its fields."""

    def __init__(
        self,
        title: str,
        explanation: str,
        form: FormWidget,
        problems: Callable[[], list[rules.Query]],
        extra: QWidget | None = None,
        extra_fields: frozenset[str] = frozenset(),
    ):
        """extra_fields are the fields the extra widget holds: their problems are this page's too."""
        super().__init__()
        self.form = form
        self.problems = problems
        self.extra_fields = extra_fields
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title))
        self.explanation = caption(explanation, "enrolmentNeeds")
        layout.addWidget(self.explanation)
        layout.addWidget(form)
        if extra is not None:
            layout.addWidget(extra)
        self.message = message_label("wizardMessage")
        layout.addWidget(self.message)
        layout.addStretch(1)
        form.edited.connect(self.show_asked)

    def show_asked(self) -> None:
        """A conditional field (a reaction's description) appears once its condition holds."""
        values = self.form.valid_values()
        self.form.show_asked(lambda fdef: rules.asked(fdef, values))

    def validatePage(self) -> bool:
        try:
            self.form.values()
        except MimicError as error:
            self.message.setText(said(error))
            return False
        every = self.problems()
        problems = self.form.concerning(every)
        problems += [p for p in every if p not in problems and self.extra_fields & set(p.fields)]
        self.form.mark_queries(problems)
        if problems:
            lines = [self.tr("The patient cannot be enrolled:"), *(f"• {problem}" for problem in problems)]
            self.message.setText("\n".join(lines))
            return False
        self.message.clear()
        return True


class NewProcedureWizard(QWizard):
    """Enrols the patient when finished; created(proc_id) tells who opened it."""

    created = Signal(str)

    def __init__(
        self,
        context: AppContext,
        centre: str | None,
        icg_window: tuple[timedelta, timedelta],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.context = context
        self.icg_window = icg_window
        self.setObjectName("newProcedureWizard")
        self.setWindowTitle(self.tr("New procedure"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        crf, lang = forms.crf(), context.lang
        self.study = StudyPage(context, centre)
        self.eligibility = FormPage(
            crf.section("eligibility").text(lang),
            self.tr(
                "Every question here is needed to enrol the patient: each criterion answered, oral consent "
                "given, and the date of consent (today or earlier)."
            ),
            FormWidget([crf.section("eligibility")], lang, needed=needed_to_enrol),
            self.problems,
        )
        surgery = crf.section("surgery")
        # Before surgery only what is known then; the executed procedure and blood loss follow on the Record tab.
        self.surgery = FormPage(
            surgery.text(lang),
            self.tr(
                "What is known before surgery is needed to enrol (marked *). The executed procedure and the blood "
                "loss are entered on the Record tab after surgery."
            ),
            FormWidget(
                [surgery],
                lang,
                only={f.name for f in surgery.fields if f.enrolment and f.name != "surgeon"},
                needed=needed_to_enrol,
            ),
            self.problems,
            extra=self._surgeon_choice(context),
            extra_fields=frozenset({"surgeon"}),
        )
        self.interval = QLabel()
        self.interval.setObjectName("icgInterval")
        self.interval.setWordWrap(True)
        self.icg = FormPage(
            crf.section("icg").text(lang),
            self.tr(
                "This page is not needed to enrol: ICG is often given later. Its time and any reaction can be "
                "entered now or later on the Record tab (Patient page); what is entered here is checked."
            ),
            FormWidget([crf.section("icg")], lang, needed=needed_to_enrol),
            self.problems,
            extra=self.interval,
        )
        for page in (self.study, self.eligibility, self.surgery, self.icg):
            self.addPage(page)
        for page in (self.eligibility, self.surgery, self.icg):
            page.form.load({})  # shows the protocol defaults (ICG 10 mg, 2 mL of 5 mg/mL)
            page.show_asked()
        self.icg.form.edited.connect(self.show_interval)
        self.ticker = QTimer(self)
        self.ticker.timeout.connect(self.show_interval)
        self.ticker.start(1000)
        self.show_interval()
        self.resize(760, 620)

    def _surgeon_choice(self, context: AppContext) -> QWidget:
        """The operating surgeon is one of the surgeons' accounts, so that only they can sign the questionnaire."""
        box = QWidget()
        layout = QFormLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.surgeon = QComboBox()
        self.surgeon.setObjectName("surgeonAccount")
        self.surgeon.addItem(self.tr("Choose the operating surgeon"), "")
        self.surgeon_names: dict[str, str] = {}
        for account in SurgeonService(context.store, context.signed_in()).surgeon_accounts():
            self.surgeon.addItem(f"{account.full_name} ({account.username})", account.username)
            self.surgeon_names[account.username] = account.full_name
        layout.addRow(forms.field_def("surgeon").text(context.lang) + " *", self.surgeon)
        if not self.surgeon_names:
            layout.addRow(
                caption(self.tr("There is no surgeon account yet: a coordinator adds one first."), "noSurgeon")
            )
        return box

    def problems(self) -> list[rules.Query]:
        """What stands in the way of enrolment with the values on every page, as the service would refuse them."""
        return rules.enrolment_problems(self.initial_values(), utc_now(), self.context.lang)

    def show_interval(self) -> None:
        editor = self.icg.form.editors["icg_given_at"]
        given = editor.value()
        if not isinstance(given, datetime):  # nothing, or a time not fully typed yet
            self.interval.setText(self.tr("Enter the time ICG was given to see the interval to now."))
            self.interval.setProperty("warning", False)
        else:
            interval = derive.icg_interval(rules.draft({"icg_given_at": to_iso(given)}), utc_now())
            in_window = derive.icg_in_window(interval, self.icg_window)
            low, high = (part.total_seconds() / 3600 for part in self.icg_window)
            text = self.tr("ICG to now: %1 (protocol window %2–%3 h)").replace("%1", duration_text(interval))
            text = text.replace("%2", f"{low:g}").replace("%3", f"{high:g}")
            if not in_window:
                text += "\n" + self.tr("Warning: this is outside the protocol window.")
            self.interval.setText(text)
            self.interval.setProperty("warning", not in_window)
        self.interval.style().unpolish(self.interval)
        self.interval.style().polish(self.interval)

    def initial_values(self) -> dict[str, Any]:
        """What the pages hold so far that checks out (each page refuses its own wrong values)."""
        result: dict[str, Any] = {}
        for page in (self.eligibility, self.surgery, self.icg):
            result.update({k: v for k, v in page.form.valid_values().items() if v is not None})
        chosen = self.surgeon.currentData()
        if chosen:
            result["surgeon"] = self.surgeon_names[chosen]
        return result

    def _create(self, kept: str | None) -> str:
        return self.context.procedures(kept).create(
            self.study.study_id.text(),
            self.study.centre.text(),
            self.initial_values(),
            lang=self.context.lang,
            surgeon=self.surgeon.currentData() or None,
        )

    def accept(self) -> None:
        """Enrol; a refusal keeps the wizard open with everything typed still in it."""
        try:
            for page in (self.eligibility, self.surgery, self.icg):
                page.form.values()  # a typed value refused (a time in the future) is said, never left out
            try:
                proc_id = self._create(None)
            except LooksLikeIdentifier as warning:
                kept = ask_keep_reason(self, said(warning))
                if kept is None:  # rewrite: the wizard stays open, the warning under the text
                    return
                proc_id = self._create(kept)
        except MimicError as error:
            self.icg.message.setText(said(error))
            return
        self.ticker.stop()
        super().accept()
        self.created.emit(proc_id)
