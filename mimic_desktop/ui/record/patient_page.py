"""Eligibility and consent, baseline with the Fong score, ICG with its interval to incision, and surgery."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ...domain import derive, forms, rules
from ...domain.clock import utc_now
from ...domain.record import Procedure
from ...domain.rules import Query
from ..live.clock import duration_text
from .access import RecordAccess
from .pages import RecordPage, scrolling
from .section_editor import SectionEditor
from .surgeon_mapping import SurgeonMapping

# The CRF sections in the page's two columns.
COLUMNS = (("eligibility", "icg"), ("baseline", "surgery"))


class PatientPage(RecordPage):
    def __init__(self, access: RecordAccess, parent: QWidget | None = None):
        super().__init__(access, parent)
        self.setObjectName("patientPage")
        crf, lang = forms.crf(), access.lang
        self.blocks: dict[str, SectionEditor] = {}
        content = QWidget()
        row = QHBoxLayout(content)
        for names in COLUMNS:
            column = QVBoxLayout()
            for name in names:
                section = crf.section(name)
                block = SectionEditor(name, section.text(lang), [section], lang, self.save_procedure_values)
                block.edited.connect(self.show_derived)
                block.set_editable(access.editable)
                column.addWidget(block)
                self.blocks[name] = block
                if name == "surgery":
                    self.surgeon_mapping = SurgeonMapping(access)
                    column.addWidget(self.surgeon_mapping)
            column.addStretch(1)
            row.addLayout(column, 1)
        self.editors = list(self.blocks.values())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(content))

    def refresh(self, proc: Procedure) -> None:
        for block in self.blocks.values():
            block.show_values(proc.values)
        # The surgeon of an account is changed by choosing another account, never by typing over the name.
        surgeon = self.blocks["surgery"].form.editors["surgeon"].input
        surgeon.setEnabled(self.access.editable and proc.surgeon_username is None)
        if proc.surgeon_username:
            surgeon.setToolTip(self.tr("The operating surgeon's account: %1").replace("%1", proc.surgeon_username))
        self.surgeon_mapping.refresh(proc)
        self.show_derived()

    def draft(self) -> Procedure:
        """The record as it would be with the values typed so far."""
        values = dict(self.access.proc.values)
        for block in self.blocks.values():
            values.update(block.current())
        return replace(self.access.proc, values=values)

    def show_derived(self) -> None:
        proc = self.draft()
        queries = [*rules.plausibility_queries(proc, utc_now(), self.access.lang), *self.access.office_notes()]
        failures = derive.eligibility_failures(proc, self.access.lang)
        for name, block in self.blocks.items():
            block.show_asked(proc.values)
            problems: list[str | Query] = [*block.form.concerning(queries)]
            if name == "eligibility" and failures:
                problems = [self.tr("The patient does not meet the eligibility criteria:"), *failures, *problems]
            block.set_problems(problems)
        self.blocks["baseline"].set_note(self.fong_text(proc))
        self.blocks["icg"].set_note(*self.icg_text(proc))
        minutes = derive.operation_minutes(proc)
        self.blocks["surgery"].set_note(
            self.tr("Operation time, incision to end of surgery: %1").replace(
                "%1", duration_text(timedelta(minutes=minutes))
            )
            if minutes is not None
            else self.tr("Operation time: the incision and the end of surgery are recorded on the live screen.")
        )

    def fong_text(self, proc: Procedure) -> str:
        score = derive.fong(proc)
        criteria = (
            (score.node_positive, self.tr("node-positive primary")),
            (score.dfi_under_12_months, self.tr("disease-free interval under 12 months")),
            (score.multiple_tumours, self.tr("more than one liver tumour")),
            (score.largest_over_5cm, self.tr("largest tumour over 5 cm")),
            (score.cea_over_200, self.tr("CEA over 200 ng/mL")),
        )
        if score.score is None:
            unknown = [text for met, text in criteria if met is None]
            return self.tr("Fong clinical risk score (derived): not yet known; it needs: %1").replace(
                "%1", "; ".join(unknown)
            )
        met = [text for present, text in criteria if present]
        text = self.tr("Fong clinical risk score (derived): %1 of 5").replace("%1", str(score.score))
        return f"{text}{': ' if met else ''}{'; '.join(met)}"

    def icg_text(self, proc: Procedure) -> tuple[str, bool]:
        """The interval from ICG to incision, and whether it falls outside the protocol window."""
        if proc.get("icg_given_at") is None:
            return self.tr("Enter the time ICG was given to see the interval to incision."), False
        interval = derive.icg_interval(proc)
        if interval is None:
            return self.tr("ICG to incision: known once the incision is recorded on the live screen."), False
        window = self.access.icg_window()
        low, high = (part.total_seconds() / 3600 for part in window)
        text = self.tr("ICG to incision: %1 (protocol window %2–%3 h)").replace("%1", duration_text(interval))
        text = text.replace("%2", f"{low:g}").replace("%3", f"{high:g}")
        if derive.icg_in_window(interval, window):
            return text, False
        return text + "\n" + self.tr("Outside the protocol window."), True
