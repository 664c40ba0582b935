"""Signal-to-background ratio (SBR) on a near-infrared frame: mean and spread of intensity in two rectangles.

The figures are what the published work under the same protocol measured by hand in ImageJ: the mean
intensity of a target region (the fluorescent rim around a lesion, or the margin) and of a background region
(normal liver), and their ratio. They are uncalibrated: pixel values of this one frame, which depend on the
camera's gain, the distance and the angle, so a ratio compares two regions of the same frame and nothing more.

numpy does the arithmetic (imported inside the functions: nothing here loads at start-up); reading an image
file is the services' part (services/fluorescence.py), so that this module takes an array from any source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..domain.errors import ValidationError
from ..domain.frame_channels import CHANNEL_WORDS, CHANNELS
from ..domain.wording import Text

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

# The name stored with every measurement, so that a later method can be told apart from this one.
METHOD = "sbr-mean-rectangles-1"
METHOD_TEXT = (
    "mean intensity of the target rectangle divided by the mean intensity of the background rectangle, "
    "on one channel of one frame; spread is the standard deviation of the region's pixels"
)
HONEST_TEXT = Text("uncalibrated, relative to this frame")
HONEST_WORDS = HONEST_TEXT.text()  # as stored with a measurement: the same words whatever the reader's language


# Where each colour is in a frame as OpenCV decodes it (blue, green, red).
_BGR_INDEX = {"blue": 0, "green": 1, "red": 2}
# ITU-R BT.601 luma weights (red, green, blue), the usual grey of a colour frame.
_LUMA = (0.299, 0.587, 0.114)
# A number of more digits than this is no pixel position on any frame.
_NUMBER = re.compile(r"-?\d{1,30}")
# Larger than any frame's side (an 8K frame is 7680 wide): a mask, which is not checked against a frame when it
# is set, may not name more.
LARGEST_PIXEL_NUMBER = 65_535
# The regions' names as people read them.
REGION_WORDS = {"target": Text("target"), "background": Text("background"), "mask": Text("mask")}


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    width: int
    height: int

    def text(self) -> str:
        return f"{self.x},{self.y},{self.width},{self.height}"


@dataclass(frozen=True)
class RegionFigures:
    rect: Rect
    mean: float
    sd: float
    pixels: int


@dataclass(frozen=True)
class Measurement:
    channel: str
    frame_width: int
    frame_height: int
    bit_depth: int
    target: RegionFigures
    background: RegionFigures
    ratio: float
    method: str = METHOD

    def as_json(self) -> dict[str, object]:
        def region(figures: RegionFigures) -> dict[str, object]:
            return {
                "rect": figures.rect.text(),
                "mean": figures.mean,
                "sd": figures.sd,
                "pixels": figures.pixels,
            }

        return {
            "channel": self.channel,
            "frame": {"width": self.frame_width, "height": self.frame_height, "bit_depth": self.bit_depth},
            "target": region(self.target),
            "background": region(self.background),
            "sbr": self.ratio,
            "method": self.method,
            "method_text": METHOD_TEXT,
            "calibration": HONEST_WORDS,
        }


def parse_rect(text: str, what: str) -> Rect:
    """X,Y,W,H in whole pixels (x and y from the top left corner); the size is checked against a frame later."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) != 4 or not all(_NUMBER.fullmatch(part) for part in parts):
        raise ValidationError(
            Text(
                "The {what} region {text!r} is not X,Y,W,H: four whole numbers of pixels, for example 120,80,40,30.",
                what=REGION_WORDS[what],
                text=text,
            ),
            what,
        )
    x, y, width, height = (int(part) for part in parts)
    if max(x, y, width, height) > LARGEST_PIXEL_NUMBER:
        raise ValidationError(
            Text(
                "The {what} region {text!r} names a pixel beyond {largest:,}: no frame is that large.",
                what=REGION_WORDS[what],
                text=text,
                largest=LARGEST_PIXEL_NUMBER,
            ),
            what,
        )
    if x < 0 or y < 0:
        raise ValidationError(
            Text("The {what} region starts at {x},{y}: a position is 0 or more.", what=REGION_WORDS[what], x=x, y=y),
            what,
        )
    if width <= 0 or height <= 0:
        raise ValidationError(
            Text(
                "The {what} region is {width} by {height} pixels: it needs a width and a height of 1 or more.",
                what=REGION_WORDS[what],
                width=width,
                height=height,
            ),
            what,
        )
    return Rect(x, y, width, height)


def _inside(rect: Rect, what: str, width: int, height: int) -> None:
    if rect.x + rect.width > width or rect.y + rect.height > height:
        raise ValidationError(
            Text(
                "The {what} region {rect} reaches outside the frame, which is {width} by {height} pixels.",
                what=REGION_WORDS[what],
                rect=rect.text(),
                width=width,
                height=height,
            ),
            what,
        )


def _clear_of_masks(rect: Rect, what: str, masks: Sequence[Rect]) -> None:
    for mask in masks:
        overlaps = (
            rect.x < mask.x + mask.width
            and mask.x < rect.x + rect.width
            and rect.y < mask.y + mask.height
            and mask.y < rect.y + rect.height
        )
        if overlaps:
            raise ValidationError(
                Text(
                    "The {what} region {rect} overlaps the mask {mask}: its pixels were blacked out before the frame"
                    " was kept, they are no tissue. Draw the region clear of it.",
                    what=REGION_WORDS[what],
                    rect=rect.text(),
                    mask=mask.text(),
                ),
                what,
            )


def channel_plane(frame: NDArray[np.generic], channel: str) -> NDArray[np.float64]:
    """The frame's intensities on one channel as floats: the near-infrared image itself (a grey frame), one
    colour of an overlay, or the grey of a colour frame."""
    import numpy as np

    if channel not in CHANNELS:
        raise ValidationError(
            Text(
                "{channel!r} is not a channel: choose one of {choices}.", channel=channel, choices=", ".join(CHANNELS)
            ),
            "channel",
        )
    grey = frame.ndim == 2 or (frame.ndim == 3 and frame.shape[2] == 1)
    if grey:
        plane = frame.reshape(frame.shape[0], frame.shape[1]).astype(np.float64)
        if channel in _BGR_INDEX:
            raise ValidationError(
                Text(
                    "This frame is grey, it has no {channel} channel: choose near-infrared (nir) or grey (gray).",
                    channel=CHANNEL_WORDS[channel],
                ),
                "channel",
            )
        return plane
    colours = frame[:, :, :3].astype(np.float64)  # a fourth channel (alpha) holds no light
    if channel in _BGR_INDEX:
        return colours[:, :, _BGR_INDEX[channel]]
    blue, green, red = colours[:, :, 0], colours[:, :, 1], colours[:, :, 2]
    if channel == "gray":
        return _LUMA[0] * red + _LUMA[1] * green + _LUMA[2] * blue
    if np.array_equal(blue, green) and np.array_equal(green, red):
        return green  # a grey near-infrared frame saved in colour
    raise ValidationError(
        Text(
            "This frame is in colour: the near-infrared signal is in the overlay's colour, so choose that colour's"
            " channel (green, red or blue), or grey (gray)."
        ),
        "channel",
    )


def _figures(plane: NDArray[np.float64], rect: Rect) -> RegionFigures:
    region = plane[rect.y : rect.y + rect.height, rect.x : rect.x + rect.width]
    return RegionFigures(rect, float(region.mean()), float(region.std()), int(region.size))


def measure(
    frame: NDArray[np.generic], target: Rect, background: Rect, channel: str = "nir", masks: Sequence[Rect] = ()
) -> Measurement:
    """Mean and spread in the target and background regions of one frame, and their ratio (SBR). masks are the
    rectangles blacked out of the frame when it was kept: a region may not reach into one."""
    import numpy as np

    if frame.ndim not in (2, 3) or frame.size == 0:
        raise ValidationError(Text("The frame holds no picture to measure."), "image")
    height, width = int(frame.shape[0]), int(frame.shape[1])
    _inside(target, "target", width, height)
    _inside(background, "background", width, height)
    _clear_of_masks(target, "target", masks)
    _clear_of_masks(background, "background", masks)
    plane = channel_plane(frame, channel)
    target_figures, background_figures = _figures(plane, target), _figures(plane, background)
    if background_figures.mean <= 0:
        raise ValidationError(
            Text(
                "The background region is black on the {channel} channel (mean 0): no ratio can be computed."
                " Choose a background on liver tissue.",
                channel=CHANNEL_WORDS[channel],
            ),
            "background",
        )
    bit_depth = 8 * np.dtype(frame.dtype).itemsize
    return Measurement(
        channel=channel,
        frame_width=width,
        frame_height=height,
        bit_depth=bit_depth,
        target=target_figures,
        background=background_figures,
        ratio=target_figures.mean / background_figures.mean,
    )
