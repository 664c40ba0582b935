"""A field asked only under a condition names an earlier field of its own section."""

import json
import shutil

import pytest

from mimic_desktop.domain import forms


@pytest.fixture
def fresh_forms():
    forms.crf.cache_clear()
    yield
    forms.crf.cache_clear()


def test_conditions_are_read_from_the_forms():
    assert forms.field_def("r1_type").shown_when == forms.Condition("margin_mm", below=1)
    assert forms.field_def("readmission_planned").shown_when == forms.Condition("readmission", equals=True)
    assert forms.field_def("margin_mm").shown_when is None


def test_a_condition_on_an_unknown_field_is_refused(tmp_path, monkeypatch, fresh_forms):
    folder = tmp_path / "forms"
    shutil.copytree(forms.forms_dir(), folder)
    crf = json.loads((folder / "crf.json").read_text(encoding="utf-8"))
    pathology = next(s for s in crf["sections"] if s["name"] == "pathology")
    next(f for f in pathology["fields"] if f["name"] == "r1_type")["shown_when"]["field"] = "size_mm"
    (folder / "crf.json").write_text(json.dumps(crf), encoding="utf-8")
    monkeypatch.setenv("MIMIC_FORMS_DIR", str(folder))
    monkeypatch.setenv("MIMIC_DEVELOPMENT", "1")
    with pytest.raises(ValueError, match="r1_type: shown_when names size_mm"):
        forms.crf()
