"""The signal-to-background ratio of a near-infrared still, from the array and from `fluorescence measure`.

Frames are made here with known intensities (tests/support/frames.py): the ratio measured must be the known
one within 1%; a region or a file that cannot be measured is refused in words, exit status 2, no traceback.
"""

from __future__ import annotations

import json

import pytest

from mimic_desktop.analysis import fluorescence
from mimic_desktop.cli.main import main
from mimic_desktop.domain.errors import ValidationError
from tests.support import frames


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["fluorescence", "measure", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def measured(capsys, image, *extra: str) -> dict:
    code, out, err = run(
        capsys, "--image", str(image), "--target", frames.TARGET, "--background", frames.BACKGROUND, "--json", *extra
    )
    assert code == 0, err
    return json.loads(out)


def test_the_ratio_of_a_grey_near_infrared_frame_is_the_known_one(tmp_path, capsys):
    image = frames.write(tmp_path / "still.png", frames.nir_frame())
    figures = measured(capsys, image)
    assert figures["sbr"] == pytest.approx(frames.KNOWN_RATIO, rel=0.01)
    assert figures["target"]["mean"] == pytest.approx(frames.RIM, rel=0.01)
    assert figures["background"]["mean"] == pytest.approx(frames.LIVER, rel=0.01)
    # The spread is the noise put in, within what 12,000 pixels allow.
    assert figures["background"]["sd"] == pytest.approx(frames.NOISE_SD, rel=0.05)
    assert figures["target"]["pixels"] == 110 * 12 and figures["background"]["pixels"] == 60 * 200
    assert figures["channel"] == "nir" and figures["calibration"] == "uncalibrated, relative to this frame"
    assert figures["method"] == fluorescence.METHOD


def test_the_overlay_colour_channel_of_a_colour_frame(tmp_path, capsys):
    image = frames.write(tmp_path / "overlay.png", frames.overlay_frame())
    assert measured(capsys, image, "--channel", "green")["sbr"] == pytest.approx(frames.KNOWN_RATIO, rel=0.01)
    # The red channel holds tissue, not the signal: no rim there.
    assert measured(capsys, image, "--channel", "red")["sbr"] == pytest.approx(1.0, abs=0.05)
    # nir on a colour frame is refused: the signal's channel must be named.
    code, _, err = run(capsys, "--image", str(image), "--target", frames.TARGET, "--background", frames.BACKGROUND)
    assert code == 2 and "This frame is in colour" in err


def test_a_lossy_still_still_measures_within_one_percent(tmp_path, capsys):
    image = frames.write(tmp_path / "still.jpg", frames.nir_frame())
    assert measured(capsys, image)["sbr"] == pytest.approx(frames.KNOWN_RATIO, rel=0.01)


def test_the_plain_output_says_the_figures_are_uncalibrated(tmp_path, capsys):
    image = frames.write(tmp_path / "still.png", frames.nir_frame(noise=0))
    code, out, _ = run(capsys, "--image", str(image), "--target", frames.TARGET, "--background", frames.BACKGROUND)
    assert code == 0
    assert "Signal-to-background ratio: 3.000" in out and out.count("uncalibrated, relative to this frame") == 2


def test_sixteen_bit_frames_keep_their_depth():
    import numpy as np

    frame = (frames.nir_frame(noise=0).astype(np.uint16)) * 256
    result = fluorescence.measure(
        frame,
        fluorescence.parse_rect(frames.TARGET, "target"),
        fluorescence.parse_rect(frames.BACKGROUND, "background"),
    )
    assert result.bit_depth == 16 and result.ratio == pytest.approx(frames.KNOWN_RATIO)


@pytest.mark.parametrize(
    ("target", "words"),
    [
        ("300,200,40,30", "reaches outside the frame, which is 320 by 240 pixels"),
        ("0,0,321,10", "reaches outside the frame"),
        ("10,10,0,5", "needs a width and a height of 1 or more"),
        ("10,10,5,-5", "needs a width and a height of 1 or more"),
        ("-1,10,5,5", "a position is 0 or more"),
        (f"{2**63},0,5,5", "no frame is that large"),
        (f"0,0,{2**63},{2**63}", "no frame is that large"),
        ("1" * 40 + ",0,5,5", "is not X,Y,W,H"),
        ("10,10,5", "is not X,Y,W,H"),
        ("10,10,5,5.5", "is not X,Y,W,H"),
        ("=1+1,0,5,5", "is not X,Y,W,H"),
        ("10,10,\x1b5,5", "is not X,Y,W,H"),
    ],
)
def test_a_region_that_cannot_be_measured_is_named(tmp_path, capsys, target, words):
    image = frames.write(tmp_path / "still.png", frames.nir_frame())
    # --target=VALUE: a value starting with "-" is the value, not another option.
    code, out, err = run(capsys, "--image", str(image), f"--target={target}", "--background", frames.BACKGROUND)
    assert code == 2 and out == ""
    assert words in err and "target region" in err


def test_a_black_background_gives_no_ratio(tmp_path, capsys):
    import numpy as np

    frame = frames.nir_frame(noise=0)
    frame[:, :80] = 0
    image = frames.write(tmp_path / "still.png", frame)
    code, _, err = run(capsys, "--image", str(image), "--target", frames.TARGET, "--background", frames.BACKGROUND)
    assert code == 2 and "The background region is black" in err
    assert np.count_nonzero(frame[:, :80]) == 0


def test_files_that_are_no_still_are_refused_in_words(tmp_path, capsys, store):
    cases = {
        tmp_path / "missing.png": "There is no file",
        tmp_path / "empty.png": "is empty: it holds no image",
        tmp_path / "notes.png": "is not an image that can be read",
        tmp_path: "is a folder, not a file",
        store.path: "is a database, not an image",
    }
    (tmp_path / "empty.png").write_bytes(b"")
    (tmp_path / "notes.png").write_text("not a picture\n")
    for path, words in cases.items():
        code, out, err = run(capsys, "--image", str(path), "--target", frames.TARGET, "--background", frames.BACKGROUND)
        assert code == 2 and out == "" and words in err, (path, err)


def test_a_truncated_png_is_refused(tmp_path, capsys):
    whole = frames.write(tmp_path / "whole.png", frames.nir_frame())
    cut = tmp_path / "cut.png"
    cut.write_bytes(whole.read_bytes()[:200])
    code, _, err = run(capsys, "--image", str(cut), "--target", frames.TARGET, "--background", frames.BACKGROUND)
    assert code == 2 and "is not an image that can be read" in err


def test_the_region_errors_are_said_in_dutch():
    with pytest.raises(ValidationError) as raised:
        fluorescence.parse_rect("1,2,3", "background")
    from mimic_desktop.domain.wording import said

    assert said(raised.value, "nl").startswith("Het achtergrondgebied '1,2,3' is geen X,Y,B,H")


def test_with_a_dutch_locale_the_figures_are_worded_in_dutch(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    image = frames.write(tmp_path / "still.png", frames.nir_frame())
    code, out, err = run(capsys, "--image", str(image), "--target", frames.TARGET, "--background", frames.BACKGROUND)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Kanaal: nabij-infrarood (ongekalibreerd, ten opzichte van dit beeld)"
    assert lines[1].startswith(f"Doel {frames.TARGET}: gemiddelde ") and "pixels)" in lines[1]
    assert lines[2].startswith(f"Achtergrond {frames.BACKGROUND}: gemiddelde ")
    assert lines[3].startswith("Signaal-achtergrondverhouding: ") and "methode sbr-mean-rectangles-1" in lines[3]
    assert "," in lines[3].split(" ")[1]  # the ratio with the Dutch decimal comma
