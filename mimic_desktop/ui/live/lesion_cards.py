"""A card per lesion with its intraoperative margin assessment; clicking a card makes it current."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...domain import derive, forms
from ...domain.record import Lesion, Procedure
from ..i18n import arg

# The narrowest a card gets: more lesions than fit side by side scroll sideways instead of squeezing the text.
CARD_WIDTH = 200
# Room around a card's text: the coloured bar on the left, the border of the current card, the padding.
TEXT_MARGINS = (12, 5, 8, 5)
SHORTEST = 96
USUAL_SOURCE = "imaging"


class LesionCards(QWidget):
    switch_requested = Signal(str)  # lesion id

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self.wording = LesionText(lang, self)
        self.setObjectName("lesionCards")
        self.cards: dict[str, QPushButton] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("lesionCardsScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the event keys stay with the live screen
        strip = QWidget()
        strip.setObjectName("lesionCardStrip")
        self.row = QHBoxLayout(strip)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.scroll_area.setWidget(strip)
        outer.addWidget(self.scroll_area)
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
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            inner = QVBoxLayout(card)
            inner.setContentsMargins(*TEXT_MARGINS)
            inner.addWidget(label)
            card.setObjectName(f"lesionCard_{lesion.number}")
            card.setProperty("role", "lesionCard")
            card.setProperty("assessment", self._tone(proc, lesion))
            card.setCheckable(True)
            card.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the event keys stay with the live screen
            card.setChecked(lesion.id == proc.current_lesion_id)
            card.setMinimumWidth(CARD_WIDTH)
            card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            card.setToolTip(self.tr("Make this the current lesion (Alt+%1)").replace("%1", str(lesion.number)))
            card.clicked.connect(lambda _checked=False, lesion_id=lesion.id: self.switch_requested.emit(lesion_id))
            self.row.addWidget(card)
            self.cards[lesion.id] = card
        self.fit()
        # The cards take their places once the strip is laid out, after this call: show the current one then.
        QTimer.singleShot(0, self, lambda lesion_id=proc.current_lesion_id: self.show_card(lesion_id))

    def show_card(self, lesion_id: str | None) -> None:
        """Scroll the strip so that this lesion's card is in view."""
        card = self.cards.get(lesion_id or "")
        if card is not None:
            self.scroll_area.ensureWidgetVisible(card, 0, 0)

    def _spacing(self) -> int:
        return self.row.spacing() * (max(len(self.cards), 1) - 1)

    def card_width(self) -> int:
        """The width each card gets: an equal share of the strip, never less than CARD_WIDTH."""
        return max(CARD_WIDTH, (self.scroll_area.viewport().width() - self._spacing()) // max(len(self.cards), 1))

    def strip_width(self) -> int:
        """The least width of the cards side by side, with the space between them."""
        return len(self.cards) * CARD_WIDTH + self._spacing()

    def fit(self) -> None:
        """Cards as tall as their longest text at the width they get, so that no line is cut off."""
        width = self.card_width() - TEXT_MARGINS[0] - TEXT_MARGINS[2]
        height = SHORTEST
        for card in self.cards.values():
            label = card.findChild(QLabel)
            if label is None:
                continue
            label.ensurePolished()
            height = max(height, label.heightForWidth(width) + TEXT_MARGINS[1] + TEXT_MARGINS[3])
        for card in self.cards.values():
            card.setFixedHeight(height)
        sideways = self.strip_width() > self.scroll_area.viewport().width()
        scrollbar = self.scroll_area.horizontalScrollBar().sizeHint().height() if sideways else 0
        self.scroll_area.setFixedHeight((height if self.cards else self.empty.sizeHint().height()) + scrollbar)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    @staticmethod
    def _tone(proc: Procedure, lesion: Lesion) -> str:
        specimen = derive.assess_lesion(proc, lesion.id).specimen_fluorescent
        return {True: "suspected_r1", False: "suspected_r0", None: "open"}[specimen]

    def card_text(self, proc: Procedure, lesion: Lesion) -> str:
        return self.wording.text(proc, lesion, usual_source=False)


class LesionText(QObject):
    """A lesion in a few lines: number and source, segments and size, the margin assessment in theatre."""

    def __init__(self, lang: str, parent: QObject | None = None):
        super().__init__(parent)
        self.lang = lang

    def place(self, lesion: Lesion) -> str:
        """Where the lesion lies and how large it is, in plain words for what is not entered yet."""
        segments, size = lesion.get("segments") or [], lesion.get("size_mm")
        where = ", ".join(segments)
        millimetres = f"{size:g}\u00a0mm" if size else ""  # a size and its unit stay on one line
        if segments and size:
            return arg(self.tr("Segment(s) %1 · %2", "", len(segments)), where, millimetres)
        if segments:
            return arg(self.tr("Segment(s) %1 · size not entered yet", "", len(segments)), where)
        if size:
            return arg(self.tr("%1 · segment not entered yet"), millimetres)
        return self.tr("Segment and size not entered yet")

    def text(self, proc: Procedure, lesion: Lesion, usual_source: bool = True) -> str:
        """The lines; usual_source=False leaves out the source when it is the usual one, known from imaging
        (the live screen's narrow cards name only an occult lesion's)."""
        assessment = derive.assess_lesion(proc, lesion.id)
        title = self.tr("Lesion %1").replace("%1", str(lesion.number))
        source = lesion.get("source")
        if source and (usual_source or source != USUAL_SOURCE):
            title += f": {forms.field_def('source').choice_text(source, self.lang)}"
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
        return "\n".join([title, self.place(lesion), specimen, *([", ".join(steps)] if steps else [])])
