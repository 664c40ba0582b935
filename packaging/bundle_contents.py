"""What goes into the standalone bundle: the Qt parts the app uses, nothing it never imports.

The PyInstaller spec (mimic_desktop.spec) filters its analysis through these rules. The app draws
only Qt Widgets (with SVG icons) and prints its PDFs with reportlab, so the bundle leaves out the
rest of Qt (network, OpenGL, QML, WebEngine), the Qt plugins for other kinds of displays, and the
data-analysis stack, which the trial office runs from the central tools. It carries OpenCV (the video
extra) and the numpy it stands on: the laptop keeps and measures near-infrared frames.
"""

from __future__ import annotations

import re
from pathlib import PurePath

# Python packages installed alongside that the desktop app never imports; some come in only
# through optional imports (sqlite-utils tries pandas, QtPy tries the OpenGL modules,
# PySide6 tries QtNetwork for OpenSSL on Windows). reportlab imports Pillow, so Pillow stays, without
# the codecs for images the PDFs never hold (AVIF, WebP, colour profiles, Tk).
EXCLUDED_MODULES = [
    "pandas",
    "scipy",
    "statsmodels",
    "tkinter",
    "PIL._avif",
    "PIL._webp",
    "PIL._imagingcms",
    "PIL._imagingtk",
    "PySide6.QtNetwork",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtDBus",
    "PySide6.QtDataVisualization",
]

# Qt libraries the app needs: Widgets and what it stands on, Svg for the app icon, SvgWidgets for the trial
# report's charts (ui/central/report_view.py); DBus and XcbQpa carry the X11 display plugin on Linux.
QT_LIBRARIES = {"Core", "Gui", "Widgets", "Svg", "SvgWidgets", "DBus", "XcbQpa"}

# Qt plugins by folder: the display of each platform (offscreen for checks without a screen), input
# methods for typing accented letters on Linux, and the SVG image and icon readers.
QT_PLUGINS = {
    "platforms": {"qxcb", "qwindows", "qcocoa", "qoffscreen"},
    "platforminputcontexts": {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"},
    "xcbglintegrations": {"qxcb-glx-integration", "qxcb-egl-integration"},
    "imageformats": {"qsvg"},
    "iconengines": {"qsvgicon"},
}

# Qt Widgets paint in software: the OpenGL and Direct3D runtimes PyInstaller adds on Windows (about
# 25 MB) serve only QML and OpenGL widgets.
_WINDOWS_GL_RUNTIME = re.compile(r"^(?:opengl32sw|libEGL|libGLESv2|d3dcompiler_\d+)\.dll$", re.IGNORECASE)
# Of Qt's own catalogues, only the one for the standard buttons and dialogs (Cancel, Close, Yes, No) in the
# app's other language; the app's own words come from resources/translations.
_QT_CATALOGUE = re.compile(r"^qtbase_nl.*\.qm$")
_QT_LIBRARY = re.compile(r"^(?:lib)?Qt6(?P<module>[A-Za-z]+)(?:\.so(?:\.\d+)*|\.dll|\.dylib)$")
_QT_FRAMEWORK = re.compile(r"^Qt(?P<module>[A-Za-z]+)\.framework$")


def _plugin(path: PurePath) -> tuple[str, str] | None:
    """(plugin folder, plugin name) for a Qt plugin file, else None."""
    parts = path.parts
    if parts[:1] != ("PySide6",) or "plugins" not in parts[:-2]:
        return None
    folder = parts[parts.index("plugins") + 1]
    stem = path.name.split(".")[0]
    return folder, stem.removeprefix("lib")


def _qt_module(path: PurePath) -> str | None:
    """The Qt module a library file belongs to (Core for libQt6Core.so.6 or QtCore.framework)."""
    if match := _QT_LIBRARY.match(path.name):
        return match["module"]
    for part in path.parts:
        if match := _QT_FRAMEWORK.match(part):
            return match["module"]
    return None


def vendored(src: str) -> bool:
    """Whether a library was vendored into its wheel by auditwheel (numpy.libs/, opencv_python_headless.libs/).

    auditwheel rewrites such libraries with patchelf, and strip then breaks them ("ELF load command
    address/offset not page-aligned" when numpy loads its OpenBLAS): the bundle takes them as built."""
    return any(part.endswith(".libs") for part in PurePath(src).parent.parts)


def keep(dest: str) -> bool:
    """Whether the file collected at dest (its path inside the bundle) belongs in the bundle."""
    path = PurePath(dest)
    if path.parts[:1] == ("PySide6",) and "translations" in path.parts:
        return _QT_CATALOGUE.match(path.name) is not None
    if _WINDOWS_GL_RUNTIME.match(path.name):
        return False
    if plugin := _plugin(path):
        folder, name = plugin
        return name in QT_PLUGINS.get(folder, set())
    module = _qt_module(path)
    return module is None or module in QT_LIBRARIES


def windows_version_info(version: str, name: str):
    """The version resource Windows shows in the executable's Properties, from the app's version."""
    from PyInstaller.utils.win32 import versioninfo as vi

    numbers = tuple(int(part) for part in re.findall(r"\d+", version)[:4])
    numbers += (0,) * (4 - len(numbers))
    strings = {
        "CompanyName": "MIMIC trial",
        "FileDescription": name,
        "FileVersion": version,
        "InternalName": "mimic-desktop",
        "OriginalFilename": "mimic-desktop.exe",
        "ProductName": name,
        "ProductVersion": version,
    }
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            vi.StringFileInfo([vi.StringTable("040904B0", [vi.StringStruct(k, v) for k, v in strings.items()])]),
            vi.VarFileInfo([vi.VarStruct("Translation", [0x0409, 1200])]),
        ],
    )
