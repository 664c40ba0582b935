"""CDISC ODM 1.3.2: the study's metadata, generated from forms/, and the records as ClinicalData.

One study event (the procedure) holds two forms, the CRF and the questionnaire; each form section is
an item group, and so are the record's keys and each scope's derived values. Lesion and complication
groups repeat, keyed by the lesion or complication number. A multiple-choice field becomes one
yes/no item per choice. Written with the standard library; the file validates against the ODM 1.3.2 XSD.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .. import __version__
from ..domain import forms
from ..domain.clock import to_iso, utc_now
from ..domain.record import Procedure
from .files import write_files
from .variables import YES_NO_CODES, Code, Group, Variable, cell, codes_of, groups, tables

NS = "http://www.cdisc.org/ns/odm/v1.3"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ODM_VERSION = "1.3.2"
STUDY_OID = "ST.MIMIC"
STUDY_NAME = "MIMIC"
PROTOCOL_NAME = "NL7674"  # the trial's number in the Dutch Trial Register
EVENT_OID = "SE.PROCEDURE"
DECIMAL_DIGITS = 3  # digits after the point declared for decimal items; values are written as entered
DATA_TYPES = {
    "text": "text",
    "choice": "text",
    "integer": "integer",
    "likert": "integer",
    "boolean": "integer",  # coded 1 and 0, so that yes and no carry labels in both languages
    "decimal": "float",
    "date": "date",
    "datetime": "datetime",
}


# XML 1.0 has no way to write most control characters, and ElementTree writes them as they are, which leaves a
# file no parser reads. New text cannot hold them (domain.values.check_text); text stored before that check,
# or edited into a file, has each one replaced by U+FFFD, Unicode's sign for a character that could not be kept.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
REPLACEMENT = "\ufffd"


def xml_text(text: str) -> str:
    """text with every character XML 1.0 cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub(REPLACEMENT, text)


def _add(parent: ET.Element, name: str, text: str | None = None, **attributes: Any) -> ET.Element:
    element = ET.SubElement(parent, name, {k: xml_text(str(v)) for k, v in attributes.items() if v is not None})
    element.text = None if text is None else xml_text(text)
    return element


def _translated(parent: ET.Element, name: str, texts: dict[str, str]) -> ET.Element:
    holder = _add(parent, name)
    for lang, text in texts.items():
        _add(holder, "TranslatedText", text, **{XML_LANG: lang})
    return holder


def _digits(number: float | None) -> int | None:
    return None if number is None else len(str(int(abs(number))))


@dataclass(frozen=True)
class Item:
    """One ODM item: a variable, or one choice of a multiple-choice variable."""

    variable: Variable
    code: Code | None = None

    @property
    def oid(self) -> str:
        return f"IT.{self.name}"

    @property
    def name(self) -> str:
        return self.variable.name if self.code is None else f"{self.variable.name}.{self.code.value}"

    @property
    def codes(self) -> tuple[Code, ...]:
        return YES_NO_CODES if self.code is not None else self.variable.codes

    @property
    def codelist_oid(self) -> str | None:
        if not self.codes:
            return None
        if self.codes is YES_NO_CODES:
            return "CL.YESNO"
        return "CL.LIKERT" if self.variable.type == "likert" else f"CL.{self.variable.name}"

    def question(self) -> dict[str, str]:
        if self.code is None:
            return self.variable.label
        return {lang: f"{text}: {self.code.text(lang)}" for lang, text in self.variable.label.items()}

    def data_type(self) -> str:
        return "integer" if self.code is not None else DATA_TYPES[self.variable.type]

    def length(self) -> int | None:
        variable = self.variable
        if self.codes:
            return max(len(code.value) for code in self.codes)
        if variable.type == "text":
            return variable.field.max_length if variable.field else None
        digits = _digits(variable.maximum)
        if variable.type == "decimal" and digits is not None:
            return digits + DECIMAL_DIGITS
        return digits if variable.type == "integer" else None

    def value(self, row: dict[str, Any]) -> str | None:
        value = row.get(self.variable.name)
        if value is None:
            return None
        if self.code is not None:
            return cell(self.code.value in codes_of(value))
        return cell(value)


def items(group: Group) -> list[Item]:
    return [
        Item(variable, code)
        for variable in group.variables
        for code in (variable.codes if variable.type == "multichoice" else (None,))
    ]


def _oid(kind: str, name: str) -> str:
    return f"{kind}.{re.sub(r'[^A-Za-z0-9_]', '_', name)}"


def metadata_version_oid() -> str:
    return f"MDV.CRF{forms.crf().version}.Q{forms.questionnaire().version}"


def _study(root: ET.Element) -> None:
    crf, questionnaire = forms.crf(), forms.questionnaire()
    study = _add(root, "Study", OID=STUDY_OID)
    globals_ = _add(study, "GlobalVariables")
    _add(globals_, "StudyName", STUDY_NAME)
    _add(globals_, "StudyDescription", crf.title["en"])
    _add(globals_, "ProtocolName", PROTOCOL_NAME)
    every_item = [item for group in groups() for item in items(group)]
    units = dict.fromkeys(item.variable.unit for item in every_item if item.variable.unit)
    if units:
        basics = _add(study, "BasicDefinitions")
        for unit in units:
            _translated(_add(basics, "MeasurementUnit", OID=_oid("MU", unit), Name=unit), "Symbol", {"en": unit})
    mdv = _add(
        study,
        "MetaDataVersion",
        OID=metadata_version_oid(),
        Name=f"CRF version {crf.version}, questionnaire version {questionnaire.version}",
    )
    protocol = _add(mdv, "Protocol")
    _add(protocol, "StudyEventRef", StudyEventOID=EVENT_OID, OrderNumber=1, Mandatory="Yes")
    event = _add(mdv, "StudyEventDef", OID=EVENT_OID, Name="Procedure", Repeating="No", Type="Scheduled")
    form_defs = (crf, questionnaire)
    for order, form in enumerate(form_defs, start=1):
        _add(event, "FormRef", FormOID=_oid("F", form.name), OrderNumber=order, Mandatory="Yes")
    for form in form_defs:
        form_def = _add(mdv, "FormDef", OID=_oid("F", form.name), Name=form.title["en"], Repeating="No")
        _translated(form_def, "Description", form.title)
        for order, group in enumerate((g for g in groups() if g.form == form.name), start=1):
            mandatory = "Yes" if any(v.required for v in group.variables) else "No"
            _add(form_def, "ItemGroupRef", ItemGroupOID=_oid("IG", group.name), OrderNumber=order, Mandatory=mandatory)
    for group in groups():
        group_def = _add(
            mdv, "ItemGroupDef", OID=_oid("IG", group.name), Name=group.name, Repeating=_yes(group.repeating)
        )
        _translated(group_def, "Description", group.title)
        for order, item in enumerate(items(group), start=1):
            _add(group_def, "ItemRef", ItemOID=item.oid, OrderNumber=order, Mandatory=_yes(item.variable.required))
    for item in every_item:
        _item_def(mdv, item)
    codelists = {item.codelist_oid: item for item in every_item if item.codelist_oid}
    for oid, item in codelists.items():
        codelist = _add(mdv, "CodeList", OID=oid, Name=oid.removeprefix("CL."), DataType=item.data_type())
        for code in item.codes:
            _translated(_add(codelist, "CodeListItem", CodedValue=code.value), "Decode", code.label)


def _yes(flag: bool) -> str:
    return "Yes" if flag else "No"


def _item_def(mdv: ET.Element, item: Item) -> None:
    variable = item.variable
    significant = DECIMAL_DIGITS if variable.type == "decimal" and item.length() else None
    item_def = _add(
        mdv,
        "ItemDef",
        OID=item.oid,
        Name=item.name,
        DataType=item.data_type(),
        Length=item.length(),
        SignificantDigits=significant,
        Origin="Derived" if variable.derived else None,
    )
    # A form field is asked, in both languages; a key or derived value is only described.
    _translated(item_def, "Question" if variable.field else "Description", item.question())
    if variable.unit:
        _add(item_def, "MeasurementUnitRef", MeasurementUnitOID=_oid("MU", variable.unit))
    if not item.codes:
        for comparator, bound in (("GE", variable.minimum), ("LE", variable.maximum)):
            if bound is not None:
                check = _add(item_def, "RangeCheck", Comparator=comparator, SoftHard="Hard")
                _add(check, "CheckValue", cell(bound))
    if item.codelist_oid:
        _add(item_def, "CodeListRef", CodeListOID=item.codelist_oid)


def _admin(root: ET.Element, records: Sequence[Procedure], effective: str) -> ET.Element | None:
    centres = sorted({proc.centre for proc in records})
    if not centres:
        return None
    admin = _add(root, "AdminData", StudyOID=STUDY_OID)
    for centre in centres:
        location = _add(admin, "Location", OID=_oid("LOC", centre), Name=f"Centre {centre}", LocationType="Site")
        _add(
            location,
            "MetaDataVersionRef",
            StudyOID=STUDY_OID,
            MetaDataVersionOID=metadata_version_oid(),
            EffectiveDate=effective,
        )
    return admin


def _subject(clinical: ET.Element, proc: Procedure, archive: Archive | None = None) -> None:
    # In an archive (transactional) file every element says what it does: here, insert or update.
    upsert = "Upsert" if archive else None
    subject = _add(clinical, "SubjectData", SubjectKey=proc.study_id, TransactionType=upsert)
    _add(subject, "SiteRef", LocationOID=_oid("LOC", proc.centre))
    event = _add(subject, "StudyEventData", StudyEventOID=EVENT_OID, TransactionType=upsert)
    rows = {t.scope: (t.number, t.rows(proc)) for t in tables()}
    for form in (forms.crf(), forms.questionnaire()):
        form_data = _add(event, "FormData", FormOID=_oid("F", form.name), TransactionType=upsert)
        if archive:
            _history(form_data, form.name, proc, archive.entries.get(proc.session_id, []))
            if form.name == forms.crf().name:
                _redactions(form_data, form.name, proc, archive.redactions.get(proc.session_id, []))
            if form.name == forms.questionnaire().name:
                _signature(form_data, proc, archive)
        for group in (g for g in groups() if g.form == form.name):
            number, scope_rows = rows[group.scope]
            for row in scope_rows:
                values = [(item, item.value(row)) for item in items(group)]
                values = [(item, value) for item, value in values if value is not None]
                if not values:
                    continue
                group_data = _add(
                    form_data,
                    "ItemGroupData",
                    ItemGroupOID=_oid("IG", group.name),
                    ItemGroupRepeatKey=cell(row[number]) if group.repeating and number is not None else None,
                    TransactionType=upsert,
                )
                for item, value in values:
                    _add(group_data, "ItemData", ItemOID=item.oid, Value=value, TransactionType=upsert)
        if not len(form_data):
            event.remove(form_data)


@dataclass(frozen=True)
class AuditEntry:
    """One audited change of a form value, or the removal of a lesion or complication, for the archive file.

    user: the account's pseudonymous id (its number on its laptop), never a name.
    """

    at: str
    user: str
    scope: str  # procedure, lesion or complication
    number: int | None  # the lesion's or complication's number
    field: str | None  # None: the lesion or complication was removed
    new: Any
    old: Any
    reason: str | None


@dataclass(frozen=True)
class RedactionEntry:
    """A text taken out of the record on the laptop: who (an account id), when, why and in how many places; never
    the text."""

    at: str
    user: str
    reason: str
    places: int


@dataclass(frozen=True)
class Archive:
    """What the archive form of the file adds: each record's audit entries and the accounts' ids."""

    entries: dict[str, list[AuditEntry]]  # by the record's session id
    # By the record's session id: a signature's account (user name) -> its pseudonymous id (user names of two
    # centres' laptops may be the same).
    signers: dict[str, dict[str, str]]
    redactions: dict[str, list[RedactionEntry]] = field(default_factory=dict)  # by the record's session id


def _user_oid(user: str) -> str:
    return _oid("USR", user)


def _signature_oid(meaning: str) -> str:
    return _oid("SD", meaning)


def _archive_admin(admin: ET.Element, records: Sequence[Procedure], archive: Archive) -> None:
    """The accounts (by id only) and the meanings of the signatures; ODM wants Users before Locations."""
    signers = {user for ids in archive.signers.values() for user in ids.values()}
    redacting = {r.user for redactions in archive.redactions.values() for r in redactions}
    users = sorted({e.user for entries in archive.entries.values() for e in entries} | signers | redacting)
    for position, user in enumerate(users):
        admin.insert(position, ET.Element("User", {"OID": _user_oid(user), "UserType": "Other"}))
    meanings = sorted({s.meaning for proc in records for s in proc.signatures if s.valid})
    for meaning in meanings:
        definition = _add(admin, "SignatureDef", OID=_signature_oid(meaning), Methodology="Electronic")
        _add(definition, "Meaning", meaning)
        _add(definition, "LegalReason", "Electronic signature with user name and password (21 CFR 11.50, 11.200)")


def _audit_record(parent: ET.Element, entry: AuditEntry, centre: str) -> None:
    record = _add(parent, "AuditRecord", EditPoint="DataManagement", UsedImputationMethod="No")
    _add(record, "UserRef", UserOID=_user_oid(entry.user))
    _add(record, "LocationRef", LocationOID=_oid("LOC", centre))
    _add(record, "DateTimeStamp", entry.at)
    if entry.reason:
        _add(record, "ReasonForChange", entry.reason)


def _transaction(old: Any, new: Any) -> str:
    return "Insert" if old is None else "Remove" if new is None else "Update"


def _history(form_data: ET.Element, form: str, proc: Procedure, entries: Sequence[AuditEntry]) -> None:
    """Each change of a value of this form as its own transaction, oldest first, with who, when and why."""
    where = {(g.scope, v.name): g for g in groups() if g.form == form for v in g.variables if v.field}
    for entry in entries:
        if entry.field is None:  # a lesion or complication removed: each of its groups in this form goes
            for group in (g for g in groups() if g.form == form and g.scope == entry.scope):
                removed = _add(
                    form_data,
                    "ItemGroupData",
                    ItemGroupOID=_oid("IG", group.name),
                    ItemGroupRepeatKey=cell(entry.number),
                    TransactionType="Remove",
                )
                _audit_record(removed, entry, proc.centre)
            continue
        changed = where.get((entry.scope, entry.field))
        if changed is None:
            continue
        group_data = _add(
            form_data,
            "ItemGroupData",
            ItemGroupOID=_oid("IG", changed.name),
            ItemGroupRepeatKey=cell(entry.number) if changed.repeating else None,
            TransactionType="Upsert",
        )
        variable = next(v for v in changed.variables if v.name == entry.field)
        for item in items(Group(changed.name, changed.form, changed.scope, changed.title, (variable,))):
            # The audit trail keeps several codes as a list, the flat rows as codes joined by semicolons.
            row = {variable.name: ";".join(entry.new) if isinstance(entry.new, list) else entry.new}
            value = item.value(row)
            item_data = _add(
                group_data,
                "ItemData",
                ItemOID=item.oid,
                TransactionType=_transaction(entry.old, entry.new),
                Value=value,
                IsNull=None if value is not None else "Yes",
            )
            _audit_record(item_data, entry, proc.centre)


def _redactions(form_data: ET.Element, form: str, proc: Procedure, redactions: Sequence[RedactionEntry]) -> None:
    """Each redaction as an audit record of its own, on the record's first group marked Context: it changes no value
    in this file (the values here already read "[redacted]"), it says who took a text out, when and why."""
    group = next(g for g in groups() if g.form == form and g.scope == "procedure")
    for redaction in redactions:
        element = _add(form_data, "ItemGroupData", ItemGroupOID=_oid("IG", group.name), TransactionType="Context")
        reason = f"Redaction of a text typed by mistake ({redaction.places} place(s)): {redaction.reason}"
        _audit_record(
            element,
            AuditEntry(redaction.at, redaction.user, "procedure", None, None, None, None, reason),
            proc.centre,
        )


def _signature(form_data: ET.Element, proc: Procedure, archive: Archive) -> None:
    signature = proc.valid_signature()
    signers = archive.signers.get(proc.session_id, {})
    if signature is None or signature.username not in signers:
        return
    element = ET.Element("Signature")
    form_data.insert(0, element)
    _add(element, "UserRef", UserOID=_user_oid(signers[signature.username]))
    _add(element, "LocationRef", LocationOID=_oid("LOC", proc.centre))
    _add(element, "SignatureRef", SignatureOID=_signature_oid(signature.meaning))
    _add(element, "DateTimeStamp", signature.signed_at)


def build_odm(
    records: Sequence[Procedure],
    *,
    exported_at: datetime | None = None,
    audit_head: str | None = None,
    archive: Archive | None = None,
) -> ET.ElementTree:
    """The ODM document: metadata, the centres as sites, and one SubjectData per record (keyed by study ID).

    archive: the file is the record's archive copy (FileType Transactional): every audited change of a value, with
    who (an account id), when and why, comes before the values as they are now, and the questionnaire's valid
    signature is on its form with its meaning.
    """
    moment = to_iso(exported_at or utc_now())
    description = "MIMIC trial data, pseudonymous: subjects are keyed by study ID only."
    if audit_head:
        description += f" Audit chain head at export: {audit_head}."
    if archive:
        description += " Archive copy: each change of a value with its audit record, accounts by id only."
    root = ET.Element(
        "ODM",
        {
            # Elements carry plain names in the default namespace declared here.
            "xmlns": NS,
            "Description": description,
            "FileType": "Transactional" if archive else "Snapshot",
            "FileOID": f"MIMIC.{uuid.uuid4()}",
            "CreationDateTime": moment,
            "AsOfDateTime": moment,
            "ODMVersion": ODM_VERSION,
            "Originator": "MIMIC Desktop",
            "SourceSystem": "MIMIC Desktop",
            "SourceSystemVersion": __version__,
        },
    )
    _study(root)
    admin = _admin(root, records, moment[:10])
    if archive and admin is not None:
        _archive_admin(admin, records, archive)
    clinical = _add(root, "ClinicalData", StudyOID=STUDY_OID, MetaDataVersionOID=metadata_version_oid())
    for proc in records:
        _subject(clinical, proc, archive)
    tree = ET.ElementTree(root)
    ET.indent(tree)
    return tree


def write_odm(
    records: Sequence[Procedure],
    path: Path,
    *,
    exported_at: datetime | None = None,
    audit_head: str | None = None,
    archive: Archive | None = None,
) -> Path:
    """One ODM 1.3.2 XML file (UTF-8) holding every record given (as an archive copy with archive)."""
    tree = build_odm(records, exported_at=exported_at, audit_head=audit_head, archive=archive)
    path = Path(path)
    write_files({path: lambda target: tree.write(target, encoding="utf-8", xml_declaration=True)})
    return path
