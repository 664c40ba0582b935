"""Icons: Material Design glyphs from qtawesome's font, in the theme's colour, without importing qtawesome."""

from __future__ import annotations

import json
import sys

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication

from mimic_desktop.domain import forms
from mimic_desktop.ui import icons, themes


def colours(image: QImage) -> set[str]:
    """The opaque colours of an icon's pixels (anti-aliased edges left out)."""
    found = set()
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() == 255:
                found.add(pixel.name())
    return found


def test_an_icon_is_its_glyph_in_the_themes_colour(ui_app):
    for theme in ("dark", "light"):
        themes.apply(ui_app, theme)
        image = icons.icon("mdi6.knife").pixmap(QSize(48, 48)).toImage()
        assert colours(image) == {QColor(themes.ICON_COLOURS[theme]).name()}
    themes.apply(ui_app, "dark")


def test_a_disabled_icon_takes_the_disabled_text_colour(ui_app):
    image = icons.icon("mdi6.knife").pixmap(QSize(48, 48), QIcon.Mode.Disabled).toImage()
    disabled = QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert colours(image) == {disabled.name()}


def test_different_names_draw_different_glyphs(ui_app):
    drawn = [icons.icon(name).pixmap(QSize(32, 32)).toImage() for name in ("mdi6.knife", "mdi6.cog-outline")]
    assert drawn[0] != drawn[1]
    assert all(colours(image) for image in drawn)


def test_every_icon_the_app_names_exists(ui_app):
    names = {event.icon for event in forms.events().values()}
    names |= {"mdi6.format-list-bulleted", "mdi6.plus-circle-outline", "mdi6.file-pdf-box"}
    for name in names:
        assert not icons.icon(name).isNull(), name


def test_an_unknown_name_is_refused_with_its_name(ui_app):
    with pytest.raises(ValueError, match=r"mdi6\.no-such-icon"):
        icons.icon("mdi6.no-such-icon")
    with pytest.raises(ValueError, match=r"fa5s\.knife"):
        icons.icon("fa5s.knife")


def test_the_standalone_bundle_reads_the_font_where_it_collected_it(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert icons.font_folder() == tmp_path / "qtawesome" / "fonts"


def test_the_font_folder_holds_the_font_and_its_character_map():
    folder = icons.font_folder()
    assert list(folder.glob(icons.FONT))
    charmap = json.loads(min(folder.glob(icons.CHARMAP)).read_text(encoding="utf-8"))
    assert "knife" in charmap
