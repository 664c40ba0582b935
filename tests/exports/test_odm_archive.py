"""ODM as the archive copy (`export-odm --audit`): every change of a value with who, when and why, the
questionnaire's signature with its meaning, accounts by id only; still valid against the official XSD."""

from __future__ import annotations

import json
import random
from datetime import timedelta

import pytest
from lxml import etree

from mimic_desktop.domain import derive, forms
from mimic_desktop.domain.clock import utc_now
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.data_exports import export_odm
from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.simulate import record_procedure
from mimic_desktop.storage.connection import open_store
from tests.support.signers import sign_as

from .conftest import PASSWORD, PEOPLE, SURGEON_PASSWORD, assert_pseudonymous
from .test_odm import schema  # noqa: F401  (the official ODM 1.3.2 XSD, as a fixture)

Q = "{http://www.cdisc.org/ns/odm/v1.3}"


@pytest.fixture
def archived(tmp_path):
    """A signed record corrected after locking, with a complication removed, exported as the archive copy."""
    store = open_store(tmp_path / "trial.sqlite")
    accounts = AccountService(store)
    coordinator = accounts.create_user(PEOPLE[0], PEOPLE[1], "coordinator", PASSWORD)
    surgeon = accounts.create_user(PEOPLE[2], PEOPLE[3], "surgeon", SURGEON_PASSWORD, by=coordinator)
    service = ProcedureService(store, coordinator)
    proc_id = record_procedure(service, random.Random(11), lesions=2, start=utc_now() - timedelta(days=30))
    day = derive.surgery_date(service.load(proc_id))
    wrong = service.add_complication(proc_id, {"description": "Wrong patient", "clavien_dindo": "I", "onset_date": day})
    service.remove_complication(proc_id, wrong, "entered for the wrong patient")
    service.set_values(proc_id, DEMO_QUESTIONNAIRE)
    service.complete(proc_id)
    lesion = service.load(proc_id).lesions[0]
    service.set_values(
        proc_id,
        {"margin_mm": 0.5, "r1_type": "parenchymal"},
        entity="lesion",
        entity_id=lesion.id,
        reason="pathology revised",
    )
    sign_as(store, surgeon, proc_id, SURGEON_PASSWORD)
    path = tmp_path / "out" / "archive.xml"
    path.parent.mkdir()
    export_odm(service, None, path, with_audit=True)
    rows = service.audit_trail(proc_id)
    yield (
        etree.parse(str(path)),
        rows,
        service.load(proc_id),
        {coordinator.username: coordinator.id, surgeon.username: surgeon.id},
    )
    store.close()


def test_the_archive_copy_validates_against_the_odm_1_3_2_schema(archived, schema):  # noqa: F811
    document, *_ = archived
    assert schema.validate(document), schema.error_log
    assert document.getroot().get("FileType") == "Transactional"


def test_every_change_of_a_value_has_its_audit_record(archived):
    document, rows, _, ids = archived
    fields = {(f.scope, f.name) for f in forms.all_fields().values() if not f.staff_name}
    changed = [r for r in rows if (r["entity"], r["field"]) in fields]
    audited = {
        (item.get("ItemOID").split(".")[1], item.find(Q + "AuditRecord").findtext(Q + "DateTimeStamp"))
        for item in document.iter(Q + "ItemData")
        if item.find(Q + "AuditRecord") is not None
    }
    assert len(changed) > 20
    for row in changed:
        assert (row["field"], row["at_utc"]) in audited, (row["field"], row["at_utc"])
    margin = [
        item
        for item in document.iter(Q + "ItemData")
        if item.get("ItemOID") == "IT.margin_mm" and item.find(Q + "AuditRecord") is not None
    ]
    assert [m.get("Value") for m in margin][-1] == "0.5" and margin[-1].get("TransactionType") == "Update"
    revised = margin[-1].find(Q + "AuditRecord")
    assert revised.findtext(Q + "ReasonForChange") == "pathology revised"
    assert revised.find(Q + "UserRef").get("UserOID") == f"USR.{ids[PEOPLE[0]]}"
    row = next(r for r in rows if r["field"] == "margin_mm" and r["reason"] == "pathology revised")
    assert revised.findtext(Q + "DateTimeStamp") == row["at_utc"]
    removed = [g for g in document.iter(Q + "ItemGroupData") if g.get("TransactionType") == "Remove"]
    assert removed and removed[0].find(Q + "AuditRecord").findtext(Q + "ReasonForChange") == (
        "entered for the wrong patient"
    )


def test_the_signature_carries_its_meaning_and_its_signer_by_id(archived):
    document, _, proc, ids = archived
    signature = next(document.iter(Q + "Signature"))
    definition = next(document.iter(Q + "SignatureDef"))
    assert signature.find(Q + "SignatureRef").get("SignatureOID") == definition.get("OID")
    assert definition.findtext(Q + "Meaning") == proc.valid_signature().meaning
    assert signature.find(Q + "UserRef").get("UserOID") == f"USR.{ids[PEOPLE[2]]}"
    assert signature.findtext(Q + "DateTimeStamp") == proc.valid_signature().signed_at
    users = {u.get("OID") for u in document.iter(Q + "User")}
    assert users == {f"USR.{ids[PEOPLE[0]]}", f"USR.{ids[PEOPLE[2]]}"}


def test_the_archive_names_no_person(archived, tmp_path):
    document, *_ = archived
    assert_pseudonymous(tmp_path / "out")
    assert not list(document.iter(Q + "LoginName")) and not list(document.iter(Q + "FullName"))


def test_the_export_is_audited_as_an_archive(archived):
    _, rows, proc, _ = archived
    exports = [r for r in rows if r["entity"] == "export"]
    assert [r["entity_id"] for r in exports] == ["odm-archive"]
    assert json.loads(exports[0]["new_value"]) == {"study_ids": [proc.study_id], "files": ["archive.xml"]}
