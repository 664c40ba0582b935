"""The synthetic cohort: complete, valid records, the same for a seed, Table 1 where the form allows, scalable."""

import statistics
from collections import Counter
from dataclasses import asdict, replace
from itertools import islice

import pytest

from mimic_desktop.domain import derive, forms, rules, values
from mimic_desktop.domain.errors import ValidationError
from mimic_desktop.exchange.record_json import record_from_dict, record_to_dict
from mimic_desktop.services.synthetic_cohort import check_scale, scale_for_lesions, synthetic_cohort
from mimic_desktop.services.trial_report import report_data, tables_from_records, trial_report


@pytest.fixture(scope="module")
def cohort():
    return list(synthetic_cohort(seed=1))


def test_every_record_is_complete_and_every_value_valid(cohort):
    for proc in cohort:
        assert rules.missing_for_completion(proc) == [], proc.study_id
        assert derive.status(proc) is derive.Status.COMPLETE
        entities = [proc.values, *(lesion.values for lesion in proc.lesions), *(c.values for c in proc.complications)]
        for entity in entities:
            for name, value in entity.items():
                assert values.normalise(forms.field_def(name), value) == value, (proc.study_id, name, value)
        moments = [event.at for event in proc.events]
        assert moments == sorted(moments)
        assert proc.first_event("closure") is proc.live_events()[-1]


def test_records_survive_the_session_format(cohort):
    for proc in cohort[:20]:
        document = record_to_dict(proc, session_version=1, exported_at=proc.completed_at, audit_head="0" * 64)
        assert record_from_dict(document) == replace(proc, export_version=1, exported_at=proc.completed_at)


def test_the_same_seed_gives_the_same_cohort_and_another_seed_another(cohort):
    again = list(islice(synthetic_cohort(seed=1), 5))
    assert [asdict(p) for p in again] == [asdict(p) for p in cohort[:5]]
    other = list(synthetic_cohort(seed=2))
    assert [p.session_id for p in other] != [p.session_id for p in cohort]
    assert sum(len(p.lesions) for p in other) == sum(len(p.lesions) for p in cohort) == 436


def test_table_1_where_the_case_report_form_allows_it(cohort):
    def count(name):
        return Counter(p.get(name) for p in cohort)

    assert len(cohort) == 201 and len({p.centre for p in cohort}) == 8
    assert count("sex") == {"female": 85, "male": 116}
    assert count("neoadjuvant_chemo")[True] == 58
    assert count("approach")["robot"] == 130
    assert count("primary_location") == {
        "ascending": 40,
        "transverse": 6,
        "descending": 9,
        "sigmoid": 72,
        "rectum": 72,
        None: 2,
    }
    assert count("m_stage") == {"M0": 99, "M1": 102}
    ages = [p.get("age") for p in cohort]
    assert statistics.median(ages) == 65
    assert [round(q) for q in statistics.quantiles(ages, n=4)] == [57, 65, 72]
    assert statistics.median(p.get("cea") for p in cohort) == 5.9
    assert statistics.median(p.get("largest_lesion_mm") for p in cohort) == 22
    assert statistics.median(p.get("hospital_stay_days") for p in cohort) == 3
    grades = Counter(c.get("clavien_dindo") for p in cohort for c in p.complications)
    assert sum(grades[g] for g in ("I", "II")) == 15 and sum(grades[g] for g in ("IIIa", "IIIb", "IVa")) == 11
    assert not any(p.demo for p in cohort)


def test_study_ids_follow_the_order_of_surgery_within_a_centre(cohort):
    for centre in {p.centre for p in cohort}:
        procedures = [p for p in cohort if p.centre == centre]
        assert [p.study_id for p in procedures] == sorted(p.study_id for p in procedures)
        days = [derive.surgery_date(p) for p in procedures]
        assert days == sorted(days) and len(set(days)) == len(days)


def test_a_larger_scale_multiplies_every_count():
    doubled = list(synthetic_cohort(seed=3, scale=2))
    assert len(doubled) == 402
    assert len({p.study_id for p in doubled}) == 402 and len({p.session_id for p in doubled}) == 402
    assert len({p.centre for p in doubled}) == 16
    report = report_data(trial_report(tables_from_records(doubled), "two copies"))
    table = report["diagnostic"]["contingency"]
    assert [table["fluorescent"][k] for k in ("vascular_r1", "parenchymal_r1", "r0")] == [28, 36, 54]
    assert [table["clear"][k] for k in ("vascular_r1", "parenchymal_r1", "r0")] == [2, 40, 472]
    assert report["management"]["any_change"]["count"] == 112


def test_the_benchmarks_cohort_fits_the_study_ids_and_a_larger_one_is_refused():
    assert scale_for_lesions(100_000) == 230
    check_scale(230)
    for scale in (0, 2000):
        with pytest.raises(ValidationError, match="does not fit the study IDs"):
            check_scale(scale)
    with pytest.raises(ValidationError):
        next(synthetic_cohort(scale=0))
