"""The centre keys the trial office trusts: a centre's public key registered for that centre."""

from __future__ import annotations

from pathlib import Path

from ..domain import rules
from ..domain.clock import to_iso, utc_now
from ..domain.errors import MimicError, ValidationError
from ..exchange import central, signing_keys
from ..exchange.central import CentreKey
from ..storage.connection import Store
from .procedures import Clock


def read_key_file(key_file: Path) -> bytes:
    """The raw public key in a centre's .pem file; a plain MimicError when it is not one."""
    try:
        pem = Path(key_file).read_bytes()[: signing_keys.MAX_KEY_FILE_BYTES + 1]
    except OSError as error:
        raise MimicError(f"Cannot read the key file {key_file}: {error.strerror or error}.") from None
    return signing_keys.public_key_from_pem(pem, str(key_file))


def key_file_fingerprint(key_file: Path) -> str:
    """The fingerprint to read out with the centre by phone before registering its key."""
    return signing_keys.fingerprint(read_key_file(key_file))


def register_centre(store: Store, centre: str, key_file: Path, clock: Clock = utc_now) -> tuple[CentreKey, bool]:
    """Register a centre's public key; returns the key and whether it was new. One key belongs to one centre."""
    centre = rules.check_centre(centre)
    raw = read_key_file(key_file)
    key = CentreKey(signing_keys.key_id(raw), centre, raw, to_iso(clock()))
    with store.transaction() as db:
        known = next((k for k in central.centre_keys(db.conn) if k.public_key == raw), None)
        if known is not None and known.centre != centre:
            raise ValidationError(
                f"This key ({known.fingerprint}) is already registered for centre {known.centre}; "
                "a key signs for one centre only."
            )
        if known is None:
            central.insert_centre_key(db.conn, key, Path(key_file).name)
    return (known or key), known is None


def registered_keys(store: Store) -> list[CentreKey]:
    return central.centre_keys(store.conn)
