"""The service's settings (DESIGN.md, "Configuration"): one table, read in a fixed order.

Order, later wins: the defaults below → ``CERTSIGNAL_*`` environment variables → the YAML file
named by ``CERTSIGNAL_CONFIG`` (a file is the more deliberate choice, so it beats a stray
variable) → explicit overrides (``certsignal serve`` options, or a test's ``test_config``).
Every value is checked here, so a typo fails at startup with a sentence, not later with a trace.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ENV_PREFIX = "CERTSIGNAL_"
CONFIG_FILE_VARIABLE = "CERTSIGNAL_CONFIG"
_RATE = re.compile(r"^\s*\d+\s*(/|per)\s*\d*\s*(second|minute|hour|day)s?\s*$", re.IGNORECASE)


class ConfigError(Exception):
    """A setting has a value the service cannot use."""


def _strings(name: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        items = list(value)
    else:
        raise ConfigError(f"{name} must be a comma-separated string or a list of strings")
    return tuple(item.strip() for item in items if item.strip())


def _origins(name: str, value: Any) -> tuple[str, ...]:
    origins = _strings(name, value)
    for origin in origins:
        # A bare "*" would let every web page call the API with a recruiter's key: refused.
        if origin == "*" or "://" not in origin or origin.startswith("*"):
            raise ConfigError(f"{name}: {origin!r} is not an origin such as "
                              "'chrome-extension://*' or 'https://intranet.example.org'")
    return origins


def _rate(name: str, value: Any) -> str:
    text = str(value).strip()
    if text.lower() in ("off", "none", "false", "0", ""):
        return "off"
    if not all(_RATE.match(part) for part in text.split(";")):
        raise ConfigError(f"{name}: {text!r} is not a rate such as '300/minute' or 'off'")
    return text


def _number(name: str, value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{name} must be a number, not {value!r}") from None
    if not math.isfinite(number):  # "inf" and "nan" parse as floats, but size nothing
        raise ConfigError(f"{name} must be a finite number, not {value!r}")
    return number


def _positive_number(name: str, value: Any) -> float:
    number = _number(name, value)
    if number <= 0:
        raise ConfigError(f"{name} must be positive, not {value!r}")
    return number


def _whole_number(name: str, value: Any, minimum: int) -> int:
    number = _number(name, value)
    if number < minimum or number != int(number):
        raise ConfigError(f"{name} must be a whole number, {minimum} or more, not {value!r}")
    return int(number)


def _workers(name: str, value: Any) -> int | None:
    if value is None or value == "":
        return None
    return _whole_number(name, value, 1)


def _count(name: str, value: Any) -> int:
    return _whole_number(name, value, 0)


def _directory(name: str, value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(Path(str(value)).expanduser())


@dataclass(frozen=True)
class Setting:
    default: Any
    check: Callable[[str, Any], Any]
    help: str


# The one table of settings: Flask config key (= variable name without the prefix) → spec.
SETTINGS: dict[str, Setting] = {
    "API_KEYS": Setting((), _strings, "keys accepted on /api/v1 (all but health) when set"),
    "CORS_ORIGINS": Setting(("chrome-extension://*", "moz-extension://*"), _origins,
                            "origins allowed to call /api/v1 from a browser"),
    # One recruiter clicking through profiles makes a few requests a minute; this leaves room
    # for a batch of uploads while still stopping a runaway client.
    "RATE_LIMIT": Setting("600/minute", _rate, "per-client request rate, or 'off'"),
    "MAX_UPLOAD_MB": Setting(20.0, _positive_number, "largest request body, in MB"),
    "RULES_DIR": Setting(None, _directory, "directory of YAML files overriding the rulebook"),
    "WORKERS": Setting(None, _workers, "server worker processes (default: one per core)"),
    # X-Forwarded-For is whatever the client wrote unless a proxy of ours overwrote it: trusted
    # only when the operator says how many proxies stand in front, never by default.
    "TRUSTED_PROXIES": Setting(0, _count, "reverse proxies in front of the service whose "
                                          "X-Forwarded-For is trusted (0: none)"),
}


def defaults() -> dict[str, Any]:
    return {key: spec.default for key, spec in SETTINGS.items()}


def from_environment(environ: Mapping[str, str]) -> dict[str, Any]:
    """The ``CERTSIGNAL_*`` variables that are set, checked."""
    found = {}
    for key, spec in SETTINGS.items():
        variable = ENV_PREFIX + key
        if variable in environ:
            found[key] = spec.check(variable, environ[variable])
    return found


def from_file(path: Path | str) -> dict[str, Any]:
    """A YAML mapping whose keys are the setting names, in any case (``rate_limit: 60/minute``)."""
    try:
        document = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: cannot be read (not UTF-8 text)") from None
    except yaml.YAMLError as error:
        raise ConfigError(f"{path}: invalid YAML ({error})".replace("\n", " ")) from None
    if document is None:
        return {}
    if not isinstance(document, dict):
        raise ConfigError(f"{path}: must be a mapping of setting names to values")
    found = {}
    for raw_key, value in document.items():
        key = str(raw_key).upper().removeprefix(ENV_PREFIX)
        if key not in SETTINGS:
            known = ", ".join(k.lower() for k in SETTINGS)
            raise ConfigError(f"{path}: unknown setting {raw_key!r} (known: {known})")
        found[key] = SETTINGS[key].check(f"{path}: {raw_key}", value)
    return found


def check_overrides(overrides: Mapping[str, Any]) -> dict[str, Any]:
    """Explicit values (CLI options, tests): settings are checked, other Flask keys pass."""
    return {key: SETTINGS[key].check(key, value) if key in SETTINGS else value
            for key, value in overrides.items()}


def load_settings(
    environ: Mapping[str, str] | None = None, overrides: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Defaults → environment → ``CERTSIGNAL_CONFIG`` file → overrides."""
    environ = os.environ if environ is None else environ
    settings = defaults()
    settings.update(from_environment(environ))
    if environ.get(CONFIG_FILE_VARIABLE):
        settings.update(from_file(environ[CONFIG_FILE_VARIABLE]))
    if overrides:
        settings.update(check_overrides(overrides))
    return settings


def default_workers() -> int:
    """One worker per core the process may use: scoring is CPU-bound, so more would only queue."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)
