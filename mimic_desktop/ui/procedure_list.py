"""The procedures on this laptop, today's first, with their status and a search by study ID; exports for statisticians."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
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

from ..domain.clock import from_iso, local_text
from ..domain.derive import Status, changed_since_export
from ..domain.roles import Action
from ..domain.subject_status import SubjectStatus
from .context import AppContext
from .data_export_dialog import DataExportDialog
from .file_choice import documents_folder
from .i18n import arg
from .icons import icon
from .worker import Task

if TYPE_CHECKING:
    from ..services.data_exports import Exported

Row = Any  # a row of ProcedureService.list(), read by column name (an sqlite3.Row, which the UI does not name)


def _today_first(rows: Iterable[Row]) -> list[Row]:
    today = datetime.now().astimezone().date()
    return sorted(
        rows,
        key=lambda row: (from_iso(row["created_utc"]).astimezone().date() == today, row["modified_utc"]),
        reverse=True,
    )


class ProcedureList(QWidget):
    """Emits open_requested(procedure id), new_requested(), and task_requested(task, on_done) for background work."""

    open_requested = Signal(str)
    new_requested = Signal()
    task_requested = Signal(object, object)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.rows: list[Row] = []
        self.folder = documents_folder()
        self.setObjectName("procedureList")
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search by study ID, e.g. MIM-03-017"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        bar.addWidget(self.search, 1)
        self.hide_left = QCheckBox(self.tr("Enrolled only"))
        self.hide_left.setObjectName("hideNotEnrolled")
        self.hide_left.setToolTip(self.tr("Hide the patients withdrawn, excluded or not operated"))
        self.hide_left.toggled.connect(self.refresh)
        bar.addWidget(self.hide_left)
        self.new_button = QPushButton(icon("mdi6.plus-circle-outline"), self.tr("New procedure"))
        self.new_button.setObjectName("newProcedure")
        self.new_button.clicked.connect(self.new_requested)
        bar.addWidget(self.new_button)
        self.open_button = QPushButton(icon("mdi6.folder-open-outline"), self.tr("Open"))
        self.open_button.setObjectName("openProcedure")
        self.open_button.clicked.connect(self._open_selected)
        bar.addWidget(self.open_button)
        self.export_button = QPushButton(icon("mdi6.table-arrow-right"), self.tr("Export data…"))
        self.export_button.setObjectName("exportData")
        self.export_button.clicked.connect(self.export_data)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("procedureTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Study ID"), self.tr("Status"), self.tr("Subject"), self.tr("Centre"), self.tr("Created")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.cellDoubleClicked.connect(lambda row, _column: self._open_row(row))
        layout.addWidget(self.table, 1)
        self.export_result = QLabel()
        self.export_result.setObjectName("dataExportResult")
        self.export_result.setWordWrap(True)
        self.export_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.export_result)
        self.refresh()

    def refresh(self) -> None:
        user = self.context.user
        self.new_button.setEnabled(bool(user and user.may(Action.EDIT)))
        may_export = bool(user and user.may(Action.EXPORT))
        rows = _today_first(self.context.procedures().list(self.search.text()))
        if self.hide_left.isChecked():
            rows = [row for row in rows if SubjectStatus(row["subject_status"]).analysed]
        self.rows = rows
        self.export_button.setEnabled(may_export)
        self.export_button.setToolTip(
            self.tr("CSV with a data dictionary, REDCap, or CDISC ODM")
            if may_export
            else arg(self.tr("Your role (%1) cannot export data."), user.role.text(self.context.lang) if user else "")
        )
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            study = row["study_id"] + (self.tr(" (demo)") if row["demo"] else "")
            cells = (
                study,
                self.status_text(Status(row["status"]), row["export_version"]),
                SubjectStatus(row["subject_status"]).text(self.context.lang),
                row["centre"],
                local_text(row["created_utc"]),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row["id"])
                self.table.setItem(index, column, item)
        if rows:
            self.table.selectRow(0)

    def status_text(self, status: Status, export_version: int) -> str:
        """The status in words, with the session file's version once one went out."""
        text = status.text(self.context.lang)
        if changed_since_export(status, export_version):
            return arg(self.tr("%1 · changed since export of version %2"), text, export_version)
        if status is Status.EXPORTED:
            return arg(self.tr("%1 · version %2"), text, export_version)
        return text

    def selected_study_id(self) -> str | None:
        row = self.table.currentRow()
        return self.rows[row]["study_id"] if 0 <= row < len(self.rows) else None

    def export_data(self) -> DataExportDialog:
        """Ask what to export and where (without blocking), then export in the background."""
        dialog = DataExportDialog(self.selected_study_id(), len(self.context.procedures().list()), self.folder, self)
        dialog.accepted.connect(lambda: self.export_to(*dialog.chosen()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def export_to(self, kinds: list[str], study_ids: list[str] | None, folder: Path) -> None:
        from ..services.data_exports import export_in_background  # the export formats load when first used

        self.folder = folder
        context = self.context
        task = Task(
            export_in_background,
            context.store.path,
            context.user,
            kinds,
            study_ids,
            folder,
            context.lang,
            with_progress=True,
        )
        task.signals.failed.connect(lambda _error: self._exported_data(None))
        self.export_button.setEnabled(False)
        self.export_result.setText(arg(self.tr("Exporting into %1…"), folder))
        self.task_requested.emit(task, self._exported_data)

    def _exported_data(self, written: Exported | None) -> None:
        if written is None:
            self.export_result.setText(self.tr("The export stopped; no file is left half written."))
        else:
            names = ", ".join(path.name for path in written.paths)
            lines = [arg(self.tr("Written into %1: %2"), self.folder, names), *written.warnings]
            self.export_result.setText("\n".join(lines))
        self.export_button.setEnabled(True)

    def _open_row(self, row: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def _open_selected(self) -> None:
        self._open_row(self.table.currentRow())
