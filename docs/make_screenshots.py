"""Screenshots of the main screens in both themes, for the README.

    python docs/make_screenshots.py [FOLDER]              (default: docs/screenshots)
    python docs/make_screenshots.py --accounts [FOLDER]   (only the account pages and the locked screen)
    python docs/make_screenshots.py --live [FOLDER]       (only the live screen's pictures)
    python docs/make_screenshots.py --central [FOLDER]    (only the trial office's window)
    python docs/make_screenshots.py --fluorescence [FOLDER]  (only a lesion's page with regions drawn on a frame)
    python docs/make_screenshots.py --video [FOLDER]      (only the video source and masks with their preview)

Runs offscreen on a throw-away demo database, with the window at 1366 x 768 (a small OR laptop), and the
live screen at 1366 x 697 (that laptop's maximised window, less the task bar) in English and Dutch;
the trial office's window on a throw-away central database of session files exported from a
laptop, and its report on the synthetic cohort that matches the MIMIC paper.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mimic_desktop.domain.roles import User
    from mimic_desktop.storage.connection import Store

SIZE = (1366, 768)
LIVE_SIZE = (1366, 697)  # a maximised window on a 1366 x 768 laptop with its task bar
LANGUAGES = ("en", "nl")
THEMES = ("dark", "light")
RECORD_PAGES = ("lesions", "questionnaire", "completion", "queries", "history")
CENTRAL_PAGES = ("import", "sessions", "record", "compare", "queries", "report")
ROOT = Path(__file__).resolve().parents[1]


def data_manager(store: Store) -> User:
    """The screenshots' data manager, made on first need (the window is shown as that account)."""
    from mimic_desktop.domain.roles import Role
    from mimic_desktop.services.office_accounts import office_accounts

    accounts = office_accounts(store)
    if not accounts.has_users():
        accounts.create_user("dana", "Dana de Vries", Role.DATA_MANAGER, "screenshots of the office")
    return accounts.sign_in("dana", "screenshots of the office")


def record_live_example(store) -> str:
    """A procedure in progress: two lesions, one of them assessed, and a struck mistake."""
    import random

    from mimic_desktop.domain import forms
    from mimic_desktop.domain.clock import utc_now
    from mimic_desktop.services.accounts import AccountService
    from mimic_desktop.services.demo import DEMO_PASSWORD
    from mimic_desktop.services.procedures import ProcedureService
    from mimic_desktop.services.simulate import baseline, next_study_id

    user = AccountService(store).sign_in("demo.coordinator", DEMO_PASSWORD)
    service = ProcedureService(store, user)
    start = utc_now() - timedelta(minutes=95)
    values = baseline(random.Random(3), lesions=2)
    values["consent_date"] = (start - timedelta(days=6)).date().isoformat()
    values["icg_given_at"] = start - timedelta(hours=23, minutes=20)
    study_id, centre = next_study_id(store, "01")
    proc_id = service.create(study_id, centre, values, surgeon="demo.surgeon")
    moments = iter(start + timedelta(minutes=6 * i) for i in range(100))
    # Each event is found by what forms/events.json says it means.
    steps = [forms.marking("surgery_start"), *forms.routine("inspection"), forms.identifying("imaging")]
    for step in steps:
        service.record_event(proc_id, step.kind, at=next(moments))
    service.set_video_reference(proc_id, "0:02:10")  # the tower's recording showed 0:02:10 at the incision
    first = service.load(proc_id).current_lesion_id
    service.set_values(
        proc_id,
        {"segments": ["VII", "VIII"], "size_mm": 22, "detected_by": "preop_imaging", "icg_pattern": "rim"},
        entity="lesion",
        entity_id=first,
    )
    service.record_event(proc_id, forms.identifying("occult").kind, at=next(moments))
    second = service.load(proc_id).current_lesion_id
    service.set_values(
        proc_id, {"segments": ["III"], "size_mm": 6, "detected_by": "icg", "icg_pattern": "homogeneous"},
        entity="lesion", entity_id=second,
    )  # fmt: skip
    for planning in forms.routine("planning"):
        service.record_event(proc_id, planning.kind, at=next(moments))
    service.switch_lesion(proc_id, first)
    steps = [
        forms.marking("transection_start"),
        forms.recording("plane_fluorescence", True),
        forms.recording("plane_adapted", True),
        forms.marking("transection_end"),
    ]
    for step in steps:
        service.record_event(proc_id, step.kind, at=next(moments))
    mistake = service.record_event(proc_id, forms.recording("ablated", True).kind, at=next(moments))
    service.strike_event(mistake, "pressed by mistake")
    service.record_event(proc_id, forms.recording("specimen_fluorescent", True).kind, at=next(moments))
    service.switch_lesion(proc_id, second)
    return proc_id


def record_after_surgery_example(store) -> str:
    """A finished operation days later: pathology entered (one re-resection), a complication, a signed
    questionnaire, and the hospital stay still to come."""
    from mimic_desktop.domain import forms
    from mimic_desktop.domain.clock import utc_now
    from mimic_desktop.domain.errors import MimicError
    from mimic_desktop.services.accounts import AccountService
    from mimic_desktop.services.demo import DEMO_PASSWORD, DEMO_QUESTIONNAIRE
    from mimic_desktop.services.procedures import ProcedureService
    from mimic_desktop.services.signing import SigningService

    proc_id = record_live_example(store)
    accounts = AccountService(store)
    service = ProcedureService(store, accounts.sign_in("demo.coordinator", DEMO_PASSWORD))
    first, second = (lesion.id for lesion in service.load(proc_id).lesions)
    moments = iter(utc_now() - timedelta(minutes=15 - 2 * i) for i in range(7))
    service.switch_lesion(proc_id, first)
    for step in (forms.recording("cavity_fluorescent", True), forms.recording("reresection", "done")):
        service.record_event(proc_id, step.kind, at=next(moments))
    service.switch_lesion(proc_id, second)
    steps = [
        forms.marking("transection_start"),
        forms.marking("transection_end"),
        forms.recording("specimen_fluorescent", False),
        forms.marking("surgery_end"),
    ]
    for step in steps:
        service.record_event(proc_id, step.kind, at=next(moments))
    pathology = {
        first: {"treatment": "resection", "histology": "crlm", "margin_mm": 0.3, "r1_type": "parenchymal",
                "reresection_tumour": False, "final_margin_mm": 4.5},
        second: {"treatment": "resection", "histology": "crlm", "margin_mm": 6},
    }  # fmt: skip
    for lesion_id, values in pathology.items():
        service.set_values(proc_id, values, entity="lesion", entity_id=lesion_id)
    service.set_values(proc_id, {"executed_procedure": "multiple", "blood_loss_ml": 150, "icu_days": 0,
                                 "icg_adverse_event": False})  # fmt: skip
    day = utc_now().astimezone().date()
    # Kept with a reason, as a coordinator would keep it when warned, so that the export can warn of it again.
    service.identifier_reason = "the surgeon wants the call noted; checked with the data manager"
    service.add_complication(
        proc_id,
        {"description": "Bile leak, drained", "clavien_dindo": "IIIa", "onset_date": day, "present_at_discharge": True},
    )
    service.set_values(proc_id, DEMO_QUESTIONNAIRE | {"q_comments": "Clear rim around lesion 1."})
    # The coordinator typed the surgeon's answers; the surgeon confirms each before signing.
    signing = SigningService(store, accounts.sign_in("demo.surgeon", DEMO_PASSWORD))
    signing.confirm_answers(proc_id)
    signing.sign_questionnaire(proc_id, DEMO_PASSWORD)
    service.set_values(proc_id, {"blood_loss_ml": 200}, reason="anaesthesia chart read again")
    # The monitor as the account it is (the accounts' screenshots leave it waiting after wrong passwords).
    monitor = ProcedureService(store, next(u for u in accounts.users() if u.username == "demo.monitor"))
    with contextlib.suppress(MimicError):
        monitor.set_values(proc_id, {"blood_loss_ml": 100})  # refused, and kept in the History's refused attempts
    return proc_id


def sent_to_the_trial_office(folder: Path) -> tuple[Path, Path, Path]:
    """A laptop's finished records as session files: (the key file, one file imported before, a USB stick
    holding two new files, a corrected version of the first, a copy of it and a damaged file)."""
    import random
    import shutil

    from mimic_desktop.services import session_key
    from mimic_desktop.services.accounts import AccountService
    from mimic_desktop.services.export import ExportService
    from mimic_desktop.services.procedures import ProcedureService
    from mimic_desktop.services.simulate import record_procedure
    from mimic_desktop.storage.connection import open_store

    store = open_store(folder / "laptop.sqlite")
    user = AccountService(store).create_user("anna.coord", "Anna Coordinator", "coordinator", "correct horse")
    service, key = ProcedureService(store, user), folder / "signing-key.pem"
    exporter = ExportService(store, user, key_path=key)
    usb = folder / "usb"
    usb.mkdir()
    ids = [record_procedure(service, random.Random(seed), lesions=2) for seed in (3, 4, 5)]
    for proc_id in ids:
        service.complete(proc_id)
    earlier = exporter.export(ids[0], folder).path
    for proc_id in ids[1:]:
        exporter.export(proc_id, usb)
    service.set_value(ids[0], "hospital_stay_days", 6, reason="discharge date confirmed")
    lesion = service.load(ids[0]).lesions[0]
    service.set_values(
        ids[0], {"size_mm": 23}, entity="lesion", entity_id=lesion.id, reason="pathology report received"
    )
    exporter.export(ids[0], usb)
    shutil.copy(earlier, usb)
    damaged = usb / "MIM-01-004-v1.mimic"
    damaged.write_bytes(earlier.read_bytes()[:4096])
    store.close()
    return session_key.write_public_key(folder / "centre-01.pem", key).path, earlier, usb


def queries_example(store, user, proc_id: str, scratch: Path) -> None:
    """The trial office's queries on a record: its key registered, a query file imported, one answered."""
    from mimic_desktop.domain.clock import to_iso, utc_now
    from mimic_desktop.domain.data_queries import target
    from mimic_desktop.exchange import query_file
    from mimic_desktop.services import office_key, query_answers
    from mimic_desktop.services.procedures import ProcedureService

    key = scratch / "office-signing-key.pem"
    office_key.write_public_key(scratch / "office.pem", key)
    query_answers.trust_office(store, user, scratch / "office.pem")
    study_id = ProcedureService(store, user).load(proc_id).study_id
    asked = to_iso(utc_now() - timedelta(days=2))
    sent = [
        query_file.SentQuery(
            1, 1, study_id, target("lesion", "margin_mm", 1), "Please check the margin against the pathology report.",
            asked, "Dana de Vries",
        ),
        query_file.SentQuery(
            2, 1, study_id, target("field", "blood_loss_ml"), "Is the blood loss right? It is unusual for this resection.",
            asked, "Dana de Vries",
        ),
    ]  # fmt: skip
    path = scratch / "queries-centre-01.mimicq"
    path.write_bytes(query_file.write("01", asked, sent, office_key.load_or_create(key)))
    query_answers.import_file(store, user, path)
    query_answers.answer(ProcedureService(store, user), 2, "Checked with the anaesthetic chart: it is right.")


def make_central_screenshots(folder: Path, scratch: Path) -> list[Path]:
    """The import summary and the sessions on a central database, and the report with its ROC curve."""
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from bench.analysis_report import fill
    from mimic_desktop.services import central_import, centre_keys
    from mimic_desktop.ui import themes
    from mimic_desktop.ui.central.window import CentralWindow
    from mimic_desktop.ui.preferences import Preferences

    def settle() -> None:
        QThreadPool.globalInstance().waitForDone()
        QApplication.processEvents()

    key_file, earlier, usb = sent_to_the_trial_office(scratch)
    fill(scratch / "synthetic-cohort.sqlite", 436)
    cohort = central_import.open_existing(scratch / "synthetic-cohort.sqlite")
    made = []
    for theme in THEMES:
        themes.apply(QApplication.instance(), theme)
        office = scratch / f"trial-office-{theme}"
        office.mkdir()
        store = central_import.init_central(office / "central.sqlite")
        centre_keys.register_centre(store, data_manager(store), "01", key_file)
        central_import.CentralImporter(store, data_manager(store)).import_file(earlier)
        window = CentralWindow(store, Preferences(office), "en", user=data_manager(store))
        window.resize(*SIZE)
        window.show()
        window.import_page.start([usb])
        settle()
        grab(window, folder / f"{theme}-central-import.png")
        window.show_page("sessions")
        grab(window, folder / f"{theme}-central-sessions.png")
        sessions = window.sessions_page
        sessions.sessions.selectRow(next(i for i, row in enumerate(sessions.files) if row["session_version"] == 2))
        record = sessions.open_record()
        record.resize(*SIZE)
        settle()
        grab(record, folder / f"{theme}-central-record.png")
        record.tabs.setCurrentIndex(1)
        settle()
        grab(record, folder / f"{theme}-central-compare.png")
        record.close()
        queries_at_the_office(store)
        window.queries_page.refresh()
        window.show_page("queries")
        grab(window, folder / f"{theme}-central-queries.png")
        report = CentralWindow(cohort, Preferences(office), "en", user=data_manager(cohort))
        report.resize(*SIZE)
        report.show()
        report.show_page("report")
        settle()
        grab(report, folder / f"{theme}-central-report.png")
        for shown in (window, report):
            shown.close()
            shown.deleteLater()
        settle()
        store.close()
        made += [folder / f"{theme}-central-{page}.png" for page in CENTRAL_PAGES]
    cohort.close()
    return made


def queries_at_the_office(store) -> None:
    """Queries raised on the imported records: two by the data manager (one withdrawn), the automatic checks'."""
    from mimic_desktop.domain.data_queries import target
    from mimic_desktop.services import central_import, data_queries

    manager = data_manager(store)
    records = [row["study_id"] for row in central_import.imported_files(store) if row["current"]]
    data_queries.raise_query(
        store, manager, records[0], target("lesion", "margin_mm", 1), "Please check the margin against the report."
    )
    data_queries.raise_query(
        store, manager, records[1], target("field", "hospital_stay_days"), "Does the stay include the readmission?"
    )
    withdrawn = data_queries.raise_query(store, manager, records[1], target("field", "cea"), "Is the CEA in ng/mL?")
    data_queries.close(store, manager, withdrawn, "asked of the wrong record")
    data_queries.run_checks(store, manager)


def record_completed_example(store) -> str:
    """The after-surgery record a week on: complete and locked, then a late complication whose description
    holds what looks like a phone number and a date, which the export warns of."""
    from mimic_desktop.domain.clock import utc_now
    from mimic_desktop.services.accounts import AccountService
    from mimic_desktop.services.demo import DEMO_PASSWORD
    from mimic_desktop.services.procedures import ProcedureService

    proc_id = record_after_surgery_example(store)
    service = ProcedureService(store, AccountService(store).sign_in("demo.coordinator", DEMO_PASSWORD))
    service.set_values(proc_id, {"hospital_stay_days": 6, "readmission": False})
    service.complete(proc_id)
    day = utc_now().astimezone().date()
    # Kept with a reason, as a coordinator would keep it when warned, so that the export can warn of it again.
    service.identifier_reason = "the surgeon wants the call noted; checked with the data manager"
    service.add_complication(
        proc_id,
        {"description": "Wound infection, GP called 0612345678 on 14-05-2024", "clavien_dindo": "I", "onset_date": day},
        reason="reported at the outpatient clinic",
    )
    return proc_id


def export_from_documents_page(window, folder: Path) -> None:
    """The session export of the open record, shown on its Documents page as after an export from there.

    Written in the script's own thread, so that the pictures never wait on the thread pool; the page
    shows the result as it does after its background export.
    """
    from mimic_desktop.services.export import ExportService

    folder.mkdir(exist_ok=True)
    panel = window.record.show_page("documents").session_export
    access = panel.access
    panel.show_exported(ExportService(access.context.store, access.context.user).export(access.proc_id, folder))
    settle()


def settle() -> None:
    """Let word-wrapped labels take their height before a grab (layouts settle over a few event rounds)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(100, loop.quit)
    loop.exec()


def grab(widget, path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")


def live_screenshots(store, user, proc_id: str, theme: str, scratch: Path, folder: Path) -> list[Path]:
    """The live screen at 1366 x 697 in each language: with the event buttons, and (English) with the
    current lesion's details in their place."""
    from PySide6.QtWidgets import QApplication

    from mimic_desktop.ui import i18n
    from mimic_desktop.ui.context import AppContext
    from mimic_desktop.ui.main_window import MainWindow
    from mimic_desktop.ui.preferences import Preferences

    made = []
    for lang in LANGUAGES:
        i18n.install(QApplication.instance(), lang)
        window = MainWindow(AppContext(store, user, lang), Preferences(scratch / f"{theme}-{lang}"), demo=True)
        window.resize(*LIVE_SIZE)
        window.show()
        window.open_procedure(proc_id)
        settle()
        name = "live" if lang == "en" else f"live-{lang}"
        grab(window, folder / f"{theme}-{name}.png")
        made.append(folder / f"{theme}-{name}.png")
        if lang == "en":
            window.live.show_lesion_details()
            settle()
            grab(window, folder / f"{theme}-live-details.png")
            made.append(folder / f"{theme}-live-details.png")
        window.close_procedure()
        window.close()
        window.deleteLater()
    i18n.install(QApplication.instance(), "en")
    return made


def make_account_screenshots(folder: Path, scratch: Path) -> list[Path]:
    """The accounts page (an account waiting after wrong passwords, one with a reset password), changing one's own
    password with a refused one, and the locked screen over a record page."""
    import contextlib

    from mimic_desktop.domain.errors import AuthenticationFailed
    from mimic_desktop.services.accounts import AccountService
    from mimic_desktop.services.demo import DEMO_PASSWORD, create_demo
    from mimic_desktop.ui import themes
    from mimic_desktop.ui.accounts_dialog import AccountsDialog
    from mimic_desktop.ui.app import make_application
    from mimic_desktop.ui.context import AppContext
    from mimic_desktop.ui.main_window import MainWindow
    from mimic_desktop.ui.password_dialog import ChangePasswordDialog
    from mimic_desktop.ui.preferences import Preferences

    app = make_application("en", "dark")
    store = create_demo(scratch / "accounts-demo.sqlite")
    accounts = AccountService(store)
    user = accounts.sign_in("demo.coordinator", DEMO_PASSWORD)
    accounts.create_user("s.devries", "Sanne de Vries", "surgeon", "practice only 2026", by=user)
    accounts.reset_password(user, "s.devries")
    for _ in range(5):
        with contextlib.suppress(AuthenticationFailed):
            accounts.sign_in("demo.monitor", "a wrong guess")
    after_id = record_after_surgery_example(store)
    made: list[Path] = []
    for theme in THEMES:
        themes.apply(app, theme)
        page = AccountsDialog(AccountService(store), user)
        page.show()
        page.select("demo.monitor")
        settle()
        grab(page, folder / f"{theme}-accounts.png")
        page.close()
        change = ChangePasswordDialog(AccountService(store), user.username)
        change.show()
        change.current.setText(DEMO_PASSWORD)
        change.new.setText("password123")
        change.repeat.setText("password123")
        change.accept()
        settle()
        grab(change, folder / f"{theme}-change-password.png")
        change.close()
        window = MainWindow(AppContext(store, user, "en"), Preferences(scratch / f"accounts-{theme}"), demo=True)
        window.resize(*SIZE)
        window.show()
        window.open_procedure(after_id)
        window.tabs.setCurrentIndex(1)
        window.lock()
        settle()
        grab(window, folder / f"{theme}-locked.png")
        window.lock_screen.password.setText(DEMO_PASSWORD)
        window.lock_screen.unlock()
        window.close_procedure()
        window.close()
        made += [folder / f"{theme}-{name}.png" for name in ("accounts", "change-password", "locked")]
    store.close()
    return made


def make_screenshots(folder: Path) -> list[Path]:
    from PySide6.QtWidgets import QWizard

    from mimic_desktop.domain.clock import to_iso, utc_now
    from mimic_desktop.services.accounts import AccountService
    from mimic_desktop.services.demo import DEMO_PASSWORD, create_demo
    from mimic_desktop.services.export import ExportService
    from mimic_desktop.services.procedures import ProcedureService
    from mimic_desktop.ui import themes
    from mimic_desktop.ui.app import make_application
    from mimic_desktop.ui.context import AppContext
    from mimic_desktop.ui.main_window import MainWindow
    from mimic_desktop.ui.preferences import Preferences
    from mimic_desktop.ui.record.export_warnings import ExportWarningsDialog
    from mimic_desktop.ui.sign_in import SignInDialog

    folder.mkdir(parents=True, exist_ok=True)
    app = make_application("en", "dark")
    made: list[Path] = []
    with tempfile.TemporaryDirectory() as scratch:
        made += make_account_screenshots(folder, Path(scratch))
        made += make_central_screenshots(folder, Path(scratch))
        store = create_demo(Path(scratch) / "demo.sqlite")
        proc_id = record_live_example(store)
        after_id = record_after_surgery_example(store)
        exported_ids = {theme: record_completed_example(store) for theme in THEMES}
        user = AccountService(store).sign_in("demo.coordinator", DEMO_PASSWORD)
        queries_example(store, user, after_id, Path(scratch))
        amended = record_completed_example(store)  # sent, then corrected: the list says it changed since
        ExportService(store, user).export(amended, Path(scratch))
        ProcedureService(store, user).set_value(amended, "hospital_stay_days", 7, reason="discharge letter corrected")
        for theme in THEMES:
            themes.apply(app, theme)
            window = MainWindow(AppContext(store, user, "en"), Preferences(Path(scratch) / theme), demo=True)
            window.resize(*SIZE)
            window.show()
            grab(window, folder / f"{theme}-procedures.png")
            window.open_procedure(after_id)
            window.tabs.setCurrentIndex(1)
            for page in RECORD_PAGES:
                window.record.show_page(page)
                grab(window, folder / f"{theme}-record-{page}.png")
            window.open_procedure(exported_ids[theme])
            window.tabs.setCurrentIndex(1)
            documents = window.record.show_page("documents")
            check = ExportService(store, user).preflight(exported_ids[theme])
            warnings = ExportWarningsDialog(check.study_id, check.warnings, window)
            warnings.show()
            grab(warnings, folder / f"{theme}-export-warnings.png")
            warnings.close()
            export_from_documents_page(window, Path(scratch) / "USB")
            documents.scroll_area.verticalScrollBar().setValue(documents.scroll_area.verticalScrollBar().maximum())
            settle()
            grab(window, folder / f"{theme}-record-documents.png")
            made += live_screenshots(store, user, proc_id, theme, Path(scratch), folder)
            wizard = window.new_procedure()
            wizard.study.study_id.setText("MIM-01-021")
            wizard.next()
            for name, answer in {"age_18_or_over": True, "scheduled_mi_resection": True,
                                 "iodine_or_icg_allergy": True}.items():  # fmt: skip
                combo = wizard.eligibility.form.editors[name].input
                combo.setCurrentIndex(combo.findData(answer))
            wizard.eligibility.validatePage()
            grab(wizard, folder / f"{theme}-wizard-eligibility.png")
            wizard.restart()
            wizard.study.study_id.setText("MIM-01-021")
            for _page in range(3):
                wizard.button(QWizard.WizardButton.NextButton).click()
                if wizard.currentPage() is wizard.eligibility:
                    for name, answer in {"age_18_or_over": True, "scheduled_mi_resection": True,
                                         "iodine_or_icg_allergy": False, "recurrence_at_treated_site": False,
                                         "oral_consent": True}.items():  # fmt: skip
                        combo = wizard.eligibility.form.editors[name].input
                        combo.setCurrentIndex(combo.findData(answer))
                    consent = (utc_now() - timedelta(days=5)).astimezone().date()
                    wizard.eligibility.form.editors["consent_date"].set_value(consent.isoformat())
                if wizard.currentPage() is wizard.surgery:
                    form = wizard.surgery.form
                    wizard.surgeon.setCurrentIndex(wizard.surgeon.findData("demo.surgeon"))
                    for name, code in {"approach": "robot", "imaging_system": "intuitive_firefly",
                                       "planned_procedure": "segmentectomy"}.items():  # fmt: skip
                        combo = form.editors[name].input
                        combo.setCurrentIndex(combo.findData(code))
            wizard.icg.form.editors["icg_given_at"].set_value(to_iso(utc_now() - timedelta(hours=33)))
            wizard.show_interval()
            grab(wizard, folder / f"{theme}-wizard-icg.png")
            wizard.reject()
            sign_in = SignInDialog(AccountService(store), demo=True, current="demo.coordinator")
            sign_in.show()
            grab(sign_in, folder / f"{theme}-sign-in.png")
            sign_in.close()
            window.close_procedure()
            window.close()
            made += [folder / f"{theme}-{name}.png" for name in
                     ("procedures", "wizard-eligibility", "wizard-icg", "sign-in")]  # fmt: skip
            made += [folder / f"{theme}-record-{page}.png" for page in (*RECORD_PAGES, "documents")]
            made.append(folder / f"{theme}-export-warnings.png")
        store.close()
    return made


def make_live_screenshots(folder: Path) -> list[Path]:
    """Only the live screen's pictures, in both themes (they change more often than the others)."""
    from mimic_desktop.services.accounts import AccountService
    from mimic_desktop.services.demo import DEMO_PASSWORD, create_demo
    from mimic_desktop.ui import themes
    from mimic_desktop.ui.app import make_application

    folder.mkdir(parents=True, exist_ok=True)
    app = make_application("en", "dark")
    made: list[Path] = []
    with tempfile.TemporaryDirectory() as scratch:
        store = create_demo(Path(scratch) / "demo.sqlite")
        proc_id = record_live_example(store)
        user = AccountService(store).sign_in("demo.coordinator", DEMO_PASSWORD)
        for theme in THEMES:
            themes.apply(app, theme)
            made += live_screenshots(store, user, proc_id, theme, Path(scratch), folder)
        store.close()
    return made


def synthetic_still(path: Path) -> Path:
    """A near-infrared still for the pictures: a bright rim (180) around a dark lesion (25) on liver (60), with
    a little noise, so that the ratio shown is about 3."""
    import cv2
    import numpy as np

    rng = np.random.default_rng(3)
    plane = np.full((480, 640), 60.0)
    plane[130:350, 220:440] = 180.0
    plane[165:315, 255:405] = 25.0
    plane += rng.normal(0.0, 6.0, plane.shape)
    if not cv2.imwrite(str(path), np.clip(np.rint(plane), 0, 255).astype(np.uint8)):
        raise OSError(f"could not write {path}")
    return path


def make_fluorescence_screenshots(folder: Path, scratch: Path) -> list[Path]:
    """A lesion's page with a target and a background drawn on a kept frame, in English and Dutch (dark theme)."""
    from PySide6.QtCore import QRect

    from mimic_desktop.domain import forms
    from mimic_desktop.services import frames
    from mimic_desktop.services.accounts import AccountService
    from mimic_desktop.services.demo import DEMO_PASSWORD, create_demo
    from mimic_desktop.services.procedures import ProcedureService
    from mimic_desktop.ui import i18n
    from mimic_desktop.ui.app import make_application
    from mimic_desktop.ui.context import AppContext
    from mimic_desktop.ui.main_window import MainWindow
    from mimic_desktop.ui.preferences import Preferences

    folder.mkdir(parents=True, exist_ok=True)
    app = make_application("en", "dark")
    store = create_demo(scratch / "fluorescence.sqlite")
    proc_id = record_after_surgery_example(store)
    user = AccountService(store).sign_in("demo.coordinator", DEMO_PASSWORD)
    service = ProcedureService(store, user)
    proc = service.load(proc_id)
    first = proc.lesions[0]
    findings = forms.events()  # the first event of the lesion that records a finding keeps the still
    finding = next(e for e in proc.live_events() if e.lesion_id == first.id and findings[e.kind].finding)
    frame_id = frames.attach_frame(service, proc.study_id, finding.id, synthetic_still(scratch / "still.png"))
    frames.set_measurement(service, proc.study_id, first.number, frame_id, "225,135,210,25", "30,60,140,360")
    made = []
    for lang in LANGUAGES:
        i18n.install(app, lang)
        window = MainWindow(AppContext(store, user, lang), Preferences(scratch / f"fluorescence-{lang}"), demo=True)
        window.resize(*SIZE)
        window.show()
        window.open_procedure(proc_id)
        window.tabs.setCurrentIndex(1)
        page = window.record.show_page("lesions")
        panel = page.fluorescence
        panel.canvas.set_region("target", QRect(225, 135, 210, 25))
        panel.canvas.set_region("background", QRect(30, 60, 140, 360))
        settle()
        bar = page.scroll_area.verticalScrollBar()
        bar.setValue(panel.mapTo(page.scroll_area.widget(), panel.rect().topLeft()).y())  # the page's last block
        settle()
        path = folder / ("dark-record-fluorescence.png" if lang == "en" else "dark-record-fluorescence-nl.png")
        grab(window, path)
        made.append(path)
        window.close()
    i18n.install(app, "en")
    made.append(summary_frames_page(service, proc_id, scratch, folder / "summary-pdf-frames.png"))
    store.close()
    return made


def summary_frames_page(service, proc_id: str, scratch: Path, path: Path) -> Path:
    """The summary PDF's page of kept frames, rendered by pdftoppm (poppler) when it is installed."""
    import shutil
    import subprocess

    from pypdf import PdfReader

    from mimic_desktop.services.documents import write_summary_pdf

    if shutil.which("pdftoppm") is None:
        return path  # kept as it is: the picture is remade where poppler is installed
    pdf = write_summary_pdf(service, proc_id, scratch / "summary.pdf", "en")
    pages = PdfReader(pdf).pages
    number = next(i for i, page in enumerate(pages, start=1) if "SHA-256" in page.extract_text())  # a frame's page
    stem = scratch / "summary-frames"
    subprocess.run(["pdftoppm", "-f", str(number), "-l", str(number), "-r", "70", "-png", "-singlefile", str(pdf),
                    str(stem)], check=True)  # fmt: skip
    shutil.copyfile(stem.with_suffix(".png"), path)
    return path


def tower_recording(path: Path) -> Path:
    """A short recording as a tower's output looks: the near-infrared picture under a bright banner of the kind
    towers burn patient details into (no text: a block stands for it), and a clock corner at the bottom right."""
    import cv2

    still = cv2.imread(str(synthetic_still(path.with_suffix(".png"))), cv2.IMREAD_GRAYSCALE)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 5.0, (640, 480), False)
    for _ in range(50):
        frame = still.copy()
        frame[0:48, :] = 235
        frame[430:470, 480:630] = 235
        writer.write(frame)
    writer.release()
    return path


def make_video_settings_screenshots(folder: Path, scratch: Path) -> list[Path]:
    """The video source and masks over the Settings dialog, a frame previewed with its masks black (dark theme)."""
    from mimic_desktop.services import video_settings
    from mimic_desktop.services.accounts import AccountService
    from mimic_desktop.services.demo import DEMO_PASSWORD, create_demo
    from mimic_desktop.ui import i18n
    from mimic_desktop.ui.app import make_application
    from mimic_desktop.ui.context import AppContext
    from mimic_desktop.ui.main_window import MainWindow
    from mimic_desktop.ui.preferences import Preferences
    from mimic_desktop.ui.settings_dialog import SettingsDialog

    folder.mkdir(parents=True, exist_ok=True)
    app = make_application("en", "dark")
    store = create_demo(scratch / "video.sqlite")
    user = AccountService(store).sign_in("demo.coordinator", DEMO_PASSWORD)
    recording = tower_recording(scratch / "tower.avi")
    video_settings.change(store, user, source=str(recording), masks={"storz_rubina": ["0,0,640,48", "480,430,150,40"]})
    made = []
    for lang in LANGUAGES:
        i18n.install(app, lang)
        window = MainWindow(AppContext(store, user, lang), Preferences(scratch / f"video-{lang}"), demo=True)
        window.resize(*SIZE)
        window.show()
        settings = SettingsDialog(window.prefs, window, context=window.context)
        settings.show()
        dialog = settings.open_video_settings(window.context)
        section = dialog.section
        section.system.setCurrentIndex(section.system.findData("storz_rubina"))
        section.refresh_preview()
        settle()
        path = folder / ("dark-video-settings.png" if lang == "en" else "dark-video-settings-nl.png")
        grab(dialog, path)
        made.append(path)
        dialog.reject()
        settings.reject()
        window.close()
    i18n.install(app, "en")
    store.close()
    return made


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))  # bench/ fills the report's central database with the synthetic cohort
    accounts_only = "--accounts" in argv  # only the account pages, without the slower rest
    live_only = "--live" in argv  # only the live screen's pictures
    central_only = "--central" in argv  # only the trial office's window
    fluorescence_only = "--fluorescence" in argv  # only the lesion's page with regions on a frame
    video_only = "--video" in argv  # only the video source and masks with their preview
    argv = [arg for arg in argv if arg not in {"--accounts", "--live", "--central", "--fluorescence", "--video"}]
    folder = Path(argv[0]) if argv else Path(__file__).resolve().parent / "screenshots"
    with tempfile.TemporaryDirectory() as settings:
        # The screenshots' preferences and demo data never touch the user's own folders.
        os.environ["MIMIC_CONFIG_DIR"] = os.environ["MIMIC_DATA_DIR"] = settings
        if accounts_only:
            folder.mkdir(parents=True, exist_ok=True)
            made = make_account_screenshots(folder, Path(settings))
        elif fluorescence_only:
            made = make_fluorescence_screenshots(folder, Path(settings))
        elif video_only:
            made = make_video_settings_screenshots(folder, Path(settings))
        elif live_only:
            made = make_live_screenshots(folder)
        elif central_only:
            from mimic_desktop.ui.app import make_application

            folder.mkdir(parents=True, exist_ok=True)
            app = make_application("en", "dark")  # noqa: F841 (kept alive while the windows are made)
            made = make_central_screenshots(folder, Path(settings))
        else:
            made = make_screenshots(folder)
        for path in made:
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
