"""Bad session files: each kind is rejected with its reason and leaves the central database as it was."""

import tracemalloc

import pytest

from mimic_desktop.services import central_import, centre_keys
from mimic_desktop.services.central_import import Outcome
from tests.support.bad_session_files import (
    BAD_FILES,
    MiB,
    Source,
    exported_source,
    files_written,
    flip_every_byte,
    small_signed_file,
)
from tests.support.office import data_manager
from tests.support.session_files import snapshot


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Source:
    """One exported one-lesion record, shared by the tests of this module (it is only read)."""
    return exported_source(tmp_path_factory.mktemp("laptop"))


@pytest.fixture
def central_store(tmp_path, source):
    store = central_import.init_central(tmp_path / "central.sqlite")
    centre_keys.register_centre(store, data_manager(store), "01", source.public_key)
    yield store
    store.close()


def test_the_watch_sees_a_file_written(tmp_path):
    with files_written() as written:
        (tmp_path / "extracted.txt").write_bytes(b"x")
        (tmp_path / "folder").mkdir()
    assert len(written) == 2 and "extracted.txt" in written[0]


@pytest.mark.parametrize("kind", ["a zip bomb", "a zip bomb whose headers lie"])
def test_a_zip_bomb_is_refused_before_it_is_unpacked(kind, source, importer):
    bad = BAD_FILES[kind][0](source.data, source.key_path)
    tracemalloc.start()
    try:
        result = importer.import_bytes(bad, "bomb.mimic")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.outcome is Outcome.REJECTED
    assert peak < MiB, f"{peak:,} bytes held for a {len(bad):,}-byte file that unpacks to 256 MiB"


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_bad_file_is_rejected_with_its_reason_and_changes_nothing(kind, source, importer, central_store):
    make, reason = BAD_FILES[kind]
    bad = make(source.data, source.key_path)
    before = snapshot(central_store)
    with files_written() as written:
        result = importer.import_bytes(bad, f"{kind}.mimic")
    assert result.outcome is Outcome.REJECTED, result
    assert reason in result.message
    assert written == [], "nothing is extracted or written"
    assert snapshot(central_store) == before
    assert importer.import_bytes(source.data, "good.mimic").outcome is Outcome.NEW


def test_every_single_byte_change_of_a_signed_file_is_rejected(source, importer, central_store):
    small = small_signed_file(source)
    assert len(small) < 16 * 1024
    before = snapshot(central_store)
    flips = flip_every_byte(importer, small)
    assert flips.accepted == []
    assert flips.rejected == flips.flips == 2 * len(small)
    assert snapshot(central_store) == before
    assert importer.import_bytes(small, "small.mimic").outcome is Outcome.NEW
