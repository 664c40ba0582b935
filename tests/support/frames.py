"""Synthetic near-infrared stills of known intensities: a bright rim around a dark lesion on a darker liver.

The intensities are known, so the ratio a measurement should find is known: RIM / LIVER. Noise of a known
spread (seeded) makes the regions' means estimates, as on a real frame.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

LIVER = 60.0  # the background's intensity
RIM = 180.0  # the fluorescent rim's intensity
LESION = 25.0  # the lesion inside the rim (no uptake)
NOISE_SD = 6.0
WIDTH, HEIGHT = 320, 240
# The rim's square ring: outer box and thickness; the measurement regions that fall wholly on each part.
RIM_BOX = (100, 60, 120, 120)  # x, y, w, h
RIM_THICKNESS = 20
TARGET = "105,65,110,12"  # a strip along the top of the rim
BACKGROUND = "10,10,60,200"  # liver, left of the lesion
KNOWN_RATIO = RIM / LIVER


def nir_frame(seed: int = 7, noise: float = NOISE_SD) -> np.ndarray:
    """A grey near-infrared frame (uint8)."""
    rng = np.random.default_rng(seed)
    plane = np.full((HEIGHT, WIDTH), LIVER)
    x, y, w, h = RIM_BOX
    plane[y : y + h, x : x + w] = RIM
    t = RIM_THICKNESS
    plane[y + t : y + h - t, x + t : x + w - t] = LESION
    plane += rng.normal(0.0, noise, plane.shape)
    return np.clip(np.rint(plane), 0, 255).astype(np.uint8)


def overlay_frame(seed: int = 7) -> np.ndarray:
    """A colour frame (blue, green, red) as a tower's overlay shows it: reddish tissue, the signal in green."""
    signal = nir_frame(seed)
    rng = np.random.default_rng(seed + 1)
    red = np.clip(rng.normal(150.0, 10.0, signal.shape), 0, 255).astype(np.uint8)
    blue = np.clip(rng.normal(70.0, 10.0, signal.shape), 0, 255).astype(np.uint8)
    return np.dstack([blue, signal, red])


def write(path: Path, frame: np.ndarray) -> Path:
    assert cv2.imwrite(str(path), frame)
    return path


def write_video(path: Path, frames_count: int = 30, fps: float = 5.0) -> Path:
    """A grey video whose frame i has intensity 8 * i everywhere: a frame's mean says which one it is."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (64, 48), False)
    assert writer.isOpened()
    for index in range(frames_count):
        writer.write(np.full((48, 64), 8 * index, np.uint8))
    writer.release()
    return path
