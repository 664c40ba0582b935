#!/usr/bin/env bash
# Set up MIMIC Desktop on Debian/Ubuntu and start it (`app`) or run the tests (`test`).
#   bash packaging/setup.sh app [ARGS...]   install what is needed, start the app (demo database on first run)
#   bash packaging/setup.sh test [ARGS...]  install what is needed, run the test suite without the slow runs
#                                            (ARGS go to pytest; `-m slow` runs the slow ones, which build the bundle)
#   bash packaging/setup.sh bundle [ARGS...] install what is needed, build the standalone app (packaging/build.py),
#                                            which carries OpenCV (the video extra) for near-infrared frames
set -euo pipefail
mode="${1:-app}"
shift || true
cd "$(dirname "$0")/.."

# Qt needs these system libraries even offscreen; the tests also use poppler (pdftoppm), qpdf and chattr.
qt_libs="libgl1 libegl1 libx11-6 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 libxkbcommon-x11-0
         libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 fonts-dejavu-core"
test_tools="poppler-utils qpdf xvfb xauth e2fsprogs desktop-file-utils"
# PyInstaller reads and strips libraries with binutils, and bundles Python's shared library.
bundle_tools="binutils libpython3-dev"

# Whether pytest's arguments choose the slow runs (-m slow, -m "slow and ..."): only they build the bundle.
selects_slow() {
  local previous="" marker=""
  for arg in "$@"; do
    [ "$previous" = "-m" ] && marker="$arg"
    case "$arg" in -m?*) marker="${arg#-m}" ;; esac
    previous="$arg"
  done
  case "$marker" in *"not slow"*) return 1 ;; *slow*) return 0 ;; *) return 1 ;; esac
}

packages="$qt_libs"
test_extras="test"
if [ "$mode" = "test" ]; then
  packages="$packages $test_tools"
  if selects_slow "$@"; then
    packages="$packages $bundle_tools"
    test_extras="test,package,video"
  fi
fi
[ "$mode" = "bundle" ] && packages="$packages $bundle_tools"

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
  for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
fi
if [ -n "$missing" ]; then
  echo "Installing system packages:$missing"
  sudo_cmd=""
  [ "$(id -u)" != "0" ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
# Every dependency at the version it was tested with (packaging/constraints.txt; DEVELOPERS.md says how to refresh it).
constraints=(-c packaging/constraints.txt)
if [ "$mode" = "test" ]; then
  .venv/bin/python -m pip install -q "${constraints[@]}" -e ".[$test_extras]"
  export QT_QPA_PLATFORM=offscreen
  exec .venv/bin/python -m pytest "$@"
elif [ "$mode" = "bundle" ]; then
  .venv/bin/python -m pip install -q "${constraints[@]}" -e ".[package,video]"
  exec .venv/bin/python packaging/build.py "$@"
else
  .venv/bin/python -m pip install -q "${constraints[@]}" -e .
  exec .venv/bin/python main.py "$@"
fi
