"""Loading a record from the database, whole or without its lesions' and complications' values."""

from __future__ import annotations

import dataclasses

from mimic_desktop.storage import repository


def test_a_record_without_child_values_holds_everything_else(store, service, recorded):
    service.add_complication(recorded, {"clavien_dindo": "II"})
    whole = repository.load_procedure(store.conn, recorded)
    light = repository.load_procedure(store.conn, recorded, child_values=False)
    assert whole.lesions and all(lesion.values for lesion in whole.lesions)
    assert whole.complications and all(comp.values for comp in whole.complications)
    assert [(lesion.id, lesion.number, lesion.values) for lesion in light.lesions] == [
        (lesion.id, lesion.number, {}) for lesion in whole.lesions
    ]
    assert [(comp.id, comp.number, comp.values) for comp in light.complications] == [
        (comp.id, comp.number, {}) for comp in whole.complications
    ]
    assert light.values == whole.values
    rest = {"lesions", "complications"}
    assert {k: v for k, v in dataclasses.asdict(light).items() if k not in rest} == {
        k: v for k, v in dataclasses.asdict(whole).items() if k not in rest
    }


def test_an_unknown_record_loads_as_none(store):
    assert repository.load_procedure(store.conn, "no-such-id") is None
    assert repository.load_procedure(store.conn, "no-such-id", child_values=False) is None
