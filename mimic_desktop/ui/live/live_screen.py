"""The coordinator's live screen: every intraoperative action is one call on ProcedureService."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import derive, forms, rules
from ...domain.clock import utc_now
from ...domain.record import Event, Lesion, Procedure
from ...domain.roles import Action
from ...domain.values import TEXT_NAMES
from ...services import live_frames
from ...services.write_queue import Outcome, Write, WriteQueue
from .. import dialogs
from ..context import AppContext
from ..i18n import said
from ..icons import icon
from .clock import ClockPanel
from .column_scroll import ColumnScroll
from .event_buttons import EventButtons
from .lesion_cards import LesionCards
from .lesion_page import LesionPage
from .lesion_panel import LesionPanel
from .more_events import MORE_KEY, TOGETHER_KEY, MoreEvents
from .notice_line import NoticeLine
from .steady_label import SteadyLabel
from .strike_dialog import ask_strike_reason
from .timeline import Timeline
from .video_entry import VIDEO_KEY, VideoEntry
from .waiting_bar import WaitingBar

LESION_KEYS = 9  # Alt+1 .. Alt+9 make lesion 1 .. 9 current
DETAILS_KEY = "F2"  # the current lesion's details in the event buttons' place, and back
COLUMN_WIDTHS = (860, 486)  # the events' and the record's columns in the window's default size
RETRY_MS = 1000  # how often writes that met another program's lock are tried again


class LiveScreen(QWidget):
    """Emits committed() after each change has been committed, failed(message) when it was not saved,
    and waiting(count) while actions wait for the database (count 0 once none waits)."""

    committed = Signal()
    failed = Signal(str)
    waiting = Signal(int)

    def __init__(
        self, context: AppContext, proc_id: str, icg_window: tuple[timedelta, timedelta], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.context = context
        self.proc_id = proc_id
        self.proc: Procedure = context.procedures().load(proc_id)
        self.setObjectName("liveScreen")
        # A click anywhere on the screen outside a field gives the keys back to the events.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.writes = WriteQueue()
        self.retry_timer = QTimer(self)
        self.retry_timer.setInterval(RETRY_MS)
        self.retry_timer.timeout.connect(lambda: self._settle(self.writes.retry()))
        lang = context.lang
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("liveColumns")
        splitter.setChildrenCollapsible(False)  # neither column can be dragged out of sight
        outer.addWidget(splitter, 1)

        # The events' column: the clock over the event buttons, nothing else, so that every button stays
        # whole down to the smallest window. The current lesion's map and form take the buttons' place
        # while the user asks for them; the event keys keep working meanwhile.
        left = QWidget()
        left.setObjectName("eventColumn")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.clock = ClockPanel(icg_window)
        # The time the tower's recording shows, typed in only when opened on purpose (a click or its key).
        self.video = VideoEntry(lang)
        self.video.entered.connect(self.set_video_time)
        self.video.closed.connect(self.take_keys)
        self.clock.add_beside(self.video)
        self.clock.timer.timeout.connect(self.video.tick)
        left_layout.addWidget(self.clock)
        self.buttons = EventButtons(lang, shortcut_scope=self)
        self.buttons.triggered.connect(self.log)
        self.event_scroll = ColumnScroll(self.buttons, "eventButtonsScroll")
        self.lesion_panel = LesionPanel(lang)
        self.lesion_panel.save_requested.connect(self.save_lesion)
        self.lesion_panel.saved_by_user.connect(self.show_event_buttons)
        self.lesion_panel.problem.connect(self.refuse)
        self.lesion_panel.refused.connect(self.refuse)
        self.lesion_panel.done_typing.connect(self.take_keys)
        # What was put back after a crash is shown, with its note, not left on the hidden details page.
        self.lesion_panel.typing_restored.connect(lambda: self.show_lesion_details(True))
        # The lesions' whole cards (each step of the margin assessment in words) stand over the map.
        self.full_cards = LesionCards(lang)
        self.full_cards.setObjectName("lesionCardsFull")
        self.full_cards.switch_requested.connect(self.switch_lesion)
        self.lesion_page = LesionPage(self.lesion_panel, self.full_cards)
        self.lesion_page.back_requested.connect(self.show_event_buttons)
        self.left_stack = QStackedWidget()
        self.left_stack.setObjectName("eventsOrLesion")
        self.left_stack.addWidget(self.event_scroll)
        self.left_stack.addWidget(self.lesion_page)
        left_layout.addWidget(self.left_stack, 1)
        splitter.addWidget(left)

        # The record's column: what it is, where the keys go, the ICG interval, a line for notices, the
        # lesions, and the timeline, which takes all the height that is left.
        right = QWidget()
        right.setObjectName("recordColumn")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(4)  # seven parts one above the other: the timeline keeps what is saved here
        heading_row = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setObjectName("liveHeading")
        self.heading.setWordWrap(True)
        heading_row.addWidget(self.heading, 1)
        self.details_button = QPushButton(icon("mdi6.map-outline"), self.tr("Lesion details") + f" [{DETAILS_KEY}]")
        self.details_button.setObjectName("lesionDetails")
        self.details_button.setAccessibleName(self.tr("Lesion details: segments on the map, size, source"))
        self.details_button.setToolTip(
            self.tr("Show the current lesion's map and fields in place of the event buttons") + f" [{DETAILS_KEY}]"
        )
        self.details_button.setCheckable(True)
        self.details_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the event keys stay with the live screen
        self.details_button.clicked.connect(lambda checked: self.show_lesion_details(checked))
        heading_row.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)
        # Other lesions taken out in one specimen with the current one (ids): the transection, plane, specimen and
        # cavity events recorded while they are ticked name them all. Navigation, not the record: a change of the
        # current lesion clears it.
        self.together: set[str] = set()
        self.together_of: str | None = None
        self.more = MoreEvents(lang, lambda: (self.proc.lesions, self.proc.current_lesion_id, self.together))
        self.more.triggered.connect(self.log)
        self.more.together_toggled.connect(self.toggle_together)
        # Under the lesion details' button, not beside it: the record's column keeps its narrowest width.
        buttons = QVBoxLayout()
        buttons.setSpacing(2)
        heading_row.removeWidget(self.details_button)
        for button in (self.details_button, self.more):
            buttons.addWidget(button)
        heading_row.addLayout(buttons, 0)
        right_layout.addLayout(heading_row)
        self.keyboard_note = SteadyLabel()  # the typing note is longer: it takes no room from what lies below
        self.keyboard_note.setObjectName("keyboardNote")
        right_layout.addWidget(self.keyboard_note)
        right_layout.addWidget(self.clock.icg_note)
        self.notice = NoticeLine()
        right_layout.addWidget(self.notice)
        self.waiting_bar = WaitingBar()
        self.waiting_bar.give_up_requested.connect(self.give_up_waiting)
        right_layout.addWidget(self.waiting_bar)
        # One line per lesion here: the timeline keeps the height; the whole cards are in the lesion details.
        self.cards = LesionCards(lang, compact=True)
        self.cards.switch_requested.connect(self.switch_lesion)
        right_layout.addWidget(self.cards)
        self.timeline = Timeline(lang)
        self.timeline.strike_requested.connect(self.strike)
        self.timeline.correct_requested.connect(self.correct)
        right_layout.addWidget(self.timeline, 1)
        splitter.addWidget(ColumnScroll(right, "lesionColumnScroll"))
        # A narrower window takes from the events' column first, down to three buttons a row.
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes(list(COLUMN_WIDTHS))

        # The lesion details from the keyboard too: F2 shows them with the map focused, F2 again the buttons.
        details_key = QShortcut(QKeySequence(DETAILS_KEY), self)
        details_key.setContext(Qt.ShortcutContext.WindowShortcut)
        details_key.activated.connect(self.toggle_lesion_details_by_key)
        for number in range(1, LESION_KEYS + 1):
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(partial(self._switch_if_visible, number))
            together_key = QShortcut(QKeySequence(TOGETHER_KEY.format(number=number)), self)
            together_key.setContext(Qt.ShortcutContext.WindowShortcut)
            together_key.activated.connect(partial(self._together_if_visible, number))
        more_key = QShortcut(QKeySequence(MORE_KEY), self)
        more_key.setContext(Qt.ShortcutContext.WindowShortcut)
        more_key.activated.connect(self._more_if_visible)
        video_key = QShortcut(QKeySequence(VIDEO_KEY), self)
        video_key.setContext(Qt.ShortcutContext.WindowShortcut)
        video_key.activated.connect(self._video_if_visible)
        strike_key = QShortcut(QKeySequence(Qt.Key.Key_Backspace), self)
        strike_key.setContext(Qt.ShortcutContext.WindowShortcut)  # a field with the keyboard keeps its Backspace
        strike_key.activated.connect(self._strike_last_if_visible)
        self.keyboard_note.may_show(
            [self._keyboard_text(field.text(lang)) for field in forms.crf().section("lesion").fields]
        )
        # The video source, when one is set, opens with the screen: a recording plays from now, and the first
        # finding does not wait for a device to start.
        self.frames = live_frames.LiveFrames(context.store)
        unopened = self.frames.open() if self.editable else None  # who only reads records no event
        if unopened is not None:
            self.notice.show_text(self.tr("Frames are not kept: %1").replace("%1", said(unopened)), "refused")
        app = QApplication.instance()
        assert isinstance(app, QApplication), "a window runs inside the QApplication"
        app.focusChanged.connect(self._show_keyboard)
        self._show_keyboard()
        self.refresh()

    # -- showing ---------------------------------------------------------------------------
    @property
    def editable(self) -> bool:
        user = self.context.user
        return bool(user and user.may(Action.EDIT)) and not self.proc.locked

    def refresh(self) -> None:
        self.proc = self.context.procedures().load(self.proc_id)
        proc, lang = self.proc, self.context.lang
        if self.together_of != proc.current_lesion_id:  # another lesion is current: it was taken out on its own
            self.together, self.together_of = set(), proc.current_lesion_id
        self.together &= {lesion.id for lesion in proc.lesions}
        ended = derive.closure_time(proc) is not None
        status = derive.status(proc).text(lang)
        heading = f"{proc.study_id} · {status}"
        together = self._together_numbers()
        if together:
            heading += " · " + self.tr("One specimen: lesions {numbers}").replace("{numbers}", ", ".join(together))
        if ended:
            heading += " · " + self.tr("Surgery has ended: complete the record in the Record tab.")
        self.heading.setText(heading)
        self.clock.refresh(proc)
        self.video.show_reference(proc, self.editable)
        current = next((lesion for lesion in proc.lesions if lesion.id == proc.current_lesion_id), None)
        self.buttons.set_available(current is not None, ended, self.editable)
        self.cards.refresh(proc)
        self.full_cards.refresh(proc)
        self.lesion_panel.show_lesion(self._with_waiting_values(current), self.editable)
        self.details_button.setEnabled(current is not None)
        if current is None:
            self.show_event_buttons()
        waiting = self.writes.waiting
        self.timeline.refresh(
            proc,
            self.editable,
            [(write.moment, write.what) for write in waiting],
            live_frames.framed_events(self.context.store, proc.id),
        )
        self.waiting_bar.show_waiting(waiting)

    def _with_waiting_values(self, lesion: Lesion | None) -> Lesion | None:
        """The lesion with its typed values that wait for the database, so the panel keeps showing them."""
        if lesion is None:
            return None
        values = dict(lesion.values)
        for write in self.writes.waiting:
            if write.lesion_values and write.lesion_values[0] == lesion.id:
                values |= write.lesion_values[1]
        return replace(lesion, values=values)

    def show_lesion_details(self, shown: bool = True) -> None:
        """The current lesion's map and fields in the event buttons' place, or the buttons again."""
        shown = shown and self.details_button.isEnabled()
        self.left_stack.setCurrentWidget(self.lesion_page if shown else self.event_scroll)
        self.details_button.setChecked(shown)
        if not shown:
            self.lesion_panel.flush()  # what was typed is saved before the fields leave the screen
            focused = QApplication.focusWidget()
            if focused is not None and self.lesion_page.isAncestorOf(focused):
                self.take_keys()  # the keys go back to the events, not to a hidden field

    def toggle_lesion_details_by_key(self) -> None:
        """F2: the details with the keyboard on the map (arrow keys, Space), or the buttons with the keys back."""
        if not self.isVisible():
            return
        if self.left_stack.currentWidget() is self.lesion_page:
            self.show_event_buttons()
            self.take_keys()
            return
        self.show_lesion_details()
        if self.left_stack.currentWidget() is self.lesion_page:
            self.lesion_panel.map.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_event_buttons(self) -> None:
        self.show_lesion_details(False)

    # -- the keys --------------------------------------------------------------------------
    def take_keys(self) -> None:
        """The keys log events again (a lesion field keeps what was typed until it is saved)."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _together_numbers(self) -> list[str]:
        """The numbers of the lesions of one specimen, the current one first; none when it was taken out alone."""
        if not self.together:
            return []
        named = [self.proc.current_lesion_id, *self.together]
        return [
            str(lesion.number)
            for lesion in sorted(self.proc.lesions, key=lambda lesion: (lesion.id != named[0], lesion.number))
            if lesion.id in named
        ]

    def toggle_together(self, lesion_id: str) -> None:
        """Tick or untick another lesion as taken out in one specimen with the current one."""
        if lesion_id == self.proc.current_lesion_id:
            return
        self.together ^= {lesion_id}
        self.refresh()

    def _together_if_visible(self, number: int) -> None:
        lesion = next((lesion for lesion in self.proc.lesions if lesion.number == number), None)
        if self.isVisible() and lesion is not None:
            self.toggle_together(lesion.id)

    def _more_if_visible(self) -> None:
        if self.isVisible():
            self.more.showMenu()

    def _video_if_visible(self) -> None:
        if self.isVisible():
            self.video.open()

    def _switch_if_visible(self, number: int) -> None:
        if self.isVisible():
            self.switch_to_number(number)

    def _strike_last_if_visible(self) -> None:
        if self.isVisible():
            self.strike_last()

    def _keyboard_text(self, field: str | None) -> str:
        """Where the keys go, in words: to the events (field None), or into the field of that label."""
        if field is None:
            return self.tr("Keys log events: press the key shown on a button. Backspace strikes the last one through.")
        return self.tr("Typing into %1 — press Enter or Esc to save it and return to the event keys.").replace(
            "%1", field
        )

    def _show_keyboard(self, *_focus: object) -> None:
        """Say plainly where the keys go: to the events, or into a lesion field."""
        focused = QApplication.focusWidget()
        field = self.tr("the video time") if focused is self.video.line else self.lesion_panel.typing_into(focused)
        self.keyboard_note.setText(self._keyboard_text(field))
        self.keyboard_note.setProperty("typing", field is not None)
        self.keyboard_note.style().unpolish(self.keyboard_note)
        self.keyboard_note.style().polish(self.keyboard_note)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A key that reached the screen logged nothing: say why rather than drop it."""
        text = event.text().strip()
        modifiers = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if text and text.isprintable() and not modifiers:
            self.refuse(self._why_no_event(text))
            event.accept()
            return
        super().keyPressEvent(event)

    def _why_no_event(self, text: str) -> str:
        definition = next((d for d in forms.events().values() if d.key.casefold() == text.casefold()), None)
        if definition is None:
            return self.tr("No event has the key %1.").replace("%1", text.upper())
        name = definition.text(self.context.lang)
        if not self.editable:
            return self.tr("%1 is not recorded: this record cannot be changed here.").replace("%1", name)
        if derive.closure_time(self.proc) is not None:
            why = self.tr("%1 is not recorded: surgery has ended, only a note may follow.")
        else:
            why = self.tr(
                "%1 is not recorded: it belongs to a lesion. Identify one first (%2) or choose one (Alt+number)."
            )
            creating = "/".join(d.key for d in forms.events().values() if d.lesion == "creates")
            why = why.replace("%2", creating)
        return why.replace("%1", name)

    def refuse(self, message: str) -> None:
        """Say in place, with a sound, that something was not done; the keys keep working."""
        self.notice.show_text(message, "refused")
        QApplication.beep()

    def clear_notice(self) -> None:
        self.notice.clear()

    # -- acting ----------------------------------------------------------------------------
    def _act(self, what: str, action: Callable[[], Any], *, moment: datetime | None = None, **write: Any) -> None:
        """Run one service call, after any that wait for the database; say saved only once it committed."""
        self.clear_notice()  # a refusal is said until the next action
        if write.get("lesion_values") is None:
            self.lesion_panel.flush()  # typed lesion values first, in the order they were typed
        self._settle(self.writes.submit(Write(what, moment or utc_now(), action, **write)))

    def _settle(self, outcome: Outcome) -> None:
        """Show what an attempt did: refusals in words, the record as stored, and what still waits."""
        for _write, refusal in outcome.refused:
            self.failed.emit(said(refusal))
        if outcome.refused:
            self.refuse("\n".join(said(refusal) for _write, refusal in outcome.refused))
        self.refresh()
        if outcome.committed:
            self.committed.emit()
            self.context.signals.record_changed.emit(self.proc_id)
        count = len(self.writes.waiting)
        if count:
            self.retry_timer.start()
        else:
            self.retry_timer.stop()
        if count or outcome.committed:
            self.waiting.emit(count)

    def give_up_waiting(self) -> None:
        """The user gives up on the actions still waiting: they are not stored, and the screen says so."""
        waiting = self.writes.waiting
        listed = "\n".join(f"{write.moment.astimezone():%H:%M:%S} {write.what}" for write in waiting)
        question = (
            self.tr("Give up on these %1 actions? They are not stored, and cannot be brought back:\n\n%2")
            .replace("%1", str(len(waiting)))
            .replace("%2", listed)
        )
        if not waiting or not dialogs.ask_yes_no(self, "giveUpWaiting", question):
            return
        self.writes.give_up()
        self.retry_timer.stop()
        self.failed.emit(self.tr("%1 actions given up, not stored").replace("%1", str(len(waiting))))
        self.refresh()

    def unsaved(self) -> list[str]:
        """What is typed or done on this screen but not stored yet, in words."""
        self.lesion_panel.flush()
        lines = [f"{write.moment.astimezone():%H:%M:%S} {write.what}" for write in self.writes.waiting]
        problem = self.lesion_panel.problem_text()
        return lines + ([problem] if problem else [])

    def discard_unsaved(self) -> None:
        """Drop what unsaved() named (the user chose to)."""
        self.writes.give_up()
        self.retry_timer.stop()
        self.lesion_panel.discard()
        self.refresh()

    def release_source(self) -> None:
        """Close the video source (the screen goes): a capture device is free for other programs again."""
        self.frames.close()

    def log(self, kind: str) -> None:
        moment = utc_now()  # the moment of the key press or click, whatever happens next
        self.take_keys()
        definition = forms.events()[kind]
        # The frame of that moment, taken now: the event may wait for the database, the video does not.
        grab = self.frames.grab(kind, moment)
        refused = live_frames.refusal_without_frame(kind, grab)
        if refused is not None:
            self.refuse(said(refused))
            return
        if definition.marks == "surgery_end" and not self._closure_confirmed():
            return
        note, kept = None, None
        if definition.note_required:
            typed = dialogs.ask_typed(self, definition.text(self.context.lang), self.tr("Note"), TEXT_NAMES["note"])
            if typed is None:
                return
            note, kept = typed.text, typed.kept
        # An event of one transection or specimen names every lesion ticked as taken out together with the
        # current one, in their numbers' order.
        also = (
            [lesion.id for lesion in self.proc.lesions if lesion.id in self.together]
            if definition.several_lesions and self.proc.current_lesion_id
            else []
        )

        def record() -> None:
            done = live_frames.record(
                self.context.procedures(kept),
                self.proc_id,
                kind,
                grab,
                at=moment,
                note=note,
                lang=self.context.lang,
                also_lesion_ids=also,
            )
            if done.problem is not None and self.frames.connected:
                # The entry is stored; the frame that should have come with it is not, and the screen says why.
                self.notice.show_text(
                    self.tr("%1 recorded without a frame: %2")
                    .replace("%1", definition.text(self.context.lang))
                    .replace("%2", said(done.problem)),
                    "refused",
                )

        self._act(definition.text(self.context.lang), record, moment=moment)

    def set_video_time(self, typed: str, moment: datetime) -> None:
        """The time the tower's recording showed at that moment, saved as the time it showed at the incision (or at
        the first event a later recording holds)."""
        self._act(
            self.tr("Video time %1").replace("%1", typed.strip()),
            lambda: self.context.procedures().set_video_reference(
                self.proc_id, typed, read_at=moment, lang=self.context.lang
            ),
            moment=moment,
        )

    def _closure_confirmed(self) -> bool:
        """End of surgery on a record that looks unfinished is asked about first (No is the default)."""
        unfinished = rules.unfinished_at_closure(self.proc, self.context.lang)
        if not unfinished:
            return True
        question = self.tr("The record looks unfinished:") + "\n\n"
        question += "\n".join(f"• {line}" for line in unfinished) + "\n\n"
        question += self.tr("Record the end of surgery all the same?")
        if dialogs.ask_yes_no(self, "confirmClosure", question):
            return True
        self.notice.show_text(self.tr("End of surgery not recorded."))
        return False

    def switch_lesion(self, lesion_id: str) -> None:
        number = next((str(lesion.number) for lesion in self.proc.lesions if lesion.id == lesion_id), "?")
        self._act(
            self.tr("Lesion %1 made current").replace("%1", number),
            lambda: self.context.procedures().switch_lesion(self.proc_id, lesion_id),
        )

    def switch_to_number(self, number: int) -> None:
        lesion = next((lesion for lesion in self.proc.lesions if lesion.number == number), None)
        if lesion is not None:
            self.switch_lesion(lesion.id)

    def save_lesion(self, lesion_id: str, values: dict[str, Any]) -> None:
        number = next((str(lesion.number) for lesion in self.proc.lesions if lesion.id == lesion_id), "?")
        names = ", ".join(forms.field_def(name).text(self.context.lang) for name in values)
        self._act(
            self.tr("Lesion %1: %2").replace("%1", number).replace("%2", names),
            lambda: self.context.procedures().set_values(
                self.proc_id, values, entity="lesion", entity_id=lesion_id, lang=self.context.lang
            ),
            lesion_values=(lesion_id, values),
        )

    def _event(self, event_id: int) -> Event:
        return next(e for e in self.proc.events if e.id == event_id)

    def _event_text(self, event_id: int) -> str:
        event = self._event(event_id)
        name = forms.events()[event.kind].text(self.context.lang)
        return f"{event.moment.astimezone():%H:%M:%S} {name}"

    def strike(self, event_id: int) -> None:
        prompt = self.tr("Why is this event wrong? It stays visible, struck through, with your reason.")
        prompt += "\n" + self._event_text(event_id)
        lesion = rules.lesion_removed_with(self.proc, self._event(event_id))
        if lesion is not None:
            prompt += "\n\n" + self.tr(
                "Lesion %1 will be removed from the record with it, with the same reason. Its number is not used again."
            ).replace("%1", str(lesion.number))
        reason = ask_strike_reason(self, self.tr("Strike through"), prompt)
        if reason is not None:
            self._act(
                self.tr("Strike through %1").replace("%1", self._event_text(event_id)),
                lambda: self.context.procedures(reason.kept).strike_event(event_id, reason.text),
            )

    def strike_last(self) -> None:
        """Backspace: strike through the event recorded last, with a reason."""
        self.lesion_panel.flush()
        live = self.proc.live_events()
        if not self.editable or not live:
            self.refuse(self.tr("There is no event to strike through."))
            return
        self.strike(max(live, key=lambda event: event.id).id)

    def correct(self, event_id: int) -> None:
        event = self._event(event_id)
        dialog = dialogs.CorrectTimeDialog(self._event_text(event_id), event.moment, self)
        accepted = dialog.exec()
        moment, reason, kept = dialog.moment(), dialog.reason.text().strip(), dialog.kept_reason
        dialog.deleteLater()
        if accepted and moment is not None:  # OK is enabled only for a readable time
            self._act(
                self.tr("Correct the time of %1").replace("%1", self._event_text(event_id)),
                lambda: self.context.procedures(kept).correct_event_time(event_id, moment, reason, self.context.lang),
            )
