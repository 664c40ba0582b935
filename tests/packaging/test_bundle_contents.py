"""The rules that keep the bundle to the Qt parts the app uses, on each platform's file layout."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def keep(packaging_script):
    return packaging_script("bundle_contents").keep


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6SvgWidgets.so.6",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "PySide6/Qt/lib/libicudata.so.73",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt6Core.dll",
        "PySide6/Qt6Svg.dll",
        "PySide6/msvcp140.dll",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/QtWidgets.abi3.so",
        "libpython3.11.so.1.0",
        "forms/crf.json",
        "resources/translations/mimic_nl.qm",
        "resources/common-passwords.txt",
        "resources/translations/mimic_en.qm",
        "resources/messages/nl.json",
        "PySide6/Qt/translations/qtbase_nl.qm",
        "PySide6/translations/qtbase_nl.qm",
        "qtawesome/fonts/materialdesignicons6-webfont-6.9.96.ttf",
    ],
)
def test_what_the_app_uses_stays(keep, dest):
    assert keep(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "libQt6OpenGL.so.6",  # the link PyInstaller puts beside the executable
        "PySide6/Qt6WebEngineCore.dll",
        "PySide6/Qt6Pdf.dll",
        "PySide6/Qt/lib/QtNetwork.framework/Versions/A/QtNetwork",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/plugins/platforms/qdirect2d.dll",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/translations/qt_nl.qm",
        "PySide6/Qt/translations/qt_help_nl.qm",
        "PySide6/Qt/translations/qtbase_en.qm",
        "PySide6/opengl32sw.dll",
        "PySide6/d3dcompiler_47.dll",
        "PySide6/libGLESv2.dll",
    ],
)
def test_what_the_app_never_uses_goes(keep, dest):
    assert not keep(dest)


@pytest.mark.parametrize(
    ("src", "as_built"),
    [
        ("/venv/lib/python3.11/site-packages/numpy.libs/libscipy_openblas64_-32a4b2a6.so", True),
        ("/venv/lib/python3.11/site-packages/opencv_python_headless.libs/libavcodec-e863e0e1.so.63.1.102", True),
        ("C:/venv/Lib/site-packages/numpy.libs/libscipy_openblas64_.dll", True),
        ("/venv/lib/python3.11/site-packages/cv2/cv2.abi3.so", False),
        ("/venv/lib/python3.11/site-packages/PySide6/Qt/lib/libQt6Core.so.6", False),
        ("/usr/lib/x86_64-linux-gnu/libssl.so.3", False),
        ("/venv/lib/python3.11/site-packages/numpy/_core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so", False),
    ],
)
def test_only_the_libraries_auditwheel_vendored_are_taken_as_built(packaging_script, src, as_built):
    """strip breaks the libraries auditwheel rewrote (numpy's OpenBLAS would not load): they are never stripped."""
    assert packaging_script("bundle_contents").vendored(src) is as_built
