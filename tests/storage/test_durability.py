"""Kill `simulate` with SIGKILL at random moments: no event id it printed may be lost."""

import os

import pytest

from tests.support.faults import kill_loop


def test_a_few_kills_lose_nothing(tmp_path):
    report = kill_loop(tmp_path / "kill.sqlite", kills=3, seed=1)
    assert report.problems == []
    assert len(report.acknowledged) > 0


@pytest.mark.slow
@pytest.mark.timeout(3600)  # about 200 x 3 s of recording, killing and checking the whole chain
def test_two_hundred_kills_lose_nothing(tmp_path):
    report = kill_loop(tmp_path / "kill.sqlite", kills=int(os.environ.get("MIMIC_KILLS", "200")), seed=1000)
    assert report.problems == []
    assert report.kills >= 200 or "MIMIC_KILLS" in os.environ
