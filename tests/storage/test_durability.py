"""Kill `simulate` with SIGKILL at random moments: no event id it printed may be lost."""

import os

import pytest

from tests.support.faults import kill_loop


def assert_nothing_lost(report, kills: int) -> None:
    assert report.problems == []
    assert report.kills == kills
    assert report.lost == 0
    assert report.integrity_ok == report.chain_ok == kills, "after every kill: integrity_check ok, chain verified"
    assert len(report.acknowledged) > 0 and report.stored_events >= len(report.acknowledged)


def test_a_few_kills_lose_nothing(tmp_path):
    assert_nothing_lost(kill_loop(tmp_path / "kill.sqlite", kills=3, seed=1), 3)


@pytest.mark.slow
@pytest.mark.timeout(3600)  # about 200 x 3 s of recording, killing and checking the whole chain
def test_two_hundred_kills_lose_nothing(tmp_path):
    kills = int(os.environ.get("MIMIC_KILLS", "200"))
    assert_nothing_lost(kill_loop(tmp_path / "kill.sqlite", kills=kills, seed=1000), kills)
