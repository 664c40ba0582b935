"""PySide6.QtGui with only the Qt plugins the app uses (bundle_contents.QT_PLUGINS).

PyInstaller's own hook collects every plugin and then every library those plugins link (GTK,
Kerberos, Wayland, EGL); leaving the plugins out here keeps their libraries out of the bundle.
"""

from pathlib import Path

from bundle_contents import keep
from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(source, folder) for source, folder in binaries if keep(str(Path(folder) / Path(source).name))]
