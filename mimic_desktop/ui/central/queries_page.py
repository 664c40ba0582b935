"""The trial office's data queries: every query per centre and record with its answer and the value beside it;
raise one, close or ask again an answered one, run the automatic checks, and write a centre's query file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain import data_queries as query_targets
from ...domain.data_queries import QueryStatus, TargetKind
from ...domain.errors import MimicError
from ...domain.roles import User
from ...services import data_queries
from ...storage.connection import Store
from .. import dialogs
from ..dialogs import TextPrompt
from ..file_choice import ask_folder, documents_folder
from ..i18n import arg, current, said
from ..labels import heading
from .widgets import ReadOnlyTable, action_button


def _value(text: str | None) -> str:
    value = data_queries.decode_value(text)
    return "—" if value is None else str(value)


class RaiseDialog(QDialog):
    """The record, what the query is about, and the question."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("raiseQueryDialog")
        self.setWindowTitle(self.tr("Raise a query"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.study_id = QLineEdit()
        self.study_id.setObjectName("queryStudyId")
        self.study_id.setPlaceholderText("MIM-03-017")
        form.addRow(self.tr("Study ID"), self.study_id)
        self.kind = QComboBox()
        self.kind.setObjectName("queryKind")
        for kind, text in (
            (TargetKind.FIELD, self.tr("A field of the record")),
            (TargetKind.LESION, self.tr("A field of a lesion")),
            (TargetKind.COMPLICATION, self.tr("A field of a complication")),
            (TargetKind.EVENT, self.tr("An intraoperative event")),
        ):
            self.kind.addItem(text, kind.value)
        form.addRow(self.tr("About"), self.kind)
        # The fields by their labels, as the forms name them to people; the internal name is only the item's data.
        self.field = QComboBox()
        self.field.setObjectName("queryField")
        form.addRow(self.tr("Field"), self.field)
        self.number = QSpinBox()
        self.number.setObjectName("queryNumber")
        self.number.setRange(1, 999_999)
        form.addRow(self.tr("Lesion, complication or event number"), self.number)
        self.kind.currentIndexChanged.connect(self._offer_fields)
        self._offer_fields()
        self.text = QPlainTextEdit()
        self.text.setObjectName("queryText")
        form.addRow(self.tr("Question"), self.text)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def _offer_fields(self) -> None:
        kind = TargetKind(self.kind.currentData())
        lang = current()
        self.field.clear()
        for fdef in query_targets.fields_of(kind):
            self.field.addItem(fdef.text(lang), fdef.name)
        self.field.setEnabled(kind is not TargetKind.EVENT)
        self.number.setEnabled(kind is not TargetKind.FIELD)

    def target(self) -> query_targets.Target:
        kind = self.kind.currentData()
        number = self.number.value()
        if kind == TargetKind.EVENT:
            return query_targets.target(kind, event_id=number)
        return query_targets.target(kind, self.field.currentData(), number if kind != TargetKind.FIELD else None)


class QueriesPage(QWidget):
    def __init__(self, store: Store, user: User, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.user = user
        self.rows: list[data_queries.QueryRow] = []
        self.setObjectName("queriesPage")
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(heading(self.tr("Data queries")), 1)
        self.status = QComboBox()
        self.status.setObjectName("queryStatusFilter")
        self.status.addItem(self.tr("All"), None)
        for status in QueryStatus:
            self.status.addItem(status.text(current()), status.value)
        self.status.currentIndexChanged.connect(lambda _index: self.refresh())
        bar.addWidget(self.status)
        self.centre = QLineEdit()
        self.centre.setObjectName("queryCentreFilter")
        self.centre.setPlaceholderText(self.tr("Centre, e.g. 03"))
        self.centre.setMaxLength(2)
        self.centre.textChanged.connect(lambda _text: self.refresh())
        bar.addWidget(self.centre)
        layout.addLayout(bar)
        self.table = ReadOnlyTable(
            "queryTable",
            [
                self.tr("No."),
                self.tr("Centre"),
                self.tr("Study ID"),
                self.tr("About"),
                self.tr("Status"),
                self.tr("Question"),
                self.tr("Value when asked"),
                self.tr("Answer"),
                self.tr("Value in the answering version"),
            ],
        )
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setObjectName("queryMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.raise_button = action_button(
            buttons, "mdi6.comment-question-outline", self.tr("Raise a query…"), "raiseQuery", self.raise_query
        )
        self.check_button = action_button(
            buttons, "mdi6.magnify-scan", self.tr("Run the automatic checks"), "runChecks", self.run_checks
        )
        buttons.addStretch(1)
        self.close_button = action_button(buttons, "mdi6.check", self.tr("Close"), "closeQuery", self.close_query)
        self.again_button = action_button(
            buttons, "mdi6.comment-arrow-right-outline", self.tr("Ask again…"), "askAgain", self.ask_again
        )
        self.send_button = action_button(
            buttons, "mdi6.send-outline", self.tr("Write the centre's query file…"), "sendQueries", self.choose_folder
        )
        layout.addLayout(buttons)
        self.refresh()

    @property
    def buttons(self) -> list[QPushButton]:
        return [self.raise_button, self.check_button, self.close_button, self.again_button, self.send_button]

    def refresh(self) -> None:
        centre = self.centre.text().strip()
        try:
            self.rows = data_queries.queries(
                self.store, centre=centre if len(centre) == 2 else None, status=self.status.currentData()
            )
        except MimicError as error:
            self.message.setText(said(error))
            return
        self.table.fill(
            [
                [
                    str(row.id),
                    row.centre,
                    row.study_id,
                    data_queries.target_of(row).text(current()),
                    QueryStatus(row.status).text(current()),
                    row.text,
                    _value(row.value_raised),
                    row.answer_text or "",
                    _value(row.answer_value) if row.answer_version else "",
                ]
                for row in self.rows
            ]
        )

    def chosen(self) -> data_queries.QueryRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _done(self, text: str) -> None:
        self.message.setText(text)
        self.refresh()

    def _refused(self, error: MimicError) -> None:
        self.message.setText(said(error))
        dialogs.show_error(self, error)

    def raise_query(self) -> None:
        dialog = RaiseDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.submit(dialog)
        dialog.deleteLater()

    def submit(self, dialog: RaiseDialog) -> bool:
        try:
            number = data_queries.raise_query(
                self.store, self.user, dialog.study_id.text(), dialog.target(), dialog.text.toPlainText()
            )
        except MimicError as error:
            self._refused(error)
            return False
        self._done(arg(self.tr("Query %1 raised: it goes out in the centre's next query file."), number))
        return True

    def run_checks(self) -> None:
        try:
            raised = data_queries.run_checks(self.store, self.user)
        except MimicError as error:
            self._refused(error)
            return
        self._done(self.tr("%n query(ies) raised by the automatic checks.", "", len(raised)))

    def close_query(self) -> None:
        row = self.chosen()
        if row is None:
            return
        reason = None
        if row.status == QueryStatus.OPEN:
            reason = dialogs.ask_text(self, self.tr("Withdraw the query"), self.tr("Why is the query withdrawn?"))
            if reason is None:
                return
        try:
            data_queries.close(self.store, self.user, row.id, reason)
        except MimicError as error:
            self._refused(error)
            return
        self._done(arg(self.tr("Query %1 closed."), row.id))

    def ask_again(self) -> None:
        row = self.chosen()
        if row is None:
            return
        prompt = TextPrompt(self.tr("Ask again"), self.tr("The new question, for the centre's next query file:"), self)
        if prompt.exec():
            try:
                data_queries.ask_again(self.store, self.user, row.id, prompt.text.text())
            except MimicError as error:
                self._refused(error)
            else:
                self._done(arg(self.tr("Query %1 asked again."), row.id))
        prompt.deleteLater()

    def choose_folder(self) -> None:
        chosen = self.chosen()
        centre = self.centre.text().strip() or (chosen.centre if chosen else "")
        if not centre:
            self.message.setText(self.tr("Type the centre's code in the filter first, or choose one of its queries."))
            return
        folder = ask_folder(self, self.tr("Write the query file into"), documents_folder())
        if folder is not None:
            self.send(centre, folder)

    def send(self, centre: str, folder: Path) -> bool:
        try:
            sent = data_queries.send(self.store, self.user, centre, folder)
        except MimicError as error:
            self._refused(error)
            return False
        self._done(
            arg(
                self.tr("Written: %1 (%2 for centre %3), signed with the trial office's key %4."),
                sent.path,
                self.tr("%n query(ies)", "", sent.count),
                sent.centre,
                sent.key_fingerprint,
            )
        )
        return True
