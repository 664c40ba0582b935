"""The tiny scrypt cost tests give the password hashes they make; the product never uses it."""

from __future__ import annotations

from mimic_desktop.storage.password_hash import Cost

TEST_COST = Cost(n=16, r=8, p=1)
