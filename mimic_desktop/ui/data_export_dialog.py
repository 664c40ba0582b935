"""Which exports for statisticians and REDCap, of which procedures, into which folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from .file_choice import ask_folder
from .i18n import arg
from .labels import caption


class DataExportDialog(QDialog):
    """Accepted with at least one format and a folder; chosen() gives (kinds, study IDs or None for all, folder)."""

    def __init__(self, selected: str | None, count: int, folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dataExportDialog")
        self.setWindowTitle(self.tr("Export data"))
        self.setMinimumWidth(560)
        self.selected = selected
        self.folder = folder
        layout = QFormLayout(self)
        formats = QVBoxLayout()
        self.formats: dict[str, QCheckBox] = {}
        for kind, text in (
            ("csv", self.tr("CSV tables with a data dictionary, for statisticians")),
            ("redcap", self.tr("REDCap data dictionary and import file")),
            ("odm", self.tr("CDISC ODM 1.3.2 (XML)")),
            ("castor", self.tr("Castor EDC import files")),
            ("dataset-json", self.tr("CDISC Dataset-JSON 1.1")),
        ):
            box = QCheckBox(text)
            box.setObjectName(f"format_{kind}")
            formats.addWidget(box)
            self.formats[kind] = box
        self.formats["csv"].setChecked(True)
        layout.addRow(self.tr("Formats"), formats)
        scope = QVBoxLayout()
        self.only_selected = QRadioButton(arg(self.tr("Only %1"), selected or ""))
        self.only_selected.setObjectName("scopeSelected")
        self.everything = QRadioButton(arg(self.tr("All procedures on this laptop (%1)"), count))
        self.everything.setObjectName("scopeAll")
        self.only_selected.setVisible(selected is not None)
        (self.only_selected if selected else self.everything).setChecked(True)
        scope.addWidget(self.only_selected)
        scope.addWidget(self.everything)
        layout.addRow(self.tr("Procedures"), scope)
        where = QHBoxLayout()
        self.folder_label = QLabel(str(folder))
        self.folder_label.setObjectName("exportFolder")
        self.folder_label.setWordWrap(True)
        where.addWidget(self.folder_label, 1)
        choose = QPushButton(self.tr("Choose…"))
        choose.setObjectName("chooseFolder")
        choose.clicked.connect(self.choose_folder)
        where.addWidget(choose)
        layout.addRow(self.tr("Folder"), where)
        note = self.tr(
            "The files are pseudonymous (study IDs only), but free text goes with them: keep them where patient "
            "data may be kept. The export is noted in the audit trail."
        )
        layout.addRow(caption(note))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("startDataExport")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addRow(self.buttons)
        for box in self.formats.values():
            box.toggled.connect(self._update)

    def _update(self) -> None:
        self.export_button.setEnabled(bool(self.kinds()))

    def choose_folder(self) -> None:
        folder = ask_folder(self, self.tr("Export into"), self.folder)
        if folder is not None:
            self.folder = folder
            self.folder_label.setText(str(folder))

    def kinds(self) -> list[str]:
        return [kind for kind, box in self.formats.items() if box.isChecked()]

    def chosen(self) -> tuple[list[str], list[str] | None, Path]:
        study_ids = [self.selected] if self.selected and self.only_selected.isChecked() else None
        return self.kinds(), study_ids, self.folder
