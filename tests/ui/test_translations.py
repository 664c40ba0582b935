"""Every interface text exists in Dutch; the labels of fields and events come from forms/ in that language."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mimic_desktop.domain import forms
from mimic_desktop.ui import i18n, themes
from mimic_desktop.ui.resources import resource
from tests.support.enrolment import ENROLMENT

ROOT = Path(__file__).resolve().parents[2]


def messages(ts: Path) -> dict[str, ET.Element]:
    return {m.findtext("source"): m.find("translation") for m in ET.parse(ts).iter("message")}


def finished(translation: ET.Element) -> bool:
    """A translation with its text, or with every plural form filled in."""
    if translation.get("type"):
        return False
    forms_ = translation.findall("numerusform")
    return all(form.text for form in forms_) if forms_ else bool(translation.text)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_catalogue_is_complete_and_current(tmp_path, lang):
    """Dutch has every interface text; English, the source language, the singular and plural of every count."""
    committed = resource("translations", f"mimic_{lang}.ts")
    fresh = tmp_path / f"mimic_{lang}.ts"
    shutil.copy(committed, fresh)
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import update_translations
    finally:
        sys.path.pop(0)
    subprocess.run(update_translations.lupdate_command(lang, fresh), cwd=ROOT, check=True, capture_output=True)
    assert set(messages(fresh)) == set(messages(committed)), "run packaging/update_translations.py"
    assert [source for source, tr in messages(committed).items() if not finished(tr)] == []
    counted = [m for m in ET.parse(committed).iter("message") if m.get("numerus") == "yes"]
    assert counted and all(len(m.find("translation").findall("numerusform")) == 2 for m in counted)
    assert i18n.translation_file(lang).stat().st_mtime >= committed.stat().st_mtime - 1


def test_counts_take_the_singular_or_plural_in_both_languages(ui_app):
    from mimic_desktop.domain.record import Lesion
    from mimic_desktop.ui.live.lesion_cards import LesionText

    one, two = (Lesion(id=f"l{n}", number=n, values={"segments": ["VII", "VIII"][:n], "size_mm": 18}) for n in (1, 2))
    expected = {
        "en": ("Segment VII · 18\u00a0mm", "Segments VII, VIII · 18\u00a0mm"),
        "nl": ("Segment VII", "Segmenten VII, VIII"),
    }
    for lang, (singular, plural) in expected.items():
        i18n.install(ui_app, lang)
        wording = LesionText(lang)
        assert wording.place(one).startswith(singular) and wording.place(two).startswith(plural)


def test_main_window_in_dutch(make_window, store, coordinator, service, ui_app):
    proc_id = service.create("MIM-03-001", "03", ENROLMENT)
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
    proc_id = service.create("MIM-03-001", "03", ENROLMENT)
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
