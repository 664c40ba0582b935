"""The arithmetic behind the table: percentiles, ratios and verdicts."""

from __future__ import annotations

import pytest

from bench.core import Aim, Measure, NotAvailable, Row, percentile, require
from bench.report import amount

LATENCY = Measure("latency", "Latency", "s", "floor", Aim("≤ 3× baseline", 3.0, on_ratio=True))
RATE = Measure("rate", "Rate", "files/s", "floor", Aim("≥ 300 files/s", 300, at_least=True))


def test_percentile_is_an_observed_value_at_the_nearest_rank():
    samples = list(range(1, 101))
    assert percentile(samples, 0.99) == 99
    assert percentile(samples, 0.5) == 50
    assert percentile([7.0], 0.99) == 7.0
    assert percentile([3, 1, 2], 1.0) == 3


def test_ratio_is_the_cost_relative_to_the_baseline_for_times_and_rates():
    assert Row(LATENCY, value=0.006, baseline=0.002).ratio == pytest.approx(3.0)
    assert Row(RATE, value=500, baseline=2000).ratio == pytest.approx(4.0)


def test_verdicts():
    assert Row(LATENCY, value=0.006, baseline=0.002).verdict == "met"
    assert Row(LATENCY, value=0.0061, baseline=0.002).verdict == "MISSED"
    assert Row(RATE, value=299, baseline=2000).verdict == "MISSED"
    assert Row(RATE, value=300, baseline=2000).verdict == "met"
    assert Row(RATE, status="not available").verdict == "not available"


def test_amounts_are_readable():
    assert amount(0.00123, "s") == "1.23 ms"
    assert amount(0.25, "s") == "250.0 ms"
    assert amount(1.5, "s") == "1.50 s"
    assert amount(150 * 2**20, "bytes") == "150.0 MB"
    assert amount(1234.4, "files/s") == "1,234 files/s"


def test_a_missing_component_is_not_available_but_a_broken_one_is_an_error():
    with pytest.raises(NotAvailable):
        require("mimic_desktop.no_such_module")
    with pytest.raises(NotAvailable):
        require("mimic_desktop.services.simulate", "no_such_function")
    assert require("mimic_desktop.services.simulate", "record_procedure")
