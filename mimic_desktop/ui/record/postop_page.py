"""The post-operative course and the complications within 90 days (Clavien-Dindo, suffix d, late ones flagged)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import derive, forms, rules
from ...domain.clock import utc_now
from ...domain.record import Complication, Procedure
from ..icons import icon
from ..labels import heading
from .access import RecordAccess
from .pages import RecordPage, scrolling
from .section_editor import SectionEditor

NEW = "new"  # the complication being typed before its first save


class PostopPage(RecordPage):
    def __init__(self, access: RecordAccess, parent: QWidget | None = None):
        super().__init__(access, parent)
        self.setObjectName("postopPage")
        self.complication_id: str | None = None  # None: the block below adds a new complication
        crf, lang = forms.crf(), access.lang
        content = QWidget()
        columns = QHBoxLayout(content)
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.course = SectionEditor(
            "postop", crf.section("postop").text(lang), [crf.section("postop")], lang, self.save_procedure_values
        )
        self.course.edited.connect(self.show_derived)
        left.addWidget(self.course)
        left.addStretch(1)

        right.addWidget(heading(self.tr("Complications within 90 days")))
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("complicationTable")
        self.table.setHorizontalHeaderLabels(
            ["#", forms.field_def("description").text(lang), self.tr("Grade"), self.tr("Onset"), self.tr("Day")]
        )
        for column, tip in ((2, forms.field_def("clavien_dindo").text(lang)), (4, self.tr("Days after surgery"))):
            header_item = self.table.horizontalHeaderItem(column)
            if header_item is not None:
                header_item.setToolTip(tip)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(170)
        self.table.itemSelectionChanged.connect(self._chosen)
        right.addWidget(self.table)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New complication"))
        self.new_button.setObjectName("newComplication")
        self.new_button.clicked.connect(self.new_complication)
        self.new_button.setVisible(access.editable)
        row.addWidget(self.new_button)
        self.remove_button = QPushButton(icon("mdi6.delete-outline"), self.tr("Remove complication…"))
        self.remove_button.setObjectName("removeComplication")
        self.remove_button.setToolTip(
            self.tr("Take a complication entered by mistake out of the record, with a reason")
        )
        self.remove_button.clicked.connect(self.remove_complication)
        self.remove_button.setVisible(access.editable)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        right.addLayout(row)
        self.complication = SectionEditor(
            "complication", "", [crf.section("complication")], lang, self._save_complication
        )
        self.complication.edited.connect(self.show_derived)
        right.addWidget(self.complication)
        right.addStretch(1)
        self.editors = [self.course, self.complication]
        for block in self.editors:
            block.set_editable(access.editable)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(content))

    # -- showing ---------------------------------------------------------------------------
    def refresh(self, proc: Procedure) -> None:
        self.course.show_values(proc.values)
        self.table.blockSignals(True)
        self.table.setRowCount(len(proc.complications))
        for row, comp in enumerate(proc.complications):
            for column, text in enumerate(self.row_texts(proc, comp)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, comp.id)
                if column == 4 and derive.late_complication(proc, comp.get("onset_date")):
                    bold = QFont(item.font())
                    bold.setBold(True)
                    item.setFont(bold)
                    item.setToolTip(self.tr("This complication started more than 90 days after surgery."))
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.table.blockSignals(False)
        self.show_complication()

    def row_texts(self, proc: Procedure, comp: Complication) -> list[str]:
        onset = comp.get("onset_date")
        after = derive.days_after_surgery(proc, onset)
        days = "" if after is None else str(after)
        if derive.late_complication(proc, onset):
            days += " ⚠ " + self.tr("after 90 days")
        return [str(comp.number), comp.get("description") or "", derive.clavien_dindo_text(comp), onset or "", days]

    def current_complication(self) -> Complication | None:
        return next((c for c in self.access.proc.complications if c.id == self.complication_id), None)

    def show_complication(self) -> None:
        comp = self.current_complication()
        if comp is None:
            self.complication_id = None
        self._mark_current()
        self.complication.title.setText(
            self.tr("Complication %1").replace("%1", str(comp.number)) if comp else self.tr("New complication")
        )
        self.complication.show_values(comp.values if comp else {})
        self.remove_button.setEnabled(comp is not None)
        # A monitor sees the complications in the table; there is nothing to add.
        self.complication.setVisible(self.access.editable or comp is not None)
        self.show_derived()

    def draft(self) -> tuple[Procedure, str]:
        """The record with what is typed so far, and the id of the complication shown (NEW while it is unsaved)."""
        stored = self.access.proc
        comp = self.current_complication() or Complication(
            NEW, max((c.number for c in stored.complications), default=0) + 1
        )
        typed = replace(comp, values={**comp.values, **self.complication.current()})
        others = [c for c in stored.complications if c.id != comp.id]
        complications = sorted([*others, typed], key=lambda c: c.number)
        return replace(stored, values={**stored.values, **self.course.current()}, complications=complications), comp.id

    def show_derived(self) -> None:
        proc, comp_id = self.draft()
        lang = self.access.lang
        queries = [*rules.plausibility_queries(proc, utc_now(), lang), *self.access.office_notes()]
        self.course.show_asked(proc.values)
        planned = forms.field_def("readmission_planned")
        self.course.set_note(planned.help_text(lang) if rules.asked(planned, proc.values) else "")
        self.course.set_problems([*rules.postop_problems(proc, lang), *self.course.form.concerning(queries)])
        self.complication.set_problems(self.complication.form.concerning(queries, comp_id))

    # -- acting ----------------------------------------------------------------------------
    def _mark_current(self) -> None:
        ids = [comp.id for comp in self.access.proc.complications]
        self.table.blockSignals(True)
        if self.complication_id in ids:
            self.table.selectRow(ids.index(self.complication_id))
        else:
            self.table.clearSelection()
        self.table.blockSignals(False)

    def _chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        first = self.table.item(rows[0].row(), 0) if rows else None
        target = first.data(Qt.ItemDataRole.UserRole) if first else None
        if target is None or target == self.complication_id:
            return
        if self.complication.flush():
            self.complication_id = target
        self.show_complication()

    def new_complication(self) -> None:
        """An empty block for the next complication, once what was typed for the shown one is saved."""
        if self.complication.flush():
            self.complication_id = None
            self.show_complication()

    def _save_complication(self, values: dict[str, Any]) -> bool:
        access, comp_id = self.access, self.complication_id
        # The service is taken at each attempt: a second one may keep text that looks like an identifier.
        if comp_id is not None:
            return access.change(
                self,
                lambda reason: access.service().set_values(
                    access.proc_id, values, entity="complication", entity_id=comp_id, reason=reason, lang=access.lang
                ),
            )
        added: list[str] = []
        saved = access.change(
            self,
            lambda reason: added.append(
                access.service().add_complication(access.proc_id, values, reason=reason, lang=access.lang)
            ),
        )
        if saved:
            self.complication_id = added[0]
            self.show_complication()
        return saved

    def remove_complication(self) -> None:
        """Take the chosen complication out of the record with a reason (what was typed is saved first)."""
        comp = self.current_complication()
        if comp is None or not self.complication.flush():
            return
        access = self.access
        access.with_reason(
            self,
            self.tr("Remove complication"),
            self.tr(
                "Remove complication %1 from the record? Say why: it stays in the audit trail with your reason, "
                "and its number is not used again."
            ).replace("%1", str(comp.number)),
            lambda reason: access.service().remove_complication(access.proc_id, comp.id, reason),
        )
