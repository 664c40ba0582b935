"""Every interface text exists in Dutch; the labels of fields and events come from forms/ in that language."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from mimic_desktop.domain import forms
from mimic_desktop.ui import i18n, themes
from mimic_desktop.ui.resources import resource

ROOT = Path(__file__).resolve().parents[2]


def messages(ts: Path) -> dict[str, ET.Element]:
    return {m.findtext("source"): m.find("translation") for m in ET.parse(ts).iter("message")}


def test_dutch_catalogue_is_complete_and_current(tmp_path):
    committed = resource("translations", "mimic_nl.ts")
    fresh = tmp_path / "mimic_nl.ts"
    shutil.copy(committed, fresh)
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import update_translations
    finally:
        sys.path.pop(0)
    subprocess.run(
        [
            update_translations.tool("pyside6-lupdate"),
            *update_translations.sources(),
            "-no-obsolete",
            "-ts",
            str(fresh),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    assert set(messages(fresh)) == set(messages(committed)), "run packaging/update_translations.py"
    unfinished = [source for source, tr in messages(committed).items() if tr.get("type") or not tr.text]
    assert unfinished == []
    assert i18n.translation_file("nl").stat().st_mtime >= committed.stat().st_mtime - 1


def test_main_window_in_dutch(make_window, store, coordinator, service, ui_app):
    proc_id = service.create("MIM-03-001", "03", {"age_18_or_over": True})
    i18n.install(ui_app, "nl")
    window = make_window(store, coordinator, lang="nl")
    assert window.new_action.text() == "Nieuwe procedure"
    window.open_procedure(proc_id)
    assert window.tabs.tabText(1) == "Dossier"
    incision = window.live.buttons.buttons["incision"]
    assert incision.accessibleName() == "Incisie [I]"  # from forms/events.json
    size_label = window.live.lesion_panel.form.layout().labelForField(window.live.lesion_panel.form.editors["size_mm"])
    assert size_label.text().startswith(forms.field_def("size_mm").text("nl"))
    assert window.live.clock.incision_caption.text() == "Sinds incisie"


def test_language_and_theme_switch_keep_the_procedure_open(make_window, store, coordinator, service, ui_app):
    proc_id = service.create("MIM-03-001", "03", {"age_18_or_over": True})
    window = make_window(store, coordinator)
    window.open_procedure(proc_id)
    window.live.log("incision")
    window.apply_settings("light", "nl")
    assert themes.current() == "light"
    assert window.prefs.lang == "nl" and window.prefs.theme == "light"
    assert window.live is not None and window.live.proc_id == proc_id
    assert window.list_action.text() == "Procedures"
    assert window.switch_action.text() == "Andere gebruiker"
    assert window.live.timeline.tree.topLevelItem(0).text(1) == "Incisie"
    window.apply_settings("dark", "en")
    assert window.switch_action.text() == "Switch user"


def test_the_toolbar_names_the_role_in_the_interfaces_language(make_window, store, coordinator):
    assert make_window(store, coordinator, lang="nl").user_label.text().endswith("· coördinator")
    assert make_window(store, coordinator, lang="en").user_label.text().endswith("· coordinator")
