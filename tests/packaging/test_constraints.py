"""packaging/constraints.txt pins every dependency exactly, and what is installed is what it pins."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def pins() -> dict[str, str]:
    found = {}
    for line in (ROOT / "packaging" / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, equals, version = line.partition("==")
            assert equals and version, f"not an exact pin: {line}"
            found[canonical(name)] = version
    return found


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(requirement: str) -> str:
    return canonical(re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0])


def test_every_dependency_of_the_app_its_tests_and_the_bundle_is_pinned():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    named = project["dependencies"] + [
        r for name in ("central", "video", "test", "package") for r in extras.get(name, [])
    ]
    missing = {requirement_name(r) for r in named} - set(pins()) - {canonical(project["name"])}
    assert not missing, f"add to packaging/constraints.txt: {sorted(missing)}"


def test_the_installed_versions_are_the_pinned_ones():
    differ = {}
    for name, version in pins().items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue  # an extra not installed here (the bundle's PyInstaller outside the slow runs)
        if installed != version:
            differ[name] = (installed, version)
    assert not differ, f"installed against pinned (refresh as DEVELOPERS.md says): {differ}"
