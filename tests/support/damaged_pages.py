"""A database file damaged as failing disks and cut copies damage one: a page zeroed, a page header
overwritten, bytes scattered over a page, the file cut short, the file header zeroed."""

from __future__ import annotations

import random


def page_layout(data: bytes) -> tuple[int, int]:
    size = int.from_bytes(data[16:18], "big")
    return size, len(data) // size


def damaged(pristine: bytes, how: str, rng: random.Random) -> bytes:
    size, pages = page_layout(pristine)
    data = bytearray(pristine)
    page = rng.randrange(1, pages)
    if how == "page zeroed":
        data[page * size : (page + 1) * size] = bytes(size)
    elif how == "page header overwritten":
        data[page * size : page * size + 64] = b"\xde\xad\xbe\xef" * 16
    elif how == "bytes scattered over a page":
        for _ in range(64):
            data[rng.randrange(page * size, (page + 1) * size)] = rng.randrange(256)
    elif how == "truncated":
        data = data[: rng.randrange(size, len(data))]
    elif how == "file header zeroed":
        data[:100] = bytes(100)
    return bytes(data)


HOW = ("page zeroed", "page header overwritten", "bytes scattered over a page", "truncated", "file header zeroed")
