"""New procedure: study ID and centre, eligibility and consent, surgery, then ICG dose and time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget, QWizard, QWizardPage

from ..domain import derive, forms, rules
from ..domain.clock import to_iso, utc_now
from ..domain.errors import MimicError, ValidationError
from ..domain.record import Procedure
from .context import AppContext
from .form_widget import FormWidget
from .labels import heading, message_label
from .live.clock import duration_text


def _draft(values: dict[str, Any]) -> Procedure:
    """A procedure that exists only in the wizard, to ask domain/derive about the entered values."""
    return Procedure(id="", study_id="", centre="", created_at="", session_id="", values=values)


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
        try:
            rules.check_study_id(self.study_id.text())  # its own format first: the centre is read from it
            centre = rules.check_centre(self.centre.text())
            study_id = rules.check_study_id(self.study_id.text(), centre)
            if any(row["study_id"] == study_id for row in self.context.procedures().list(study_id)):
                raise ValidationError(self.tr("Study ID %1 is already in use on this laptop.").replace("%1", study_id))
        except MimicError as error:
            self.message.setText(str(error))
            return False
        self.message.clear()
        return True


class FormPage(QWizardPage):
    """A wizard page holding a FormWidget; check(values) may refuse with a ValidationError."""

    def __init__(
        self,
        title: str,
        form: FormWidget,
        check: Callable[[dict[str, Any]], None] | None = None,
        extra: QWidget | None = None,
    ):
        super().__init__()
        self.form = form
        self.check = check
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title))
        layout.addWidget(form)
        if extra is not None:
            layout.addWidget(extra)
        self.message = message_label("wizardMessage")
        layout.addWidget(self.message)
        layout.addStretch(1)

    def validatePage(self) -> bool:
        try:
            values = self.form.values()
            if self.check:
                self.check(values)
        except MimicError as error:
            self.message.setText(str(error))
            return False
        self.message.clear()
        return True


class NewProcedureWizard(QWizard):
    """Enrols the patient when finished; created(proc_id) tells who opened it."""

    created = Signal(str)

    def __init__(self, context: AppContext, centre: str | None, icg_window: tuple[timedelta, timedelta], parent=None):
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
            FormWidget([crf.section("eligibility")], lang),
            check=self._check_eligible,
        )
        surgery = crf.section("surgery")
        # Before surgery only what is known then: the required fields of the surgery section.
        self.surgery = FormPage(
            surgery.text(lang), FormWidget([surgery], lang, only={f.name for f in surgery.fields if f.required})
        )
        self.interval = QLabel()
        self.interval.setObjectName("icgInterval")
        self.interval.setWordWrap(True)
        self.icg = FormPage(
            crf.section("icg").text(lang),
            FormWidget([crf.section("icg")], lang),
            check=self._check_icg,
            extra=self.interval,
        )
        for page in (self.study, self.eligibility, self.surgery, self.icg):
            self.addPage(page)
        for page in (self.eligibility, self.surgery, self.icg):
            page.form.load({})  # shows the protocol defaults (ICG 10 mg, 2 mL of 5 mg/mL)
        self.icg.form.edited.connect(self.show_interval)
        self.ticker = QTimer(self)
        self.ticker.timeout.connect(self.show_interval)
        self.ticker.start(1000)
        self.show_interval()
        self.resize(760, 620)

    def _check_eligible(self, values: dict[str, Any]) -> None:
        failures = derive.eligibility_failures(_draft(values), self.context.lang)
        if failures:
            raise ValidationError(
                self.tr("The patient cannot be enrolled:") + "\n" + "\n".join(f"• {text}" for text in failures)
            )

    def _check_icg(self, values: dict[str, Any]) -> None:
        given = values.get("icg_given_at")
        if given and given > to_iso(utc_now()):
            raise ValidationError(self.tr("The ICG time lies in the future."))

    def show_interval(self) -> None:
        editor = self.icg.form.editors["icg_given_at"]
        given = editor.value()
        if given is None:
            self.interval.setText(self.tr("Enter the time ICG was given to see the interval to now."))
            self.interval.setProperty("warning", False)
        else:
            interval = derive.icg_interval(_draft({"icg_given_at": to_iso(given)}), utc_now())
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
        result: dict[str, Any] = {}
        for page in (self.eligibility, self.surgery, self.icg):
            result.update({k: v for k, v in page.form.values().items() if v is not None})
        return result

    def accept(self) -> None:
        """Enrol; a refusal keeps the wizard open with everything typed still in it."""
        try:
            proc_id = self.context.procedures().create(
                self.study.study_id.text(), self.study.centre.text(), self.initial_values()
            )
        except MimicError as error:
            self.icg.message.setText(str(error))
            return
        self.ticker.stop()
        super().accept()
        self.created.emit(proc_id)
