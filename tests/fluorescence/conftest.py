"""A laptop with its signing key, and a central study database that trusts it, for the frames' tests."""

from __future__ import annotations

import pytest

from tests.support.session_files import make_central, make_laptop


@pytest.fixture
def laptop(tmp_path):
    made = make_laptop(tmp_path)
    yield made
    made.service.store.close()


@pytest.fixture
def central(tmp_path, laptop):
    store = make_central(tmp_path, laptop)
    yield store
    store.close()
