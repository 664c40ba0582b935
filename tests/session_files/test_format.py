"""The published format: the schema in docs/ is the generated one, the importer's check keeps to it, and the
container is laid out byte for byte as docs/session-file.md says."""

import json
import struct
import zlib
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from mimic_desktop.exchange import record_schema, schema_check, session_file
from tests.support.session_files import members
from tests.support.session_mutants import edit_record, record_edits

from .test_rejections import source  # noqa: F401 - the shared exported file

DOCS = Path(__file__).resolve().parents[2] / "docs"
SCHEMA = record_schema.record_schema()
CHECK = schema_check.compile_schema(SCHEMA)


def test_the_published_schema_is_the_one_the_forms_generate():
    published = (DOCS / "session-record.schema.json").read_text(encoding="utf-8")
    assert published == record_schema.schema_text(), "run python docs/make_schema.py"
    jsonschema.Draft202012Validator.check_schema(json.loads(published))


def test_a_schema_keyword_the_importer_cannot_enforce_is_refused_when_compiled():
    schema_check.compile_schema(SCHEMA)
    with pytest.raises(ValueError, match="does not know the schema keyword 'oneOf'"):
        schema_check.compile_schema({"type": "object", "properties": {"x": {"oneOf": []}}})
    with pytest.raises(ValueError, match="does not know the format 'email'"):
        schema_check.compile_schema({"type": "string", "format": "email"})


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=record_edits)
def test_what_the_importer_accepts_the_published_schema_accepts(source, edits):  # noqa: F811
    record = edit_record(json.loads(members(source.data)[session_file.RECORD]), edits)
    if CHECK(record, "record.json") is None:
        jsonschema.Draft202012Validator(SCHEMA).validate(record)


def test_the_container_is_laid_out_as_documented(source):  # noqa: F811
    data = source.data
    offset, offsets = 0, []
    for name in session_file.MEMBERS:
        fields = struct.unpack_from("<IHHHHHIIIHH", data, offset)
        signature, needed, flags, method, time, date, crc, packed, size, name_length, extra = fields
        assert (signature, needed, flags, method, time, date, extra) == (0x04034B50, 20, 0, 0, 0, 0x21, 0)
        assert packed == size and data[offset + 30 : offset + 30 + name_length] == name.encode()
        assert crc == zlib.crc32(members(data)[name])
        offsets.append(offset)
        offset += 30 + name_length + size
    for name, local in zip(session_file.MEMBERS, offsets, strict=True):
        fields = struct.unpack_from("<IHHHHHHIIIHHHHHII", data, offset)
        signature, made_by, needed, flags, method, *_, name_length, extra, comment, disk, internal, external, at = (
            fields
        )
        assert (signature, made_by, needed, flags, method) == (0x02014B50, 0x0314, 20, 0, 0)
        assert (extra, comment, disk, internal, external, at) == (0, 0, 0, 0, 0x81A40000, local)
        assert data[offset + 46 : offset + 46 + name_length] == name.encode()
        offset += 46 + name_length
    end = struct.unpack_from("<IHHHHIIH", data, offset)
    assert end[:5] == (0x06054B50, 0, 0, 5, 5) and end[7] == 0 and offset + 22 == len(data)
