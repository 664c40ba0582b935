"""Exporting from the laptop: who and what may leave, versions, warnings, the key, and what stays behind."""

import json
import shutil
import subprocess
import zipfile

import jsonschema
import pytest
from pypdf import PdfReader

from mimic_desktop.domain.errors import PermissionDenied
from mimic_desktop.exchange import record_schema, session_file, signing_keys
from mimic_desktop.services import paths, session_key
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.export import ExportService, NotExportable
from tests.support.session_files import members, sign_questionnaire


def test_an_unfinished_record_is_refused_naming_what_is_missing(laptop):
    import random

    from mimic_desktop.services.simulate import record_procedure

    proc_id = record_procedure(laptop.service, random.Random(3), lesions=1, pathology=False)
    with pytest.raises(NotExportable) as refusal:
        laptop.export(proc_id)
    assert "not complete" in str(refusal.value) and "Lesion 1: Histology" in str(refusal.value)
    assert list(laptop.out.iterdir()) == []


def test_a_monitor_cannot_export(laptop):
    proc_id = laptop.record(4)
    accounts = AccountService(laptop.service.store)
    monitor = accounts.create_user("mo.monitor", "Mo Monitor", "monitor", "read only pass", by=laptop.service.user)
    with pytest.raises(PermissionDenied):
        ExportService(laptop.service.store, monitor, key_path=laptop.key_path).export(proc_id, laptop.out)
    assert list(laptop.out.iterdir()) == []


def test_the_file_holds_a_schema_valid_record_two_sound_pdfs_and_a_signed_manifest(laptop, tmp_path):
    proc_id = laptop.record(5, lesions=3, complication=True)
    sign_questionnaire(laptop, proc_id)
    result = laptop.exporter.export(proc_id, laptop.out)
    assert result.path.name == "MIM-01-001-v1.mimic" and result.warnings == ()
    data = result.path.read_bytes()
    inside = members(data)
    assert list(inside) == list(session_file.MEMBERS)
    record = json.loads(inside[session_file.RECORD])
    jsonschema.Draft202012Validator(record_schema.record_schema()).validate(record)
    assert record["session_version"] == 1 and record["record"]["study_id"] == "MIM-01-001"
    assert len(record["record"]["complications"]) == 1 and record["record"]["signatures"][0]["form"] == "questionnaire"
    manifest = json.loads(inside[session_file.MANIFEST])
    public_key, signature = inside[session_file.SIGNATURE][:32], inside[session_file.SIGNATURE][32:]
    assert signing_keys.verify(public_key, signature, inside[session_file.MANIFEST])
    assert signing_keys.fingerprint(public_key) == result.key_fingerprint
    assert [m["name"] for m in manifest["members"]] == list(session_file.CONTENT)
    for name, words in ((session_file.SUMMARY, "MIM-01-001"), (session_file.QUESTIONNAIRE, "Sam Snijder")):
        pdf = tmp_path / name
        pdf.write_bytes(inside[name])
        assert words in "".join(page.extract_text() for page in PdfReader(pdf).pages)
        check = subprocess.run([shutil.which("qpdf"), "--check", str(pdf)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout
    with zipfile.ZipFile(result.path) as archive:
        assert all(info.compress_type == zipfile.ZIP_STORED for info in archive.infolist())


def test_re_exporting_makes_the_next_version_of_the_same_session_and_deletes_nothing(laptop):
    proc_id = laptop.record(6)
    first = laptop.exporter.export(proc_id, laptop.out)
    laptop.service.set_value(proc_id, "blood_loss_ml", 420, reason="anaesthesia chart corrected")
    second = laptop.exporter.export(proc_id, laptop.out)
    assert first.session_id == second.session_id and (first.session_version, second.session_version) == (1, 2)
    assert sorted(p.name for p in laptop.out.iterdir()) == ["MIM-01-001-v1.mimic", "MIM-01-001-v2.mimic"]
    proc = laptop.service.load(proc_id)
    assert proc.export_version == 2 and proc.get("blood_loss_ml") == 420 and len(proc.lesions) == 2
    assert laptop.service.list()[0]["status"] == "exported"
    trail = [row for row in laptop.service.audit_trail(proc_id) if row["field"] == "export_version"]
    assert [json.loads(row["new_value"]) for row in trail] == [1, 2]


def test_the_same_members_make_the_same_bytes_but_two_exports_never_do(laptop):
    proc_id = laptop.record(14)
    first = laptop.export(proc_id).read_bytes()
    second = laptop.export(proc_id).read_bytes()  # nothing changed in between
    assert first != second
    inside = members(first)
    manifest = json.loads(inside[session_file.MANIFEST])
    header = session_file.Header(**{name: manifest[name] for name in session_file.Header.__dataclass_fields__})
    content = {name: inside[name] for name in session_file.CONTENT}
    assert session_file.write(content, header, session_key.load_or_create(laptop.key_path)) == first


def test_free_text_that_looks_like_an_identifier_is_named_with_its_pattern(laptop):
    proc_id = laptop.record(7)
    keeping = laptop.service.keeping_identifiers("typed on purpose, to test the export's warnings")
    keeping.set_values(
        proc_id,
        {
            "icg_adverse_reaction": True,
            "icg_adverse_description": "Rash; mevr. Jansen, born 12-03-1961",
            "icg_adverse_event": True,  # a locked record keeps the rules completion checks
        },
        reason="reaction reported late",
    )
    event = laptop.service.load(proc_id).events[3]
    keeping.strike_event(event.id, "wrong patient, see j.jansen@example.org")
    warnings = laptop.exporter.export(proc_id, laptop.out).warnings
    assert (
        "MIM-01-001, Description of the reaction: looks like it holds an identifier (date, title and name)" in warnings
    )
    assert any("reason struck: looks like it holds an identifier (e-mail address)" in w for w in warnings)
    assert any("not signed the questionnaire" in w for w in warnings)
    clean = laptop.record(8)
    assert not any("identifier" in w for w in laptop.exporter.export(clean, laptop.out).warnings)


def test_the_key_pair_is_made_once_private_to_the_user_and_never_in_the_database(laptop):
    proc_id = laptop.record(9)
    assert not laptop.key_path.exists()
    first = laptop.exporter.export(proc_id, laptop.out)
    assert laptop.key_path.stat().st_mode & 0o777 == 0o600
    pem = laptop.key_path.read_bytes()
    assert laptop.exporter.export(proc_id, laptop.out).key_fingerprint == first.key_fingerprint
    assert laptop.key_path.read_bytes() == pem
    secret = session_key.load_or_create(laptop.key_path).private_bytes_raw()
    for path in (laptop.service.store.path, *laptop.out.iterdir()):
        blob = path.read_bytes()
        assert secret not in blob and pem.split(b"\n")[1] not in blob, path.name
    assert not any(b"PRIVATE" in (row["new_value"] or "").encode() for row in laptop.service.audit_trail())


def test_the_default_key_lives_in_the_user_config_folder_and_its_public_part_is_exported(laptop, tmp_path):
    written = session_key.write_public_key(tmp_path)
    assert paths.signing_key_path().parent == paths.config_dir() and paths.signing_key_path().exists()
    raw = signing_keys.public_key_from_pem(written.path.read_bytes(), "key")
    assert written.path.name.endswith(".pem") and signing_keys.fingerprint(raw) == written.fingerprint


def test_a_failed_note_of_the_export_leaves_no_file(laptop, monkeypatch):
    from mimic_desktop.storage.errors import DiskFull

    proc_id = laptop.record(10)

    def disk_full(*_args, **_kwargs):
        raise DiskFull("The disk is full, so this change was not saved.")

    monkeypatch.setattr(laptop.exporter.procedures, "mark_exported", disk_full)
    with pytest.raises(DiskFull):
        laptop.export(proc_id)
    assert list(laptop.out.iterdir()) == []
    assert laptop.service.load(proc_id).export_version == 0


def test_a_change_saved_while_the_file_is_made_is_not_marked_as_exported(laptop):
    from mimic_desktop.domain import derive
    from mimic_desktop.domain.errors import ChangedDuringExport
    from mimic_desktop.services.procedures import ProcedureService
    from mimic_desktop.storage.connection import open_store

    proc_id = laptop.record(13)
    laptop.export(proc_id)
    laptop.service.set_value(proc_id, "icu_days", 1, reason="ICU night was missed")
    other = open_store(laptop.service.store.path)
    elsewhere = ProcedureService(other, laptop.service.user)

    def edit_after_reading(done, _total, _what):
        if done == 3:  # the record and its PDFs are read; the file is signed next
            elsewhere.set_value(proc_id, "hospital_stay_days", 11, reason="discharge letter arrived")

    with pytest.raises(ChangedDuringExport, match="MIM-01-001 changed while its session file was being made"):
        laptop.exporter.export(proc_id, laptop.out, progress=edit_after_reading)
    other.close()
    assert sorted(p.name for p in laptop.out.iterdir()) == ["MIM-01-001-v1.mimic"]
    proc = laptop.service.load(proc_id)
    assert proc.export_version == 1 and proc.get("hospital_stay_days") == 11
    status = derive.status(proc)
    assert status is not derive.Status.EXPORTED and derive.changed_since_export(status, proc.export_version)
    again = laptop.exporter.export(proc_id, laptop.out)
    record = json.loads(members(again.path.read_bytes())[session_file.RECORD])
    assert again.session_version == 2 and record["record"]["values"]["hospital_stay_days"] == 11
    assert derive.status(laptop.service.load(proc_id)) is derive.Status.EXPORTED


def test_progress_is_reported_step_by_step(laptop):
    proc_id = laptop.record(12)
    steps = []
    laptop.exporter.export(proc_id, laptop.out, progress=lambda done, total, what: steps.append((done, total, what)))
    assert [done for done, _, _ in steps] == [0, 1, 2, 3, 4, 5] and steps[-1][2] == "Exported"


def test_a_member_the_trial_office_would_not_read_is_not_written(laptop):
    proc_id = laptop.record(15)
    inside = members(laptop.export(proc_id).read_bytes())
    manifest = json.loads(inside[session_file.MANIFEST])
    header = session_file.Header(**{name: manifest[name] for name in session_file.Header.__dataclass_fields__})
    content = {name: inside[name] for name in session_file.CONTENT}
    limit = session_file.MAX_MEMBER_BYTES[session_file.QUESTIONNAIRE]
    content[session_file.QUESTIONNAIRE] = b"%PDF-1.7\n" + b"0" * limit
    with pytest.raises(session_file.SessionFileTooLarge, match=r"questionnaire\.pdf would be .* more than the trial"):
        session_file.write(content, header, session_key.load_or_create(laptop.key_path))
