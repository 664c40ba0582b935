"""The documentation's screenshots script works and makes every main screen and record page in both themes."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def test_screenshots_of_every_main_screen_in_both_themes(ui_app, tmp_path):
    spec = importlib.util.spec_from_file_location("make_screenshots", ROOT / "docs" / "make_screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    made = module.make_screenshots(tmp_path)
    names = {path.name for path in made}
    for theme in ("dark", "light"):
        for screen in ("procedures", "live", "live-nl", "live-details", "wizard-eligibility", "wizard-icg", "sign-in"):
            assert f"{theme}-{screen}.png" in names
        for page in ("lesions", "questionnaire", "completion", "documents", "history"):
            assert f"{theme}-record-{page}.png" in names
        for page in ("import", "sessions", "record", "compare", "report"):
            assert f"{theme}-central-{page}.png" in names

        assert f"{theme}-export-warnings.png" in names
    for path in made:
        image = QImage(str(path))
        assert not image.isNull()
        if "-live" in path.stem:  # a maximised window on a 1366 x 768 laptop with its task bar
            assert (image.width(), image.height()) == (1366, 697)
        elif path.stem.endswith("procedures") or "-record-" in path.stem or "-central-" in path.stem:
            assert (image.width(), image.height()) == (1366, 768)
    dark, light = QImage(str(tmp_path / "dark-live.png")), QImage(str(tmp_path / "light-live.png"))
    assert dark.pixelColor(5, 400).lightness() < 60 < 200 < light.pixelColor(5, 400).lightness()
