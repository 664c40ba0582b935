"""What the surgeon's signature on the questionnaire covers, and its hash: one definition for the laptop and the
trial office."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from . import forms
from .forms import FormDef
from .record import Procedure, Signature


def signed_content(proc: Procedure, form: FormDef | None = None) -> dict[str, Any]:
    """What a questionnaire signature covers: every answer, the study ID and the form version (the current
    questionnaire unless another version is given)."""
    form = form or forms.questionnaire()
    return {
        "form": form.name,
        "form_version": form.version,
        "study_id": proc.study_id,
        "values": {f.name: proc.get(f.name) for f in form.fields()},
    }


def content_hash(proc: Procedure, form: FormDef | None = None) -> str:
    """SHA-256 of the canonical JSON of the signed content (sorted keys, no spaces, UTF-8)."""
    canonical = json.dumps(signed_content(proc, form), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def covers_the_answers(proc: Procedure, signature: Signature) -> bool:
    """Whether the signature's hash is that of the answers as they are now, under the questionnaire version it was
    made with: the current one or any earlier one forms/ keeps."""
    name = forms.questionnaire().name
    return any(
        content_hash(proc, forms.form(name, version)) == signature.content_hash
        for version in reversed(forms.known_versions(name))
    )
