"""The kept frames travel in the session file only when the study setting says so: real signed files, real
imports, a frame changed on the laptop or in the file, a truncated file, a version-1 file."""

from __future__ import annotations

import hashlib
import json

import pytest

from mimic_desktop.domain.errors import MimicError
from mimic_desktop.exchange import session_file
from mimic_desktop.services import central_import, frame_travel
from mimic_desktop.services import frames as frame_service
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.storage import audit
from mimic_desktop.storage import central as central_storage
from tests.support import frames
from tests.support.office import data_manager
from tests.support.session_files import SURGEON_PASSWORD, make_central, members, resign


def with_frames(laptop, tmp_path, seed: int = 31) -> tuple[str, list[int]]:
    """A completed record with a frame on its ICG inspection and one on a note that is struck through since."""
    service = laptop.service
    proc_id = laptop.record(seed, lesions=2)
    proc = service.load(proc_id)
    inspection = next(e for e in proc.live_events() if e.kind == "inspect_icg")
    note = next(e for e in proc.live_events() if e.kind == "note")
    kept = []
    for event, seed_of_frame in ((inspection, 7), (note, 8)):
        image = frames.write(tmp_path / f"still-{event.id}.png", frames.nir_frame(seed_of_frame))
        kept.append(frame_service.attach_frame(service, proc.study_id, event.id, image, reason="from the recording"))
    service.strike_event(note.id, "noted on the wrong lesion")
    return proc_id, kept


def frames_travel(laptop) -> None:
    assert frame_travel.set_frames_travel(laptop.service.store, laptop.service.user, True)


def stored(laptop, frame_id: int) -> tuple[str, bytes]:
    conn = laptop.service.store.conn
    sha, data = conn.execute("SELECT sha256, data FROM frames WHERE id=?", (frame_id,)).fetchone()
    return sha, bytes(data)


def import_one(tmp_path, laptop, data: bytes, name: str = "file.mimic"):
    central = make_central(tmp_path, laptop)
    importer = central_import.CentralImporter(central, data_manager(central))
    try:
        return importer.import_bytes(data, name), central
    except BaseException:
        central.close()
        raise


# -- the setting ------------------------------------------------------------------------------------------


def test_the_setting_is_off_unless_a_coordinator_turns_it_on_and_each_change_is_audited(laptop):
    store = laptop.service.store
    assert not frame_travel.frames_travel(store)
    frames_travel(laptop)
    assert frame_travel.frames_travel(store)
    assert not frame_travel.set_frames_travel(store, laptop.service.user, True)  # unchanged: no second row
    frame_travel.set_frames_travel(store, laptop.service.user, False)
    rows = [
        (row["old_value"], row["new_value"], row["username"])
        for row in store.conn.execute(
            "SELECT * FROM audit WHERE entity='setting' AND entity_id=? ORDER BY seq", (frame_travel.SETTING,)
        )
    ]
    assert rows == [(None, '"yes"', "anna.coord"), ('"yes"', '"no"', "anna.coord")]
    assert audit.verify(store.conn).ok


def test_a_surgeon_may_not_turn_it_on(laptop):
    store = laptop.service.store
    surgeon = AccountService(store).sign_in("sam.surgeon", SURGEON_PASSWORD)
    with pytest.raises(MimicError):
        frame_travel.set_frames_travel(store, surgeon, True)
    assert not frame_travel.frames_travel(store)


# -- the laptop's export ------------------------------------------------------------------------------------


def test_off_the_record_lists_the_frames_by_hash_and_the_file_carries_no_pixels(laptop, tmp_path):
    proc_id, (shown, struck) = with_frames(laptop, tmp_path)
    check = laptop.exporter.preflight(proc_id)
    assert "stay on this laptop" in check.frames and "2 near-infrared frame" in check.frames
    data = laptop.export(proc_id).read_bytes()
    inside = members(data)
    assert not [name for name in inside if name.startswith("frames/")]
    record = json.loads(inside[session_file.RECORD])
    assert record["format_version"] == 3
    part = record["frames"]
    assert [(item["sha256"], item["travels"]) for item in part] == [
        (stored(laptop, shown)[0], False),
        (stored(laptop, struck)[0], False),
    ]
    assert part[0]["width"] == frames.nir_frame().shape[1] and part[0]["masks"] == []
    manifest = json.loads(inside[session_file.MANIFEST])
    assert manifest["format_version"] == 2
    assert [m["name"] for m in manifest["members"]] == list(session_file.CONTENT)
    result, central = import_one(tmp_path, laptop, data)
    assert result.outcome is central_import.Outcome.NEW, result.message
    central.close()


def summary_text(data: bytes) -> str:
    from io import BytesIO

    from pypdf import PdfReader

    return " ".join(page.extract_text() for page in PdfReader(BytesIO(members(data)[session_file.SUMMARY])).pages)


def test_the_summary_in_the_file_prints_the_frames_only_when_they_travel(laptop, tmp_path):
    proc_id, _ = with_frames(laptop, tmp_path)
    assert "Near-infrared frames kept" not in summary_text(laptop.export(proc_id).read_bytes())
    frames_travel(laptop)
    assert "Near-infrared frames kept" in summary_text(laptop.export(proc_id).read_bytes())


def test_on_the_live_events_frames_travel_as_stored_and_are_imported(laptop, tmp_path):
    proc_id, (shown, struck) = with_frames(laptop, tmp_path)
    frames_travel(laptop)
    sha, pixels = stored(laptop, shown)
    check = laptop.exporter.preflight(proc_id)
    assert check.frames.startswith("1 near-infrared frame(s) travel in the session file (")
    assert "MiB" in check.frames and not check.problems
    exported = laptop.exporter.export(proc_id, laptop.out)
    assert exported.frames == check.frames
    data = exported.path.read_bytes()
    inside = members(data)
    assert inside[f"frames/{sha}.png"] == pixels and hashlib.sha256(pixels).hexdigest() == sha
    assert f"frames/{stored(laptop, struck)[0]}.png" not in inside  # a struck-through event's frame never travels
    listed = json.loads(inside[session_file.MANIFEST])["members"]
    assert {"name": f"frames/{sha}.png", "sha256": sha, "size": len(pixels)} in listed
    names = [info for info in inside]
    assert names == [*session_file.CONTENT, f"frames/{sha}.png", session_file.MANIFEST, session_file.SIGNATURE]
    part = json.loads(inside[session_file.RECORD])["frames"]
    assert [item["travels"] for item in part] == [True, False]
    result, central = import_one(tmp_path, laptop, data)
    assert result.outcome is central_import.Outcome.NEW, result.message
    [record] = central_storage.current_record_json(central.conn)
    assert json.loads(record)["frames"] == part
    central.close()


def test_a_frame_changed_on_the_laptop_stops_the_export_naming_it(laptop, tmp_path):
    proc_id, (shown, _) = with_frames(laptop, tmp_path)
    frames_travel(laptop)
    conn = laptop.service.store.conn
    pixels = bytearray(stored(laptop, shown)[1])
    pixels[-20] ^= 0xFF  # a changed byte, as a program other than MIMIC might leave it
    conn.execute("UPDATE frames SET data=? WHERE id=?", (bytes(pixels), shown))
    conn.commit()
    before = sorted(laptop.out.iterdir())
    with pytest.raises(MimicError, match=f"Frame {shown} of .* no longer matches its hash"):
        laptop.export(proc_id)
    assert sorted(laptop.out.iterdir()) == before  # nothing written
    check = laptop.exporter.preflight(proc_id)
    assert any(f"Frame {shown} of" in problem for problem in check.problems)
    assert not laptop.service.load(proc_id).export_version  # not marked exported


# -- the file, altered -------------------------------------------------------------------------------------


@pytest.fixture
def travelled(laptop, tmp_path) -> tuple[bytes, str]:
    proc_id, (shown, _) = with_frames(laptop, tmp_path)
    frames_travel(laptop)
    return laptop.export(proc_id).read_bytes(), stored(laptop, shown)[0]


def rezip(data: bytes, change) -> bytes:
    """The file's members changed by change(members), put in a container again without signing anew."""
    inside = members(data)
    change(inside)
    return session_file.container(inside)


def test_a_frame_edited_by_hand_under_its_name_is_refused_by_its_hash(laptop, tmp_path, travelled):
    data, sha = travelled
    name = f"frames/{sha}.png"

    def edit(inside):
        pixels = bytearray(inside[name])
        pixels[-20] ^= 0xFF
        inside[name] = bytes(pixels)

    result, central = import_one(tmp_path, laptop, rezip(data, edit))
    assert result.outcome is central_import.Outcome.REJECTED
    assert f"The frame '{name}' does not have the SHA-256 its name gives" in result.message
    assert central_storage.current_record_json(central.conn) == []
    central.close()


def test_a_frame_replaced_under_its_new_hash_is_refused_by_the_signature(laptop, tmp_path, travelled):
    data, sha = travelled
    other = frames.write(tmp_path / "other.png", frames.nir_frame(99)).read_bytes()
    new = hashlib.sha256(other).hexdigest()

    def replace(inside):
        del inside[f"frames/{sha}.png"]
        inside[f"frames/{new}.png"] = other
        manifest = json.loads(inside[session_file.MANIFEST])
        for item in manifest["members"]:
            if item["name"] == f"frames/{sha}.png":
                item.update(name=f"frames/{new}.png", sha256=new, size=len(other))
        inside[session_file.MANIFEST] = session_file.canonical_json(manifest)

    result, central = import_one(tmp_path, laptop, rezip(data, replace))
    assert result.outcome is central_import.Outcome.REJECTED
    assert "The signature does not match the manifest" in result.message
    central.close()


def test_a_frame_the_record_does_not_list_is_refused_even_when_signed(laptop, tmp_path, travelled):
    data, sha = travelled
    other = frames.write(tmp_path / "other.png", frames.nir_frame(99)).read_bytes()
    content = {name: body for name, body in members(data).items() if name not in session_file.MEMBERS[3:]}
    content[f"frames/{hashlib.sha256(other).hexdigest()}.png"] = other
    result, central = import_one(tmp_path, laptop, resign(content, laptop.key_path))
    assert result.outcome is central_import.Outcome.REJECTED
    assert "which the record does not list as travelling" in result.message
    content.pop(f"frames/{sha}.png")
    result = central_import.CentralImporter(central, data_manager(central)).import_bytes(
        resign(content, laptop.key_path), "again.mimic"
    )
    assert result.outcome is central_import.Outcome.REJECTED
    central.close()


def test_a_travelling_frame_left_out_is_refused(laptop, tmp_path, travelled):
    data, sha = travelled
    content = {
        name: body
        for name, body in members(data).items()
        if name not in (*session_file.MEMBERS[3:], f"frames/{sha}.png")
    }
    result, central = import_one(tmp_path, laptop, resign(content, laptop.key_path))
    assert result.outcome is central_import.Outcome.REJECTED
    assert f"says the frame 'frames/{sha}.png' travels, but the file does not carry it" in result.message
    central.close()


def resigned_with_record(data: bytes, key_path, change) -> bytes:
    """The file, its frames kept, signed again after change(record) edited its record.json."""
    content = {name: body for name, body in members(data).items() if name not in session_file.MEMBERS[3:]}
    record = json.loads(content[session_file.RECORD])
    change(record)
    content[session_file.RECORD] = session_file.canonical_json(record)
    return resign(content, key_path)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: None, None),
        (lambda r: r["frames"][0].update(width=r["frames"][0]["width"] + 1), "is not the PNG of the size"),
        (lambda r: r["frames"][0].update(size=r["frames"][0]["size"] - 1), "is not the PNG of the size"),
        (lambda r: r["frames"][1].update(travels=True), "which is struck through"),
        (lambda r: r["frames"][0].update(event_id=99999), "which the record does not have"),
        (lambda r: r["frames"][1].update(event_id=r["frames"][0]["event_id"]), "two frames for one event"),
        (lambda r: r["frames"].pop(1), "which the record's frames do not list"),
    ],
    ids=["as exported", "width", "size", "struck", "unknown event", "one event twice", "measured frame not listed"],
)
def test_a_signed_record_whose_frames_disagree_with_the_file_is_refused(laptop, tmp_path, change, message):
    proc_id, (_, struck) = with_frames(laptop, tmp_path)
    struck_frame = frame_service.kept_frames(laptop.service, laptop.service.load(proc_id).study_id)[1]
    assert struck_frame.id == struck and struck_frame.struck
    frames_travel(laptop)
    data = laptop.export(proc_id).read_bytes()
    altered = resigned_with_record(data, laptop.key_path, lambda r: _with_measurement(r, struck_frame.sha256, change))
    result, central = import_one(tmp_path, laptop, altered)
    if message is None:  # signed again unchanged but for a measurement on a listed frame: it imports
        assert result.outcome is central_import.Outcome.NEW, result.message
    else:
        assert result.outcome is central_import.Outcome.REJECTED
        assert message in result.message, result.message
    central.close()


def _with_measurement(record: dict, sha256: str, change) -> None:
    """A measurement of the first lesion on this frame, as a laptop writes it, then the change under test."""
    lesion = record["record"]["lesions"][0]["id"]
    record["fluorescence"] = [
        {
            "lesion_id": lesion,
            "finding": "note",
            "frame_sha256": sha256,
            "channel": "nir",
            "target": "105,65,110,12",
            "background": "10,10,60,200",
            "target_mean": 180.0,
            "target_sd": 6.0,
            "background_mean": 60.0,
            "background_sd": 6.0,
            "sbr": 3.0,
            "method": "sbr-mean-rectangles-1",
            "measured_at": record["exported_at"],
        }
    ]
    change(record)


def test_a_truncated_file_is_refused_in_words(laptop, tmp_path, travelled):
    data, sha = travelled
    start = data.index(f"frames/{sha}.png".encode())
    result, central = import_one(tmp_path, laptop, data[: start + 2000])
    assert result.outcome is central_import.Outcome.REJECTED
    assert "not a readable ZIP archive" in result.message
    central.close()


def test_a_member_of_another_name_under_frames_is_refused(laptop, tmp_path, travelled):
    data, _ = travelled
    inside = members(data) | {"frames/notes.txt": b"hello"}
    result, central = import_one(tmp_path, laptop, session_file.container(inside, tuple(inside)))
    assert result.outcome is central_import.Outcome.REJECTED
    assert "unexpected entry: 'frames/notes.txt'" in result.message
    central.close()


def test_a_version_1_file_carrying_a_frame_is_refused(laptop, tmp_path, travelled):
    data, sha = travelled
    content = {name: body for name, body in members(data).items() if name not in session_file.MEMBERS[3:]}
    with pytest.raises(ValueError, match="format version 1 carries no frames"):
        resign(content, laptop.key_path, version=1)
    # Made by hand: the manifest of version 1 cannot list it, so the file is refused either way.
    header = json.loads(members(data)[session_file.MANIFEST])
    header["format_version"] = 1
    plain = {name: body for name, body in content.items() if name in session_file.CONTENT}
    header["members"] = [
        {"name": name, "sha256": hashlib.sha256(plain[name]).hexdigest(), "size": len(plain[name])}
        for name in session_file.CONTENT
    ]
    from mimic_desktop.exchange import signing_keys
    from mimic_desktop.services import session_key

    key = session_key.load_or_create(laptop.key_path)
    manifest = session_file.canonical_json(header)
    signed = content | {
        session_file.MANIFEST: manifest,
        session_file.SIGNATURE: signing_keys.raw_public_key(key) + signing_keys.sign(key, manifest),
    }
    result, central = import_one(tmp_path, laptop, session_file.container(signed))
    assert result.outcome is central_import.Outcome.REJECTED
    assert f"unexpected entry: 'frames/{sha}.png'" in result.message
    central.close()


def test_a_record_of_format_2_listing_frames_is_refused(laptop, tmp_path, travelled):
    data, _ = travelled
    content = {name: body for name, body in members(data).items() if name not in session_file.MEMBERS[3:]}
    record = json.loads(content[session_file.RECORD])
    record["format_version"] = 2
    content[session_file.RECORD] = session_file.canonical_json(record)
    result, central = import_one(tmp_path, laptop, resign(content, laptop.key_path))
    assert result.outcome is central_import.Outcome.REJECTED
    assert "format version 2 does not have" in result.message
    central.close()


def test_a_session_file_version_1_with_a_record_of_format_2_still_imports(laptop, tmp_path):
    proc_id = laptop.record(33, lesions=1)
    data = laptop.export(proc_id).read_bytes()
    content = {name: body for name, body in members(data).items() if name in session_file.CONTENT}
    record = json.loads(content[session_file.RECORD])
    record["format_version"] = 2
    content[session_file.RECORD] = session_file.canonical_json(record)
    old = resign(content, laptop.key_path, version=1)
    assert json.loads(members(old)[session_file.MANIFEST])["format_version"] == 1
    result, central = import_one(tmp_path, laptop, old)
    assert result.outcome is central_import.Outcome.NEW, result.message
    central.close()
