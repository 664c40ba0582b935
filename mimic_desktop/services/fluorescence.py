"""Reading a near-infrared still from a file and measuring it: the command line's and the app's one way.

OpenCV (opencv-python-headless, the optional `video` extra) decodes the image; it is imported here, inside
the functions, so that the app starts without it and a laptop without the extra is told what to install.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path
from typing import TYPE_CHECKING

from ..analysis import fluorescence
from ..domain.errors import MimicError
from ..domain.wording import Text
from .input_files import read_capped

if TYPE_CHECKING:
    from types import ModuleType

    import numpy as np
    from numpy.typing import NDArray

# A still of a laparoscopic tower (1920x1080, or 4K) is a few megabytes as PNG; a file larger than this is
# no single frame.
IMAGE_LIMIT = 64 * 1024 * 1024
# An 8K frame (7680x4320) and a little more: a small file can name a picture of billions of pixels, which would
# take gigabytes to decode and stop every PDF and session file that holds it.
PIXEL_LIMIT = 8192 * 4320
_SQLITE_HEADER = b"SQLite format 3\x00"
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class NoVideoSupport(MimicError):
    """OpenCV is not installed: frames cannot be read."""


class NotAnImage(MimicError):
    """The file named is not an image OpenCV can read."""


def opencv() -> ModuleType:
    """The cv2 module, or a refusal that says how to install it."""
    # OpenCV refuses to decode more pixels than this (its own guard, read when it is imported).
    os.environ.setdefault("OPENCV_IO_MAX_IMAGE_PIXELS", str(PIXEL_LIMIT))
    try:
        import cv2
    except ImportError as error:
        if error.name != "cv2":  # OpenCV is there but what it stands on (numpy, a library) is not: say which
            raise NoVideoSupport(
                Text("OpenCV is installed but cannot be loaded: {error}.", error=str(error) or type(error).__name__)
            ) from None
        raise NoVideoSupport(
            Text(
                "Reading frames needs OpenCV, which is not installed: install the video extra"
                " (pip install 'mimic-desktop[video]')."
            )
        ) from None
    return cv2


def decode(data: bytes, name: str | Path) -> NDArray[np.generic]:
    """The pixels of an encoded image (PNG, JPEG, TIFF, BMP), as OpenCV gives them (grey, or blue-green-red)."""
    import numpy as np

    if data.startswith(_SQLITE_HEADER):
        raise NotAnImage(Text("{path} is a database, not an image: name a still of the video.", path=name))
    if not data:
        raise NotAnImage(Text("{path} is empty: it holds no image.", path=name))
    _refuse_too_many_pixels(data, name)
    cv2 = opencv()
    frame = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_UNCHANGED)
    if frame is None or frame.size == 0:
        raise NotAnImage(Text("{path} is not an image that can be read (PNG, JPEG, TIFF or BMP).", path=name))
    if frame.shape[0] * frame.shape[1] > PIXEL_LIMIT:
        _too_many(name, int(frame.shape[1]), int(frame.shape[0]))
    if frame.dtype not in (np.uint8, np.uint16):
        # A float or 32-bit picture is no camera's frame, and a frame kept as PNG holds 8 or 16 bits.
        raise NotAnImage(
            Text("{path} holds {kind} pixels: a frame has 8 or 16 bits per channel.", path=name, kind=str(frame.dtype))
        )
    result: NDArray[np.generic] = frame
    return result


def _refuse_too_many_pixels(data: bytes, name: str | Path) -> None:
    """A PNG says its size in its first bytes: refused before anything is decoded. (Other formats are checked by
    OpenCV's own limit, and after decoding.)"""
    if data.startswith(_PNG_SIGNATURE) and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        if width * height > PIXEL_LIMIT:
            _too_many(name, width, height)


def _too_many(name: str | Path, width: int, height: int) -> None:
    raise NotAnImage(
        Text(
            "{path} is {width} by {height} pixels, more than a frame of the tower can be ({limit:,} pixels at most).",
            path=name,
            width=width,
            height=height,
            limit=PIXEL_LIMIT,
        )
    )


def read_image(path: Path) -> NDArray[np.generic]:
    """The pixels of an image file; a plain refusal for a missing, empty, unreadable or non-image file."""
    return decode(read_capped(path, IMAGE_LIMIT, "a still of the video"), path)


def measure_file(path: Path, target: str, background: str, channel: str = "nir") -> fluorescence.Measurement:
    """The figures of `mimic-desktop fluorescence measure`: the regions are checked before the file is read."""
    target_rect = fluorescence.parse_rect(target, "target")
    background_rect = fluorescence.parse_rect(background, "background")
    return fluorescence.measure(read_image(path), target_rect, background_rect, channel)
