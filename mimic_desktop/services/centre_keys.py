"""The centre keys the trial office trusts: a centre's public key registered for that centre, or withdrawn.

A registration made by mistake (the key of centre 03 registered for centre 05) or for a key that
must no longer be trusted (a stolen laptop) is withdrawn with a reason. It is kept: the files
imported under it stay imported and name the key that signed them, while new files signed with
it are refused. A withdrawn key can then be registered again, for the right centre, with a reason.
"""

from __future__ import annotations

import string
from dataclasses import replace
from pathlib import Path

from ..domain import rules, values
from ..domain.clock import local_text, to_iso, utc_now
from ..domain.errors import MimicError, NotFound, ReasonRequired, ValidationError
from ..domain.roles import Action, User
from ..domain.wording import Text
from ..exchange import signing_keys
from ..storage import central
from ..storage.central import CentreKey as CentreKey  # named here for the UI, which does not import storage.central
from ..storage.connection import Store
from . import office_accounts
from .input_files import InputFileRefused, read_capped
from .procedures import Clock


def read_key_file(key_file: Path, written_by: str = "mimic-desktop export-key") -> bytes:
    """The raw public key in a centre's .pem file (or the office's, written by another command); a plain MimicError
    when it is not one."""
    try:
        pem = read_capped(Path(key_file), signing_keys.MAX_KEY_FILE_BYTES, "a key file")
    except InputFileRefused as refusal:
        raise MimicError(Text("Cannot read the key file: {problem}", problem=refusal.message)) from None
    return signing_keys.public_key_from_pem(pem, str(key_file), written_by)


def key_file_fingerprint(key_file: Path) -> str:
    """The fingerprint to read out with the centre by phone before registering its key."""
    return signing_keys.fingerprint(read_key_file(key_file))


def register_centre(
    store: Store, by: User, centre: str, key_file: Path, clock: Clock = utc_now, reason: str | None = None
) -> tuple[CentreKey, bool]:
    """Register a centre's public key; returns the registration and whether it is new.

    A key signs for one centre at a time: one registered for another centre is refused until that
    registration is withdrawn. A key withdrawn before (a stolen laptop's, or one registered for the wrong centre)
    is registered again only with a reason, kept in the audit trail. Only a data manager may; the registration is
    kept in the audit trail.
    """
    office_accounts.require(store, by, Action.MANAGE_KEYS)
    centre = rules.check_centre(centre)
    raw = read_key_file(key_file)
    key = CentreKey(signing_keys.key_id(raw), centre, raw, to_iso(clock()))
    with store.transaction() as db:
        known = next((k for k in central.centre_keys(db.conn) if k.public_key == raw and k.in_force), None)
        if known is not None and known.centre != centre:
            raise ValidationError(
                Text(
                    "This key ({fingerprint}) is already registered for centre {centre}; a key signs for one centre "
                    "only. If that registration is a mistake, withdraw the key with a reason, then register it for "
                    "the right centre.",
                    fingerprint=known.fingerprint,
                    centre=known.centre,
                )
            )
        withdrawn = [k for k in central.centre_keys(db.conn) if k.public_key == raw and not k.in_force]
        if known is None and withdrawn and not (reason and reason.strip()):
            last = max(withdrawn, key=lambda k: k.withdrawn_utc or "")
            raise ReasonRequired(
                Text(
                    "Key {fingerprint} was withdrawn from centre {centre} on {when} ({why}). Say why it may be "
                    "trusted again: the reason is kept with the new registration.",
                    fingerprint=last.fingerprint,
                    centre=last.centre,
                    when=local_text(last.withdrawn_utc or last.registered_utc),
                    why=last.withdrawal_reason,
                )
            )
        if known is None:
            again = values.check_reason(reason) if (withdrawn and reason) else None
            central.insert_centre_key(db.conn, key, Path(key_file).name, by=by.username, reason=again)
    return (known or key), known is None


def registered_keys(store: Store) -> list[CentreKey]:
    """Every registration, withdrawn ones included."""
    return central.centre_keys(store.conn)


def signers(store: Store) -> dict[bytes, CentreKey]:
    """By raw public key, the registration that decides over a new file signed with it: the one in force, else
    the last one withdrawn (so that the refusal can say when and why)."""
    ranked = sorted(central.centre_keys(store.conn), key=lambda key: (key.in_force, key.registered_utc))
    return {key.public_key: key for key in ranked}


def key_id_for(store: Store, key: str) -> str:
    """The id of the registered key named by its fingerprint (as `mimic-central list --keys` prints it, spaces
    optional) or by its .pem file."""
    if Path(key).is_file():
        return signing_keys.key_id(read_key_file(Path(key)))
    digits = key.replace(" ", "").lower()
    if len(digits) != signing_keys.FINGERPRINT_DIGITS or set(digits) - set(string.hexdigits.lower()):
        raise ValidationError(
            Text(
                "{key!r} is neither a key file nor a key's fingerprint (32 hexadecimal digits, as "
                "`mimic-central list --keys` prints them).",
                key=key,
            )
        )
    found = next((k.key_id for k in registered_keys(store) if k.key_id.startswith(digits)), None)
    if found is None:
        raise NotFound(
            Text(
                "No key with the fingerprint {fingerprint} is registered.",
                fingerprint=signing_keys.id_fingerprint(digits),
            )
        )
    return found


def withdraw_key(store: Store, by: User, key_id: str, reason: str, clock: Clock = utc_now) -> CentreKey:
    """Withdraw the key's registration in force, with the reason; returns the registration as withdrawn. Only a
    data manager may; the withdrawal is kept in the audit trail."""
    office_accounts.require(store, by, Action.MANAGE_KEYS)
    if not (reason and reason.strip()):
        raise ReasonRequired(Text("Say why the key is withdrawn: the reason is kept with its registration."))
    reason, now = values.check_reason(reason), to_iso(clock())
    with store.transaction() as db:
        registrations = [k for k in central.centre_keys(db.conn) if k.key_id == key_id]
        if not registrations:
            raise NotFound(
                Text(
                    "No key with the fingerprint {fingerprint} is registered.",
                    fingerprint=signing_keys.id_fingerprint(key_id),
                )
            )
        in_force = next((k for k in registrations if k.in_force), None)
        if in_force is None:
            last = max(registrations, key=lambda k: k.registered_utc)
            raise ValidationError(
                Text(
                    "Key {fingerprint} was already withdrawn from centre {centre} on {when} ({reason}).",
                    fingerprint=last.fingerprint,
                    centre=last.centre,
                    when=local_text(last.withdrawn_utc or last.registered_utc),
                    reason=last.withdrawal_reason,
                )
            )
        central.withdraw_centre_key(db.conn, key_id, now, reason, by=by.username)
    return replace(in_force, withdrawn_utc=now, withdrawal_reason=reason)


def refuse_withdrawn(signer: CentreKey, centre: str) -> Text | None:
    """Why a new file signed under this registration is refused, when it was withdrawn; None while in force."""
    if signer.withdrawn_utc is None:  # in force
        return None
    return Text(
        "The file is signed with key {fingerprint}, whose registration for centre {signer} the trial office "
        "withdrew on {when} ({reason}). New files signed with a withdrawn key are refused: once centre {centre}'s "
        "key is registered, import the file again.",
        fingerprint=signer.fingerprint,
        signer=signer.centre,
        when=local_text(signer.withdrawn_utc),
        reason=signer.withdrawal_reason,
        centre=centre,
    )


def signed_under(registrations: list[CentreKey], key_id: str, centre: str, imported_utc: str) -> CentreKey | None:
    """The registration a file was imported under: its signer's, for its centre, the last made before the import."""
    earlier = [
        k for k in registrations if (k.key_id, k.centre) == (key_id, centre) and k.registered_utc <= imported_utc
    ]
    return max(earlier, key=lambda k: k.registered_utc, default=None)
