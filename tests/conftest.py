"""Every test gets its own data and config folders and runs Qt offscreen."""

from __future__ import annotations

import os
import random

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("MIMIC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MIMIC_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    # The language of a person with no setting follows the locale: tests read English unless they set one.
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "mimic.sqlite"


@pytest.fixture
def store(db_path):
    from mimic_desktop.storage.connection import open_store

    opened = open_store(db_path)
    yield opened
    opened.close()


@pytest.fixture
def coordinator(store):
    from mimic_desktop.services.accounts import AccountService

    return AccountService(store).create_user("anna.coord", "Anna Coordinator", "coordinator", "correct horse")


@pytest.fixture
def service(store, coordinator):
    from mimic_desktop.services.procedures import ProcedureService

    return ProcedureService(store, coordinator)


@pytest.fixture
def recorded(service):
    """A whole simulated two-lesion procedure with pathology, ready to complete."""
    from mimic_desktop.services.simulate import record_procedure

    return record_procedure(service, random.Random(11), lesions=2)


@pytest.fixture(autouse=True)
def cheap_password_hashes(monkeypatch):
    """Hashes made in tests carry a tiny scrypt cost (stored beside each hash), so the suite stays fast; the
    product's own cost is checked in tests/storage/test_password_hash.py."""
    from mimic_desktop.storage import password_hash
    from tests.support.cheap_hashes import TEST_COST

    monkeypatch.setattr(password_hash, "CURRENT", TEST_COST)
