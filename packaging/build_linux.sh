#!/usr/bin/env bash
# Build the standalone Linux bundle into packaging/dist (system packages and the virtual environment
# included): bash packaging/build_linux.sh [--dist FOLDER] [--work FOLDER]
set -euo pipefail
exec bash "$(dirname "$0")/setup.sh" bundle "$@"
