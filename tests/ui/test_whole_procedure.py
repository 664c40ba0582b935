"""A whole two-lesion procedure through the real widgets, one user action per intraoperative event."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from mimic_desktop.domain import derive
from mimic_desktop.domain.clock import utc_now
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.storage.connection import open_store
from mimic_desktop.ui.dialogs import CorrectTimeDialog, TextPrompt
from mimic_desktop.ui.wizard import NewProcedureWizard
from tests.support.enrolment import ELIGIBLE, ENROLMENT
from tests.support.ui_steps import select_event


def fill_wizard(window, actions) -> NewProcedureWizard:
    context = window.context
    AccountService(context.store).create_user(
        "dr.surgeon", "Dr. Surgeon", "surgeon", "steady hands 42", by=context.user
    )
    actions.click(window.list.new_button)
    wizard = window.findChild(NewProcedureWizard)
    next_button = wizard.button(QWizard.WizardButton.NextButton)

    actions.type(wizard.study.study_id, "MIM-03-001")
    assert wizard.study.centre.text() == "03"  # taken from the study ID
    actions.click(next_button)

    form = wizard.eligibility.form
    for name, answer in {**ELIGIBLE, "iodine_or_icg_allergy": True}.items():
        actions.choose(form.editors[name].input, answer)
    actions.set_date(form.editors["consent_date"].input, date.today() - timedelta(days=2))  # consent precedes ICG
    actions.click(next_button)
    assert wizard.currentPage() is wizard.eligibility, "an allergic patient must not be enrolled"
    assert "cannot be enrolled" in wizard.eligibility.message.text()
    assert "iodine" in wizard.eligibility.message.text().lower()
    actions.choose(form.editors["iodine_or_icg_allergy"].input, False)
    actions.click(next_button)

    form = wizard.surgery.form
    assert set(form.editors) == {"approach", "imaging_system", "planned_procedure"}
    actions.choose(wizard.surgeon, "dr.surgeon")  # the operating surgeon is an account
    actions.choose(form.editors["approach"].input, "laparoscopic")
    actions.choose(form.editors["imaging_system"].input, "storz_rubina")
    actions.choose(form.editors["planned_procedure"].input, "multiple")
    actions.click(next_button)

    form = wizard.icg.form
    assert form.values()["icg_dose_mg"] == 10  # the protocol defaults
    assert form.values()["icg_volume_ml"] == 2
    assert form.values()["icg_concentration_mg_ml"] == 5
    given = form.editors["icg_given_at"].input
    actions.set_moment(given, utc_now() - timedelta(hours=40))
    assert "outside the protocol window" in wizard.interval.text()
    assert wizard.interval.property("warning") is True
    actions.set_moment(given, utc_now() - timedelta(hours=23))
    assert "outside" not in wizard.interval.text()
    assert "ICG to now: 23:00" in wizard.interval.text() or "ICG to now: 22:59" in wizard.interval.text()
    actions.choose(form.editors["icg_adverse_reaction"].input, False)
    actions.click(wizard.button(QWizard.WizardButton.FinishButton))
    return wizard


def test_whole_two_lesion_procedure_then_restart(make_window, store, db_path, coordinator, actions, qtbot):
    window = make_window(store, coordinator)
    fill_wizard(window, actions)
    live = window.live
    assert live is not None, "finishing the wizard opens the live screen"
    service = window.context.procedures()
    proc_id = live.proc_id
    assert service.load(proc_id).study_id == "MIM-03-001"
    assert service.load(proc_id).get("surgeon") == "Dr. Surgeon"
    assert service.load(proc_id).surgeon_username == "dr.surgeon"

    def button(kind: str):
        return live.buttons.buttons[kind]

    def card(number: int):
        lesion = next(lesion for lesion in service.load(proc_id).lesions if lesion.number == number)
        return window.live.cards.cards[lesion.id]

    def event_count() -> int:
        return len(service.load(proc_id).events)

    def one_action_logs(kind: str, act) -> None:
        """The event is committed, shown and said to be saved after exactly one user action."""
        before_actions, before_events = actions.count, event_count()
        act()
        assert actions.count - before_actions == 1
        assert event_count() == before_events + 1
        newest = max(service.load(proc_id).events, key=lambda e: e.id)
        assert newest.kind == kind
        assert window.saved.state == "saved"
        assert live.timeline.item_for(newest.id) is not None

    def by_key(kind: str, key):
        # Offscreen there is no window manager to give activation back after a dialog closes.
        window.activateWindow()
        QApplication.processEvents()
        return lambda: actions.key(window.live, key)

    def by_click(kind: str):
        return lambda: actions.click(button(kind))

    one_action_logs("incision", by_key("incision", Qt.Key.Key_I))
    one_action_logs("inspect_white_light", by_click("inspect_white_light"))
    one_action_logs("inspect_icg", by_key("inspect_icg", Qt.Key.Key_G))
    one_action_logs("ious", by_key("ious", Qt.Key.Key_U))
    assert not button("transection_start").isEnabled(), "a lesion step needs a current lesion"

    one_action_logs("lesion_found", by_key("lesion_found", Qt.Key.Key_L))
    first = service.load(proc_id).current_lesion_id
    actions.click(live.details_button)  # the map and the fields in the event buttons' place
    live_map = window.live.lesion_panel.map
    assert live_map.isVisible()
    actions.click(live_map, live_map.segment_centre("VII").toPoint())
    actions.click(live_map, live_map.segment_centre("VIII").toPoint())
    actions.type(window.live.lesion_panel.form.editors["size_mm"].input, "18")
    actions.click(window.live.lesion_panel.save_button)
    assert button("occult_lesion").isVisible(), "saved: the event buttons are back"
    lesion = service.load(proc_id).lesion(first)
    assert lesion.get("segments") == ["VII", "VIII"]
    assert lesion.get("size_mm") == 18
    assert lesion.get("source") == "imaging"

    one_action_logs("occult_lesion", by_click("occult_lesion"))
    second = service.load(proc_id).current_lesion_id
    assert second != first
    actions.click(live.details_button)
    live_map = window.live.lesion_panel.map
    actions.click(live_map, live_map.segment_centre("IVb").toPoint())
    assert service.load(proc_id).lesion(second).get("segments") == ["IVb"]
    assert service.load(proc_id).lesion(second).get("source") == "occult"

    one_action_logs("resection_planning", by_key("resection_planning", Qt.Key.Key_P))
    assert live_map.isVisible(), "an event key leaves the lesion details where they are"
    actions.click(live.lesion_page.back_button)

    before = actions.count
    actions.click(card(1))
    assert actions.count - before == 1
    assert service.load(proc_id).current_lesion_id == first
    assert window.live.lesion_panel.map.segments() == ["VII", "VIII"]
    one_action_logs("transection_start", by_key("transection_start", Qt.Key.Key_S))
    one_action_logs("plane_fluorescence", by_key("plane_fluorescence", Qt.Key.Key_F))
    one_action_logs("plane_adapted", by_click("plane_adapted"))
    one_action_logs("transection_end", by_key("transection_end", Qt.Key.Key_E))
    one_action_logs("specimen_fluorescent", by_key("specimen_fluorescent", Qt.Key.Key_1))
    one_action_logs("cavity_fluorescent", by_key("cavity_fluorescent", Qt.Key.Key_C))
    one_action_logs("reresection_done", by_click("reresection_done"))

    before = actions.count
    actions.key(window.live, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert actions.count - before == 1
    assert service.load(proc_id).current_lesion_id == second
    one_action_logs("transection_start", by_click("transection_start"))
    one_action_logs("transection_end", by_key("transection_end", Qt.Key.Key_E))
    one_action_logs("specimen_clear", by_key("specimen_clear", Qt.Key.Key_0))
    one_action_logs("extended_resection", by_key("extended_resection", Qt.Key.Key_D))
    one_action_logs("ablation", by_key("ablation", Qt.Key.Key_B))  # a mistake, struck below

    # The cards show each lesion's margin assessment at a glance.
    proc = service.load(proc_id)
    assert derive.assess_lesion(proc, first).specimen_fluorescent is True
    assert "suspected R1" in window.live.cards.card_text(proc, proc.lesion(first))
    assert "suspected R0" in window.live.cards.card_text(proc, proc.lesion(second))
    assert card(1).property("assessment") == "suspected_r1"

    # Strike the wrong ablation through, with a reason: it stays, struck through.
    timeline = window.live.timeline
    ablation = next(e for e in service.load(proc_id).events if e.kind == "ablation")
    select_event(actions, timeline, ablation.id)
    actions.answer_dialog(
        lambda: window.live.findChild(TextPrompt),
        lambda dialog: (actions.type(dialog.text, "pressed by mistake"), actions.click(dialog.buttons.buttons()[0])),
    )
    actions.click(timeline.strike_button)
    struck = next(e for e in service.load(proc_id).events if e.id == ablation.id)
    assert struck.struck and struck.struck_reason == "pressed by mistake"
    item = window.live.timeline.item_for(ablation.id)
    assert item.font(1).strikeOut()
    assert "pressed by mistake" in item.text(3)
    assert window.saved.state == "saved"

    # Correct the incision time, with a reason: the old one is struck, a new one recorded.
    incision = service.load(proc_id).first_event("incision")
    timeline = window.live.timeline
    select_event(actions, timeline, incision.id)
    earlier = incision.moment - timedelta(minutes=3)

    def correct(dialog: CorrectTimeDialog) -> None:
        dialog.when.clear()
        actions.type(dialog.when, earlier.astimezone().strftime("%Y-%m-%d %H:%M:%S"))
        actions.type(dialog.reason, "clock read late")
        dialog.accept()

    actions.answer_dialog(lambda: window.live.findChild(CorrectTimeDialog), correct)
    actions.click(timeline.correct_button)
    proc = service.load(proc_id)
    assert proc.first_event("incision").moment.replace(microsecond=0) == earlier.replace(microsecond=0)
    old = next(e for e in proc.events if e.id == incision.id)
    assert old.struck and old.struck_reason == "clock read late"
    assert window.live.timeline.item_for(incision.id).font(0).strikeOut()

    one_action_logs("closure", by_key("closure", Qt.Key.Key_Z))
    assert derive.status(service.load(proc_id)) is derive.Status.AWAITING_PATHOLOGY
    assert not window.live.buttons.buttons["incision"].isEnabled()

    # A kill: the window and the connection go away without closing the procedure.
    events_before = [(e.id, e.kind, e.struck) for e in service.load(proc_id).events]
    window.hide()
    store.close()
    reopened = open_store(db_path)
    try:
        restarted = make_window(reopened, coordinator)
        assert restarted.live is not None, "the app reopens the procedure it was on"
        assert restarted.live.proc_id == proc_id
        assert restarted.pages.currentWidget() is restarted.tabs
        resumed = restarted.context.procedures().load(proc_id)
        assert [(e.id, e.kind, e.struck) for e in resumed.events] == events_before
        assert resumed.current_lesion_id == second
        assert restarted.live.timeline.tree.topLevelItemCount() == len(events_before)
        restarted.close_procedure()
        assert make_window(reopened, coordinator).live is None, "a deliberately closed procedure stays closed"
    finally:
        reopened.close()


def test_new_procedure_refuses_bad_and_taken_study_ids(make_window, store, coordinator, service, actions):
    service.create("MIM-03-001", "03", ENROLMENT)
    window = make_window(store, coordinator)
    wizard = window.new_procedure()
    page = wizard.study
    for wrong, centre, words in (
        ("MIM-3-1", "03", "MIM-CC-NNN"),
        ("mim-3-17", "", "MIM-CC-NNN"),  # the study ID is named, not the centre it could not give
        ("MIM-03-001", "03", "already in use"),
    ):
        page.study_id.setText(wrong)
        page.centre.setText(centre)
        actions.click(wizard.button(QWizard.WizardButton.NextButton))
        assert wizard.currentPage() is page
        assert words in page.message.text()
    page.study_id.setText("MIM-03-002")
    actions.click(wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentPage() is wizard.eligibility


def test_event_refused_by_a_rule_is_shown_and_not_called_saved(make_window, store, coordinator, service, shown_errors):
    proc_id = service.create("MIM-03-001", "03", {**ENROLMENT, "icg_given_at": datetime.now().astimezone()})
    window = make_window(store, coordinator)
    window.open_procedure(proc_id)
    window.live.log("incision")
    window.live.log("incision")  # a second incision is refused by the domain rules
    assert "already recorded" in window.live.notice.text(), "said in place, without a dialog"
    assert window.saved.state == "failed"
    assert [e.kind for e in service.load(proc_id).events] == ["incision"]


def test_a_remembered_procedure_that_is_gone_is_forgotten_quietly(make_window, store, coordinator, shown_errors):
    from mimic_desktop.ui.preferences import Preferences

    Preferences().remember_procedure(store.path, "no-such-procedure")
    window = make_window(store, coordinator)
    assert window.live is None and window.pages.currentWidget() is window.list
    assert Preferences().open_procedure(store.path) is None
    assert shown_errors == []
