"""Build the standalone MIMIC Desktop bundle for this platform, check it, and measure it.

    python packaging/build.py [--dist FOLDER] [--work FOLDER]

Runs PyInstaller on packaging/mimic_desktop.spec (one folder, no Python needed on the target),
adds the Linux menu entry and icon beside the executable, runs the bundle's own installation
check (`check-install`) offscreen, prints the bundle's size and packs it into one archive
(.tar.gz on Linux, .zip on Windows; the macOS .app is signed and packed as packaging/README.md says).
Needs the `package` and `video` extras: pip install -e ".[package,video]" (the bundle carries OpenCV, so that
the laptop can keep and measure near-infrared frames; a build without it stops before PyInstaller runs).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mimic_desktop import APP_NAME, __version__

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "packaging"
SPEC = HERE / "mimic_desktop.spec"
BUNDLE = "mimic-desktop"  # the folder the spec collects into, and the command-line executable's name
DESKTOP_ENTRY = HERE / "mimic-desktop.desktop"
PLATFORM_NAMES = {"linux": "linux", "win32": "windows", "darwin": "macos"}


def bundle_folder(dist: Path) -> Path:
    """The folder to install: the one-folder bundle, or the .app on macOS."""
    return dist / f"{APP_NAME}.app" if sys.platform == "darwin" else dist / BUNDLE


def command_line_executable(dist: Path) -> Path:
    if sys.platform == "darwin":
        return bundle_folder(dist) / "Contents" / "MacOS" / BUNDLE
    return bundle_folder(dist) / (f"{BUNDLE}.exe" if sys.platform == "win32" else BUNDLE)


def require_video() -> None:
    """The bundle must carry OpenCV: stop, naming the extra, rather than build one that cannot read frames."""
    if importlib.util.find_spec("cv2") is None:
        sys.exit('OpenCV is not installed: install the video extra first (pip install -e ".[package,video]").')


def run_pyinstaller(dist: Path, work: Path) -> None:
    folders = ["--distpath", str(dist), "--workpath", str(work)]
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--clean", *folders], cwd=ROOT, check=True
    )


def add_linux_menu_entry(dist: Path, work: Path) -> None:
    """The .desktop file and its icon travel with the bundle; packaging/README.md says where they go."""
    folder = bundle_folder(dist)
    shutil.copy2(DESKTOP_ENTRY, folder / DESKTOP_ENTRY.name)
    # The spec renders the icons into PyInstaller's own working folder, named after the spec.
    shutil.copy2(work / SPEC.stem / "icons" / "mimic-desktop.png", folder / "mimic-desktop.png")


def check_bundle(dist: Path) -> None:
    """The bundle's own installation check, offscreen, with throw-away data and settings folders."""
    with tempfile.TemporaryDirectory(prefix="mimic-build-check-") as scratch:
        env = os.environ | {
            "QT_QPA_PLATFORM": "offscreen",
            "MIMIC_DATA_DIR": str(Path(scratch) / "data"),
            "MIMIC_CONFIG_DIR": str(Path(scratch) / "config"),
        }
        env.pop("MIMIC_FORMS_DIR", None)  # the bundle must find its own forms
        subprocess.run([str(command_line_executable(dist)), "check-install"], env=env, check=True)


def bundle_size(folder: Path) -> tuple[int, int]:
    """(files, bytes) of the bundle as installed; links count once, as the link."""
    files = [path for path in folder.rglob("*") if path.is_file() or path.is_symlink()]
    return len(files), sum(path.lstat().st_size for path in files)


def archive(dist: Path, version: str) -> Path | None:
    """One file to hand to IT: .tar.gz keeps the Linux links, .zip is what Windows opens."""
    if sys.platform == "darwin":
        return None  # signing comes first, then `ditto` or a disk image (packaging/README.md)
    name = f"{BUNDLE}-{version}-{PLATFORM_NAMES.get(sys.platform, sys.platform)}-{platform.machine().lower()}"
    kind = "zip" if sys.platform == "win32" else "gztar"
    return Path(shutil.make_archive(str(dist / name), kind, root_dir=dist, base_dir=BUNDLE))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build, check and measure the standalone MIMIC Desktop bundle.")
    parser.add_argument("--dist", type=Path, default=HERE / "dist", help="where the bundle goes")
    parser.add_argument("--work", type=Path, default=HERE / "build", help="PyInstaller's working folder")
    args = parser.parse_args(argv)
    require_video()
    run_pyinstaller(args.dist, args.work)
    if sys.platform.startswith("linux"):
        add_linux_menu_entry(args.dist, args.work)
    check_bundle(args.dist)
    files, size = bundle_size(bundle_folder(args.dist))
    print(f"{APP_NAME} {__version__}: {bundle_folder(args.dist)}, {files} files, {size / 2**20:.1f} MiB")
    packed = archive(args.dist, __version__)
    if packed is not None:
        print(f"Archive: {packed} ({packed.stat().st_size / 2**20:.1f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
