"""The icons each platform needs, drawn from the SVG at build time, and the Linux menu entry."""

from __future__ import annotations

import configparser
import shutil
import subprocess

import pytest
from PIL import Image


@pytest.fixture(scope="module")
def icons(packaging_script, tmp_path_factory):
    return packaging_script("make_icons").make_icons(tmp_path_factory.mktemp("icons"))


def opaque_centre(image: Image.Image) -> bool:
    return image.convert("RGBA").getpixel((image.width // 2, image.height // 2))[3] == 255


def test_linux_icon_is_a_256_pixel_png_of_the_logo(icons):
    with Image.open(icons["png"]) as png:
        assert (png.format, png.size, png.mode) == ("PNG", (256, 256), "RGBA")
        assert png.getpixel((0, 0))[3] == 0, "the rounded corner is transparent"
        assert opaque_centre(png)


def test_windows_icon_holds_every_size_windows_asks_for(icons, packaging_script):
    sizes = packaging_script("make_icons").ICO_SIZES
    with Image.open(icons["ico"]) as ico:
        assert ico.format == "ICO"
        assert {width for width, _height in ico.ico.sizes()} == set(sizes)
        for size in (16, 256):
            frame = ico.ico.getimage((size, size))
            assert frame.size == (size, size) and opaque_centre(frame)


def test_macos_icon_opens_at_full_size(icons):
    with Image.open(icons["icns"]) as icns:
        assert icns.format == "ICNS"
        assert icns.size == (1024, 1024)
        assert opaque_centre(icns)


def test_menu_entry_names_the_icon_and_the_program_it_starts(packaging_dir):
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(packaging_dir / "mimic-desktop.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Name"] == "MIMIC Desktop"
    assert desktop["Icon"] == "mimic-desktop"  # the PNG the build puts beside the executable
    assert desktop["Exec"] == "/opt/mimic-desktop/mimic-desktop"
    assert desktop["Terminal"] == "false"
    validator = shutil.which("desktop-file-validate")
    assert validator, "desktop-file-utils is missing: bash packaging/setup.sh test installs it"
    result = subprocess.run([validator, str(packaging_dir / "mimic-desktop.desktop")], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout
