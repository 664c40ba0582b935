"""Render the app icon (resources/icons/mimic.svg) into the formats each platform's bundle needs.

Run at build time (the PyInstaller spec calls it), so no binary icon is kept in the repository:
`python packaging/make_icons.py [FOLDER]` writes mimic-desktop.png (Linux menus), mimic.ico
(Windows: the executable and its shortcuts) and mimic.icns (the macOS .app) into FOLDER.
"""

from __future__ import annotations

import sys
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "mimic.svg"
PNG_SIZE = 256
# Windows picks the size nearest each use (title bar, taskbar, Explorer views); each is drawn from the
# vector image, so small icons stay sharp instead of being scaled down from a large one.
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(size: int):
    """The icon drawn at size x size pixels, as a Pillow image."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG image")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(BytesIO(bytes(buffer.data()))).convert("RGBA")


def make_icons(folder: Path) -> dict[str, Path]:
    """Write the three icon files into folder; returns them by format."""
    folder.mkdir(parents=True, exist_ok=True)
    images = {size: render(size) for size in sorted({PNG_SIZE, *ICO_SIZES, *ICNS_SIZES})}
    written = {"png": folder / "mimic-desktop.png", "ico": folder / "mimic.ico", "icns": folder / "mimic.icns"}
    images[PNG_SIZE].save(written["png"])
    largest_ico = max(ICO_SIZES)
    images[largest_ico].save(
        written["ico"],
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=[images[size] for size in ICO_SIZES if size != largest_ico],
    )
    largest_icns = max(ICNS_SIZES)
    images[largest_icns].save(
        written["icns"], append_images=[images[size] for size in ICNS_SIZES if size != largest_icns]
    )
    return written


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else ROOT / "packaging" / "build" / "icons"
    for path in make_icons(folder).values():
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
