"""One entry per lesion, with its CRF fields and its pathology: R status derived, problems named beside it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from ...domain import derive, forms, rules
from ...domain.record import Lesion, Procedure
from ..icons import icon
from ..live.lesion_cards import LesionText
from .access import RecordAccess
from .fluorescence_panel import FluorescencePanel
from .pages import RecordPage, scrolling
from .section_editor import SectionEditor


class LesionsPage(RecordPage):
    def __init__(self, access: RecordAccess, parent: QWidget | None = None):
        super().__init__(access, parent)
        self.setObjectName("lesionsPage")
        self.lesion_id: str | None = None
        self.wording = LesionText(access.lang, self)
        crf, lang = forms.crf(), access.lang
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setObjectName("lesionList")
        self.list.setWordWrap(True)
        self.list.setMaximumWidth(290)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(self._chosen)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        self.remove_button = QPushButton(icon("mdi6.delete-outline"), self.tr("Remove lesion…"))
        self.remove_button.setObjectName("removeLesion")
        self.remove_button.setToolTip(self.tr("Take a lesion entered by mistake out of the record, with a reason"))
        self.remove_button.clicked.connect(self.remove_lesion)
        self.remove_button.setVisible(access.editable)
        left.addWidget(self.remove_button)
        layout.addLayout(left, 1)

        detail = QWidget()
        column = QVBoxLayout(detail)
        self.heading = QLabel()
        self.heading.setObjectName("lesionHeading")
        column.addWidget(self.heading)
        self.in_theatre = QLabel()
        self.in_theatre.setObjectName("lesionInTheatre")
        self.in_theatre.setWordWrap(True)
        column.addWidget(self.in_theatre)
        self.empty = QLabel(self.tr("No lesions yet: lesions are identified on the live screen during surgery."))
        self.empty.setWordWrap(True)
        column.addWidget(self.empty)
        self.lesion_block = SectionEditor(
            "lesion", crf.section("lesion").text(lang), [crf.section("lesion")], lang, self._save
        )
        self.pathology = SectionEditor(
            "pathology", crf.section("pathology").text(lang), [crf.section("pathology")], lang, self._save
        )
        # Pathology first: it is what is entered after surgery; the lesion's own fields come from theatre.
        self.editors = [self.pathology, self.lesion_block]
        for block in self.editors:
            block.edited.connect(self.show_derived)
            block.set_editable(access.editable)
            column.addWidget(block)
        self.fluorescence = FluorescencePanel(access)
        column.addWidget(self.fluorescence)
        column.addStretch(1)
        self.scroll_area = scrolling(detail)
        layout.addWidget(self.scroll_area, 3)

    # -- showing ---------------------------------------------------------------------------
    def refresh(self, proc: Procedure) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for lesion in proc.lesions:
            item = QListWidgetItem(self.entry_text(proc, lesion))
            item.setData(Qt.ItemDataRole.UserRole, lesion.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self.lesion() is None:
            self.lesion_id = proc.lesions[0].id if proc.lesions else None
        self._mark_current()
        self.show_lesion()

    def entry_text(self, proc: Procedure, lesion: Lesion) -> str:
        """The lesion as in theatre, then its pathology so far, and a mark when something does not add up."""
        lines = [self.wording.text(proc, lesion)]
        margin = lesion.get("margin_mm")
        if lesion.get("histology") or margin is not None:
            histology = lesion.get("histology")
            parts = [forms.field_def("histology").choice_text(histology, self.access.lang)] if histology else []
            if margin is not None:
                parts.append(f"{margin:g} mm · {derive.r_status(margin)}")
            lines.append(" · ".join(parts))
        if rules.lesion_problems(proc, lesion):
            lines.append("⚠ " + self.tr("check the pathology"))
        return "\n".join(lines)

    def lesion(self) -> Lesion | None:
        proc = self.access.proc
        return next((lesion for lesion in proc.lesions if lesion.id == self.lesion_id), None)

    def show_lesion(self) -> None:
        lesion = self.lesion()
        self.empty.setVisible(lesion is None)
        for block in self.editors:
            block.setVisible(lesion is not None)
            if lesion is not None:
                block.show_values(lesion.values)
        if lesion is not None:
            title, _, rest = self.wording.text(self.access.proc, lesion).partition("\n")
            self.heading.setText(title)
            self.in_theatre.setText(rest)
        self.heading.setVisible(lesion is not None)
        self.fluorescence.setVisible(lesion is not None)
        self.fluorescence.show_lesion(lesion)
        self.in_theatre.setVisible(lesion is not None)
        self.remove_button.setEnabled(lesion is not None)
        self.show_derived()

    def draft(self) -> tuple[Procedure, Lesion] | None:
        """The record with the values typed so far for the shown lesion."""
        lesion = self.lesion()
        if lesion is None:
            return None
        typed = replace(lesion, values={**lesion.values, **self.lesion_block.current(), **self.pathology.current()})
        proc = self.access.proc
        return replace(proc, lesions=[typed if other.id == lesion.id else other for other in proc.lesions]), typed

    def show_derived(self) -> None:
        drafted = self.draft()
        if drafted is None:
            return
        proc, lesion = drafted
        for block in self.editors:
            block.show_asked(lesion.values, proc, lesion.id)
        reresected = derive.assess_lesion(proc, lesion.id).reresection == "done"
        margin = lesion.get("margin_mm")
        if margin is None:
            note = self.tr("R status: derived from the margin once it is entered (R0 from 1 mm).")
        else:
            note = self.tr("R status (derived): %1").replace("%1", derive.r_status(margin) or "")
            if reresected and lesion.get("final_margin_mm") is not None:
                note += "\n" + self.tr("Final R status after the cavity re-resection: %1").replace(
                    "%1", derive.final_r_status(lesion) or ""
                )
        self.pathology.set_note(note)
        notes = self.access.office_notes()
        self.lesion_block.set_problems(self.lesion_block.form.concerning(notes, lesion.id))
        self.pathology.set_problems(
            [*rules.lesion_problems(proc, lesion, self.access.lang), *self.pathology.form.concerning(notes, lesion.id)]
        )

    # -- acting ----------------------------------------------------------------------------
    def _chosen(self, row: int) -> None:
        """Another lesion: what was typed for this one is saved first, or the choice waits until it can be."""
        target = self.list.item(row).data(Qt.ItemDataRole.UserRole) if row >= 0 else None
        if target is None or target == self.lesion_id:
            return
        moved = self.flush()
        if moved:
            self.lesion_id = target
        self._mark_current()
        if moved:
            self.show_lesion()

    def _mark_current(self) -> None:
        ids = [lesion.id for lesion in self.access.proc.lesions]
        self.list.blockSignals(True)
        self.list.setCurrentRow(ids.index(self.lesion_id) if self.lesion_id in ids else -1)
        self.list.blockSignals(False)

    def _save(self, values: dict[str, Any]) -> bool:
        access, lesion_id = self.access, self.lesion_id
        if lesion_id is None:  # no lesion shown, so none of its blocks either
            return False
        return access.change(
            self,
            lambda reason: access.service().set_values(
                access.proc_id, values, entity="lesion", entity_id=lesion_id, reason=reason, lang=access.lang
            ),
        )

    def remove_lesion(self) -> None:
        """Take the shown lesion out of the record with a reason (what was typed is saved first)."""
        lesion = self.lesion()
        if lesion is None or not self.flush():
            return
        access = self.access
        access.with_reason(
            self,
            self.tr("Remove lesion"),
            self.tr(
                "Remove lesion %1 from the record? Say why: the lesion stays in the audit trail with your reason, "
                "and its number is not used again."
            ).replace("%1", str(lesion.number)),
            lambda reason: access.service().remove_lesion(access.proc_id, lesion.id, reason),
        )
