"""The record's audit trail as a monitor reads it: every change, refused attempts apart, filterable, saved as CSV
or PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import MimicError
from ...domain.record import Procedure
from ...domain.roles import Action
from ...services import audit_history
from ...services.audit_history import HistoryLine
from .. import dialogs
from ..file_choice import ask_save_file, documents_folder
from ..labels import heading
from ..worker import Task
from .access import RecordAccess
from .pages import RecordPage
from .session_export import RequestTask

COLUMNS = ("when", "who", "what", "old", "new", "reason")


def _table(name: str, lang: str) -> QTableWidget:
    table = QTableWidget(0, len(COLUMNS))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels([audit_history.column_text(column, lang) for column in COLUMNS])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    # Rows follow their columns' widths as the window changes, so that a long value is read whole.
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = table.horizontalHeader()
    for index, column in enumerate(COLUMNS):
        mode = QHeaderView.ResizeMode.Stretch if column in {"what", "old", "new", "reason"} else None
        header.setSectionResizeMode(index, mode or QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fill(table: QTableWidget, lines: list[HistoryLine]) -> None:
    table.setRowCount(len(lines))
    for row, line in enumerate(lines):
        for column, name in enumerate(COLUMNS):
            item = QTableWidgetItem(str(getattr(line, name)))
            item.setToolTip(item.text())
            table.setItem(row, column, item)


class HistoryPage(RecordPage):
    """Read-only for everyone: a monitor's page as much as a coordinator's."""

    def __init__(self, access: RecordAccess, request_task: RequestTask, parent: QWidget | None = None):
        super().__init__(access, parent)
        self.setObjectName("historyPage")
        self.request_task = request_task
        self.folder = documents_folder()
        self.lines: list[HistoryLine] = []
        lang = access.lang
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("History of the record")))
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Person")))
        self.person = QComboBox()
        self.person.setObjectName("historyPerson")
        filters.addWidget(self.person)
        filters.addWidget(QLabel(self.tr("Kind")))
        self.kind = QComboBox()
        self.kind.setObjectName("historyKind")
        self.kind.addItem(self.tr("Every kind"), "")
        for kind in audit_history.KINDS:
            self.kind.addItem(audit_history.kind_text(kind, lang), kind)
        filters.addWidget(self.kind)
        self.text = QLineEdit()
        self.text.setObjectName("historyText")
        self.text.setPlaceholderText(self.tr("Find text"))
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(self.text.sizeHint().width())  # room to type in, however long the choices
        filters.addWidget(self.text, 1)
        self.count = QLabel()
        self.count.setObjectName("historyCount")
        self.count.setProperty("role", "caption")
        self.count.setWordWrap(True)  # it gives way to the buttons beside it
        self.csv_button = QPushButton(self.tr("Save as CSV…"))
        self.csv_button.setObjectName("historyCsv")
        self.csv_button.clicked.connect(lambda: self.choose_file("csv"))
        # The buttons share the count's row: beside the filters they were cut off in a small window.
        below = QHBoxLayout()
        below.addWidget(self.count, 1)
        below.addWidget(self.csv_button)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setObjectName("historyPdf")
        self.pdf_button.clicked.connect(lambda: self.choose_file("pdf"))
        below.addWidget(self.pdf_button)
        # A coordinator takes a text typed by mistake (a patient's name) out of the record and its trail.
        self.redact_button = QPushButton(self.tr("Redact a text…"))
        self.redact_button.setObjectName("historyRedact")
        self.redact_button.clicked.connect(self.redact)
        user = access.context.user
        self.redact_button.setVisible(bool(user and user.may(Action.REDACT)))
        below.addWidget(self.redact_button)
        layout.addLayout(filters)
        layout.addLayout(below)
        self.changes = _table("historyTable", lang)
        layout.addWidget(self.changes, 3)
        layout.addWidget(heading(self.tr("Refused attempts")))
        self.refused = _table("refusedTable", lang)
        layout.addWidget(self.refused, 1)
        self.where = QLabel()
        self.where.setObjectName("historyWhere")
        self.where.setWordWrap(True)
        layout.addWidget(self.where)
        self.person.currentIndexChanged.connect(self.show_lines)
        self.kind.currentIndexChanged.connect(self.show_lines)
        self.text.textChanged.connect(self.show_lines)

    def refresh(self, proc: Procedure) -> None:
        self.lines = audit_history.history(self.access.context.store, proc, self.access.lang)
        chosen = self.person.currentData() or ""
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(self.tr("Everyone"), "")
        for username, who in dict((line.username, line.who) for line in self.lines).items():
            self.person.addItem(who, username)
        self.person.setCurrentIndex(max(0, self.person.findData(chosen)))
        self.person.blockSignals(False)
        self.show_lines()

    def shown(self) -> list[HistoryLine]:
        """The lines the filters let through, refused attempts included."""
        return audit_history.matching(
            self.lines,
            person=self.person.currentData() or "",
            kind=self.kind.currentData() or "",
            text=self.text.text(),
        )

    def show_lines(self) -> None:
        shown = self.shown()
        changes = [line for line in shown if not line.refused]
        refused = [line for line in shown if line.refused]
        _fill(self.changes, changes)
        _fill(self.refused, refused)
        text = self.tr("%1 of %2 entries shown").replace("%1", str(len(shown))).replace("%2", str(len(self.lines)))
        self.count.setText(text)

    def redact(self) -> None:
        """Ask for the text (the chosen cell's, to start from) and the reason, then redact it from the record."""
        from .redact_dialog import RedactDialog

        cell = self.changes.currentItem()
        dialog = RedactDialog(cell.text() if cell is not None else "", self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        text, reason = dialog.text.text(), dialog.reason.text()
        dialog.deleteLater()
        access = self.access
        if accepted:
            access.run(self, lambda: access.service().redact(access.proc_id, text, reason, access.lang))

    def choose_file(self, suffix: str) -> None:
        name = f"{self.access.proc.study_id}-audit-trail.{suffix}"
        filters = {"csv": self.tr("CSV files (*.csv)"), "pdf": self.tr("PDF files (*.pdf)")}
        target = ask_save_file(self, self.tr("Save the audit trail as"), self.folder / name, filters[suffix], suffix)
        if target is not None:
            self.save_to(target, suffix)

    def save_to(self, target: Path, suffix: str) -> None:
        """The lines shown, as CSV at once, or as PDF in the background; the page says where the file went."""
        self.folder = target.parent
        lines = self.shown()
        if suffix == "csv":
            try:
                written = audit_history.write_csv(lines, target)
            except MimicError as error:
                self.where.setText(self.tr("The file was not written."))
                dialogs.show_error(self, error)
                return
            self.where.setText(self.tr("Written to %1").replace("%1", str(written)))
            return
        task = Task(audit_history.write_pdf, self.access.proc, lines, target, self.access.lang)
        task.signals.failed.connect(lambda _error: self._done(self.tr("The file was not written.")))
        self.pdf_button.setEnabled(False)
        self.where.setText(self.tr("Writing %1…").replace("%1", str(target)))
        self.request_task(task, lambda path: self._done(self.tr("Written to %1").replace("%1", str(path))))

    def _done(self, text: str) -> None:
        self.where.setText(text)
        self.pdf_button.setEnabled(True)
