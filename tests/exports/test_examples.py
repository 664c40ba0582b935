"""The example export files in docs/exports are what the exports write today, byte for byte."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "exports"


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_export_examples", EXAMPLES / "make_examples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_example_exports_are_the_ones_the_code_writes(tmp_path):
    generator().write_examples(tmp_path)
    written = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    kept = {path.name: path.read_bytes() for path in EXAMPLES.glob("example_*")}
    assert sorted(written) == sorted(kept), "run python docs/exports/make_examples.py"
    stale = [name for name in written if written[name] != kept[name]]
    assert stale == [], f"{stale} differ from what the exports write now: run python docs/exports/make_examples.py"
