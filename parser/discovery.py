"""Plug-in discovery: every public module of a package that defines the given functions.

Readers (``parser.formats``) and LinkedIn layouts (``parser.linkedin.layouts``) are both found this
way, so that adding one is adding a module, with no registry to edit.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from types import ModuleType


def discover(package: str, path: Iterable[str], functions: tuple[str, ...]) -> list[ModuleType]:
    """The modules of ``package`` (not starting with "_") that define all of ``functions``,
    ordered by their ``PRIORITY`` then ``ID``, i.e. in the order they are to be asked."""
    modules = [
        importlib.import_module(f"{package}.{info.name}")
        for info in pkgutil.iter_modules(list(path))
        if not info.name.startswith("_")
    ]
    found = [m for m in modules if all(hasattr(m, name) for name in functions)]
    return sorted(found, key=lambda m: (m.PRIORITY, m.ID))
