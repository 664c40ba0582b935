"""The channels of a frame a fluorescence measurement can be made on: their codes and their words."""

from __future__ import annotations

from .wording import Text

# What the command line takes and what is stored with a measurement.
CHANNELS = ("nir", "green", "red", "blue", "gray")
# The channels as people read them.
CHANNEL_WORDS = {
    "nir": Text("near-infrared"),
    "green": Text("green"),
    "red": Text("red"),
    "blue": Text("blue"),
    "gray": Text("grey"),
}
