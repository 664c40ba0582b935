"""A card per lesion with its intraoperative margin assessment; clicking a card makes it current."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
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

# Every card is this wide, whatever the number of lesions: a card added later never moves or narrows the
# ones before it. More lesions than fit side by side scroll sideways.
CARD_WIDTH = 200
# Room around a card's text: the coloured bar on the left, the border of the current card, the padding.
TEXT_MARGINS = (12, 5, 8, 5)
SHORTEST = 96
BORDER = 3  # the current card's border, each side
USUAL_SOURCE = "imaging"


class LesionCards(QWidget):
    """A card per lesion; compact, one line each (the lesion's number and source, the margin assessment in the
    card's colour, the whole text in its tooltip and accessible name), for the live screen's record column."""

    switch_requested = Signal(str)  # lesion id

    def __init__(self, lang: str, parent: QWidget | None = None, compact: bool = False):
        super().__init__(parent)
        self.lang = lang
        self.compact = compact
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
        self.row.addStretch(1)  # the cards stand from the left, each at its own place
        self.scroll_area.setWidget(strip)
        outer.addWidget(self.scroll_area)
        if compact:
            self.empty = QPushButton(self.tr("No lesion yet: L or O"))
        else:
            self.empty = QPushButton(self.tr("No lesion yet: press Lesion identified [L] or Occult lesion [O]"))
        self.empty.setEnabled(False)
        self.empty.setProperty("role", "lesionChip" if compact else "lesionCard")
        self.row.insertWidget(0, self.empty, 1)

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
            whole_text = self.card_text(proc, lesion)
            label = QLabel(whole_text.splitlines()[0] if self.compact else whole_text, card)
            label.setWordWrap(not self.compact)
            label.setObjectName("lesionCardText")
            vertical = Qt.AlignmentFlag.AlignVCenter if self.compact else Qt.AlignmentFlag.AlignTop
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | vertical)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            inner = QVBoxLayout(card)
            inner.setContentsMargins(*TEXT_MARGINS)
            inner.addWidget(label)
            card.setObjectName(f"lesionCard_{lesion.number}")
            card.setProperty("role", "lesionChip" if self.compact else "lesionCard")
            card.setProperty("assessment", self._tone(proc, lesion))
            card.setCheckable(True)
            card.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the event keys stay with the live screen
            card.setChecked(lesion.id == proc.current_lesion_id)
            # Each card keeps its own width: one added later never moves or narrows those before it.
            label.ensurePolished()
            own = TEXT_MARGINS[0] + TEXT_MARGINS[2] + label.sizeHint().width() + 2 * BORDER
            card.setFixedWidth(own if self.compact else CARD_WIDTH)
            card.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            card.setAccessibleName(whole_text.replace("\n", ", "))
            hint = self.tr("Make this the current lesion (Alt+%1)").replace("%1", str(lesion.number))
            card.setToolTip(f"{whole_text}\n\n{hint}" if self.compact else hint)
            card.clicked.connect(lambda _checked=False, lesion_id=lesion.id: self.switch_requested.emit(lesion_id))
            # At the top of the strip: the room kept below for the scroll bar stays below the cards.
            self.row.insertWidget(self.row.count() - 1, card, 0, Qt.AlignmentFlag.AlignTop)
            self.cards[lesion.id] = card
        self.fit()
        # The cards take their places once the strip is laid out, after this call: show the current one then.
        QTimer.singleShot(0, self, lambda lesion_id=proc.current_lesion_id: self.show_card(lesion_id))

    def show_card(self, lesion_id: str | None) -> None:
        """Scroll the strip so that this lesion's card is in view, unless the pointer is over the strip:
        the card the user is about to click stays where it is."""
        card = self.cards.get(lesion_id or "")
        pointer = self.scroll_area.viewport().mapFromGlobal(QCursor.pos())
        if card is not None and not self.scroll_area.viewport().rect().contains(pointer):
            # A card just added has its place, and the strip its width, only once the layouts have run.
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self.scroll_area.ensureWidgetVisible(card, 0, 0)

    def _spacing(self) -> int:
        return self.row.spacing() * (max(len(self.cards), 1) - 1)

    def card_width(self) -> int:
        return CARD_WIDTH

    def strip_width(self) -> int:
        """The least width of the cards side by side, with the space between them."""
        return len(self.cards) * CARD_WIDTH + self._spacing()

    def fit(self) -> None:
        """Cards as tall as their longest text at the width they get, so that no line is cut off."""
        width = self.card_width() - TEXT_MARGINS[0] - TEXT_MARGINS[2]
        height = self.empty.sizeHint().height() if self.compact else SHORTEST
        for card in self.cards.values():
            label = card.findChild(QLabel)
            if label is None:
                continue
            label.ensurePolished()
            height = max(height, label.heightForWidth(width) + TEXT_MARGINS[1] + TEXT_MARGINS[3])
        for card in self.cards.values():
            card.setFixedHeight(height)
        # Room for the sideways scroll bar is kept whether it shows or not, and an empty strip is as high as
        # one with cards: the lesion that is added, or one more than fits, moves nothing below the strip.
        scrollbar = self.scroll_area.horizontalScrollBar().sizeHint().height()
        self.empty.setFixedHeight(height)
        self.scroll_area.setFixedHeight(height + scrollbar)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    @staticmethod
    def _tone(proc: Procedure, lesion: Lesion) -> str:
        specimen = derive.assess_lesion(proc, lesion.id).findings[forms.index_finding().name]
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
        index = forms.index_finding()
        specimen = {
            True: self.tr("Specimen fluorescent: suspected R1"),
            False: self.tr("Specimen clear: suspected R0"),
            None: self.tr("Specimen not assessed"),
        }[assessment.findings[index.name]]
        # Every other finding recorded, in the catalogue's order, in the words of the event that recorded it.
        catalogue = forms.events()
        steps = [
            _lower_first(catalogue[assessment.recorded_by[finding.name]].text(self.lang))
            for finding in forms.findings("lesion")
            if finding.name in assessment.recorded_by and finding is not index
        ]
        return "\n".join([title, self.place(lesion), specimen, *([", ".join(steps)] if steps else [])])


def _lower_first(text: str) -> str:
    """An event's name inside a list of steps: its first letter small ("plane adapted", not "Plane adapted")."""
    return text[:1].lower() + text[1:]
