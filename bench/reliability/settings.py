"""How big each part of the report runs: small with --quick, in full otherwise."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    quick: bool
    kills: int  # SIGKILLs during `simulate`
    fuzzed: int  # mutated session files fed to the importer
    byte_values: tuple[int, ...]  # the XOR masks each byte of the small signed file is changed with
    whole_file_flips: bool  # also flip every byte of a real session file with its PDFs
    backup_kills: int = 25  # SIGKILLs during backups, and as many during restores

    @classmethod
    def make(cls, quick: bool, kills: int | None = None, fuzzed: int | None = None) -> Settings:
        if quick:
            return cls(True, kills or 2, fuzzed or 300, (0x01, 0xFF), False, backup_kills=3)
        return cls(False, kills or 200, fuzzed or 10_000, tuple(range(1, 256)), True)
