"""Where the application keeps its files (per-user folders from platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from ..storage import backup

APP_DIR_NAME = "MIMIC Desktop"


def data_dir() -> Path:
    if env := os.environ.get("MIMIC_DATA_DIR"):
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def config_dir() -> Path:
    if env := os.environ.get("MIMIC_CONFIG_DIR"):
        return Path(env)
    return Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "mimic.sqlite"


def backup_dir(db_path: Path) -> Path:
    return backup.folder_for(db_path)


def signing_key_path() -> Path:
    """The centre's private session-signing key: per user, outside the database and its backups."""
    return config_dir() / "session-signing-key.pem"


def demo_signing_key_path() -> Path:
    """The key that signs records of a demo database: a key of its own, so that practice never carries the
    centre's signature."""
    return config_dir() / "demo-session-signing-key.pem"


def office_signing_key_path() -> Path:
    """The trial office's private key that signs its query files: per user, outside the central database."""
    return config_dir() / "office-signing-key.pem"
