"""A card per lesion with its intraoperative margin assessment; clicking a card makes it current."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ...domain import derive, forms
from ...domain.record import Lesion, Procedure


class LesionCards(QWidget):
    switch_requested = Signal(str)  # lesion id

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self.wording = LesionText(lang, self)
        self.setObjectName("lesionCards")
        self.cards: dict[str, QPushButton] = {}
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.empty = QPushButton(self.tr("No lesion yet: press Lesion identified [L] or Occult lesion [O]"))
        self.empty.setEnabled(False)
        self.empty.setProperty("role", "lesionCard")
        self.row.addWidget(self.empty)

    def refresh(self, proc: Procedure) -> None:
        for card in self.cards.values():
            self.row.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.cards.clear()
        self.empty.setVisible(not proc.lesions)
        for lesion in proc.lesions:
            card = QPushButton()
            # A push button does not wrap its text; a label inside it does, and lets clicks through.
            label = QLabel(self.card_text(proc, lesion), card)
            label.setWordWrap(True)
            label.setObjectName("lesionCardText")
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            inner = QVBoxLayout(card)
            inner.setContentsMargins(10, 4, 6, 4)
            inner.addWidget(label)
            card.setObjectName(f"lesionCard_{lesion.number}")
            card.setProperty("role", "lesionCard")
            card.setProperty("assessment", self._tone(proc, lesion))
            card.setCheckable(True)
            card.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the event keys stay with the live screen
            card.setChecked(lesion.id == proc.current_lesion_id)
            card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
            card.setToolTip(self.tr("Make this the current lesion (Alt+%1)").replace("%1", str(lesion.number)))
            card.clicked.connect(lambda _checked=False, lesion_id=lesion.id: self.switch_requested.emit(lesion_id))
            self.row.addWidget(card)
            self.cards[lesion.id] = card

    @staticmethod
    def _tone(proc: Procedure, lesion: Lesion) -> str:
        specimen = derive.assess_lesion(proc, lesion.id).specimen_fluorescent
        return {True: "suspected_r1", False: "suspected_r0", None: "open"}[specimen]

    def card_text(self, proc: Procedure, lesion: Lesion) -> str:
        return self.wording.text(proc, lesion)


class LesionText(QObject):
    """A lesion in a few lines: number and source, segments and size, the margin assessment in theatre."""

    def __init__(self, lang: str, parent: QObject | None = None):
        super().__init__(parent)
        self.lang = lang

    def text(self, proc: Procedure, lesion: Lesion) -> str:
        assessment = derive.assess_lesion(proc, lesion.id)
        source = lesion.get("source")
        title = self.tr("Lesion %1").replace("%1", str(lesion.number))
        if source:
            title += f": {forms.field_def('source').choice_text(source, self.lang)}"
        where = ", ".join(lesion.get("segments") or []) or self.tr("segment?")
        size = lesion.get("size_mm")
        segment_word = self.tr("Seg.")
        size_text = f"{size:g} mm" if size else self.tr("size?")
        place = f"{segment_word} {where} · {size_text}"
        specimen = {
            True: self.tr("Specimen fluorescent: suspected R1"),
            False: self.tr("Specimen clear: suspected R0"),
            None: self.tr("Specimen not assessed"),
        }[assessment.specimen_fluorescent]
        steps = []
        if assessment.plane_fluorescence:
            steps.append(self.tr("plane fluorescent"))
        if assessment.plane_adapted:
            steps.append(self.tr("plane adapted"))
        if assessment.cavity_fluorescent:
            steps.append(self.tr("cavity fluorescent"))
        if assessment.reresection:
            steps.append(forms.events()[f"reresection_{assessment.reresection}"].text(self.lang).lower())
        if assessment.extended_resection:
            steps.append(self.tr("extended resection"))
        if assessment.ablated:
            steps.append(self.tr("ablated"))
        return "\n".join([title, place, specimen, *([", ".join(steps)] if steps else [])])
