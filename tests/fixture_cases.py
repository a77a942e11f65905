"""The fixture pairs under ``fixtures/``: ``<case>/input.*`` and ``<case>/expected.json``.

Shared by every test that runs over fixtures (parser, CLI, service, extension), so that adding a
case is adding two files. ``expected.json`` is either the expected Profile, or ``{"error": CODE}``
for an input that must be refused with that ``ParserError.code``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@dataclass(frozen=True)
class Case:
    name: str
    input: Path
    expected: dict[str, Any]

    @property
    def error(self) -> str | None:
        return self.expected.get("error") if set(self.expected) == {"error"} else None


def cases() -> list[Case]:
    found = []
    for folder in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        inputs = sorted(folder.glob("input*"))
        if len(inputs) != 1:
            raise ValueError(f"{folder.name}: expected exactly one input.* file, found {inputs}")
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        found.append(Case(folder.name, inputs[0], expected))
    return found


def differences(got: Any, want: Any, path: str = "") -> list[str]:
    """Every place where ``got`` differs from ``want``, as readable one-line messages."""
    if isinstance(want, dict) and isinstance(got, dict):
        out = []
        for key in sorted(set(want) | set(got)):
            where = f"{path}.{key}" if path else key
            if key not in got:
                out.append(f"{where}: missing, want {want[key]!r}")
            elif key not in want:
                out.append(f"{where}: unexpected {got[key]!r}")
            else:
                out.extend(differences(got[key], want[key], where))
        return out
    if isinstance(want, list) and isinstance(got, list):
        out = [f"{path}: {len(got)} items, want {len(want)}"] if len(got) != len(want) else []
        for i, (g, w) in enumerate(zip(got, want, strict=False)):
            out.extend(differences(g, w, f"{path}[{i}]"))
        return out
    return [] if got == want else [f"{path}: got {got!r}, want {want!r}"]
