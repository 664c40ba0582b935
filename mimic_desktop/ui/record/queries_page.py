"""The trial office's queries on this record: each question with what it is about, the value now and the answer;
answered in words, or with the value corrected (a locked record asks for the reason, as any correction does)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.data_queries import TargetKind
from ...domain.record import Procedure
from ...services import query_answers
from ...services.query_answers import ReceivedQuery
from .. import dialogs
from ..file_choice import ask_open_file, documents_folder
from ..i18n import said
from ..labels import caption, heading
from .access import RecordAccess
from .pages import RecordPage


def _shown(value: object) -> str:
    return "—" if value is None else str(value)


class AnswerDialog(QDialog):
    """The answer in words and, for a query on a field, the corrected value when the value was wrong."""

    def __init__(self, query: ReceivedQuery, about: str, value_now: object, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("answerDialog")
        self.setWindowTitle(self.tr("Answer query %1").replace("%1", str(query.id)))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(caption(self.tr("About: %1").replace("%1", about)))
        question = QLabel(query.text)
        question.setObjectName("answerQuestion")
        question.setWordWrap(True)
        layout.addWidget(question)
        self.text = QPlainTextEdit(query.answer_text or "")
        self.text.setObjectName("answerText")
        self.text.setPlaceholderText(self.tr("Your answer, as the trial office will read it"))
        layout.addWidget(self.text)
        self.correct = QCheckBox(self.tr("Correct the value (now: %1)").replace("%1", _shown(value_now)))
        self.correct.setObjectName("correctValue")
        self.value = QLineEdit("" if value_now is None else str(value_now))
        self.value.setObjectName("correctedValue")
        self.value.setEnabled(False)
        self.correct.toggled.connect(self.value.setEnabled)
        if query.target_kind == TargetKind.EVENT:  # an event's time is corrected on the timeline
            self.correct.setEnabled(False)
            self.correct.setToolTip(self.tr("Correct an event's time on the timeline, then answer in words."))
        row = QHBoxLayout()
        row.addWidget(self.correct)
        row.addWidget(self.value, 1)
        layout.addLayout(row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def answer(self) -> tuple[str, str | None]:
        """The words, and the corrected value as typed (None when the value stays)."""
        return self.text.toPlainText().strip(), self.value.text() if self.correct.isChecked() else None


class QueriesPage(RecordPage):
    def __init__(self, access: RecordAccess, parent: QWidget | None = None):
        super().__init__(access, parent)
        self.setObjectName("queriesPage")
        self.queries: list[ReceivedQuery] = []
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Queries from the trial office")))
        self.summary = QLabel()
        self.summary.setObjectName("queriesSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("queriesTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("About"), self.tr("Question"), self.tr("Value now"), self.tr("Answer")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column, mode in enumerate(
            (QHeaderView.ResizeMode.ResizeToContents,) * 2
            + (QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch)
        ):
            header.setSectionResizeMode(column, mode)
        self.table.doubleClicked.connect(lambda _index: self.answer_chosen())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import a query file…"))
        self.import_button.setObjectName("importQueriesButton")
        self.import_button.clicked.connect(self.choose_file)
        row.addWidget(self.import_button)
        row.addStretch(1)
        self.answer_button = QPushButton(self.tr("Answer…"))
        self.answer_button.setObjectName("answerButton")
        self.answer_button.clicked.connect(self.answer_chosen)
        row.addWidget(self.answer_button)
        layout.addLayout(row)
        for button in (self.import_button, self.answer_button):
            button.setVisible(access.editable)

    def refresh(self, proc: Procedure) -> None:
        store = self.access.context.store
        self.queries = query_answers.queries(store, proc.study_id)
        waiting = sum(1 for query in self.queries if not query.answer_text)
        if not self.queries:
            self.summary.setText(self.tr("No queries from the trial office on this record."))
        else:
            self.summary.setText(self.tr("%n query(ies) waiting for an answer.", "", waiting))
        self.table.setRowCount(len(self.queries))
        for row, query in enumerate(self.queries):
            cells = (
                str(query.id),
                query_answers.target_of(query).text(self.access.lang),
                query.text,
                _shown(query_answers.current_value(proc, query)),
                query.answer_text or self.tr("(open)"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, query.id)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.answer_button.setEnabled(bool(self.queries))

    def chosen(self) -> ReceivedQuery | None:
        row = self.table.currentRow()
        return self.queries[row] if 0 <= row < len(self.queries) else None

    def answer_chosen(self) -> None:
        query = self.chosen()
        if query is None or not self.access.editable:
            return
        about = query_answers.target_of(query).text(self.access.lang)
        dialog = AnswerDialog(query, about, query_answers.current_value(self.access.proc, query), self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        answer = dialog.answer()
        dialog.deleteLater()
        if accepted:
            self.send_answer(query.id, *answer)

    def send_answer(self, query_id: int, text: str, value: str | None) -> bool:
        """One action: the answer, with the corrected value in the same transaction when there is one."""
        access = self.access
        lang = access.lang
        if value is None:
            return access.run(self, lambda: query_answers.answer(access.service(), query_id, text, lang=lang))
        return access.change(
            self,
            lambda reason: query_answers.answer(
                access.service(), query_id, text, value=value, reason=reason, lang=lang
            ),
        )

    def choose_file(self) -> None:
        path = ask_open_file(
            self, self.tr("Import a query file"), documents_folder(), self.tr("Query files (*.mimicq)")
        )
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> bool:
        """Import the file and say what it brought; a refused file is said in its words."""
        access = self.access
        result: list[query_answers.ImportResult] = []

        def take() -> None:
            result.append(query_answers.import_file(access.context.store, access.context.signed_in(), path))

        if not access.run(self, take):
            return False
        dialogs.inform(self, "queriesImported", said(result[0].text()))
        return True
