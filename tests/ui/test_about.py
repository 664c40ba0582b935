"""About MIMIC Desktop: one key away, with the version, the database's place and the shipped licences."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mimic_desktop import __version__
from mimic_desktop.services import paths
from mimic_desktop.ui import i18n
from mimic_desktop.ui.about import AboutDialog
from mimic_desktop.ui.app import make_application


def open_about(window, actions) -> dict[str, str]:
    """Press F1 on the main window and read what the About box shows."""
    seen: dict[str, str] = {}

    def read(dialog: AboutDialog) -> None:
        seen.update(
            title=dialog.windowTitle(),
            version=dialog.version.text(),
            database=dialog.database.text(),
            backups=dialog.findChild(type(dialog.version), "aboutBackups").text(),
            licences=dialog.licences.text(),
            licence_text=dialog.licence_text.toPlainText(),
        )
        dialog.reject()

    actions.answer_dialog(lambda: window.findChild(AboutDialog), read)
    actions.key(window, Qt.Key.Key_F1)
    return seen


def test_f1_shows_version_database_and_font_licences(make_window, store, coordinator, actions):
    window = make_window(store, coordinator)
    seen = open_about(window, actions)
    assert seen["version"] == f"MIMIC Desktop {__version__}"
    assert seen["database"] == str(store.path)
    assert seen["backups"] == str(paths.backup_dir(store.path))
    assert "DejaVu Sans" in seen["licences"] and "Material Design Icons" in seen["licences"]
    assert "Bitstream Vera Fonts Copyright" in seen["licence_text"]  # the licence's own text, shipped with the fonts


def test_about_box_in_dutch(make_window, store, coordinator, actions, ui_app):
    i18n.install(ui_app, "nl")
    window = make_window(store, coordinator, lang="nl")
    assert window.about_action.text() == "Over"
    seen = open_about(window, actions)
    assert seen["title"] == "Over MIMIC Desktop"
    assert seen["version"] == f"MIMIC Desktop {__version__}"


def test_the_application_reports_the_same_version(ui_app):
    assert make_application("en", "dark").applicationVersion() == __version__
