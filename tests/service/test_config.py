"""The app factory and where its settings come from (defaults → env → YAML file → test_config)."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.app import create_app
from server.config import ConfigError, default_workers, load_settings
from server.rulebook import RulebookError


def test_defaults_are_safe() -> None:
    settings = load_settings({})
    assert settings["API_KEYS"] == ()
    assert settings["CORS_ORIGINS"] == ("chrome-extension://*", "moz-extension://*")
    assert settings["MAX_UPLOAD_MB"] == 20
    assert settings["RATE_LIMIT"] != "off"
    assert settings["RULES_DIR"] is None
    assert settings["TRUSTED_PROXIES"] == 0  # X-Forwarded-For is the client's to write


def test_environment_then_file_then_overrides(tmp_path: Path) -> None:
    config = tmp_path / "certsignal.yaml"
    config.write_text("rate_limit: 30/minute\nmax_upload_mb: 5\ncors_origins:\n"
                      "  - https://intranet.example.org\n", encoding="utf-8")
    environ = {"CERTSIGNAL_RATE_LIMIT": "100/minute", "CERTSIGNAL_API_KEYS": "alpha, beta",
               "CERTSIGNAL_MAX_UPLOAD_MB": "8", "CERTSIGNAL_CONFIG": str(config)}
    settings = load_settings(environ, {"MAX_UPLOAD_MB": 2})
    assert settings["API_KEYS"] == ("alpha", "beta")          # only the environment set it
    assert settings["RATE_LIMIT"] == "30/minute"               # the file beats the environment
    assert settings["CORS_ORIGINS"] == ("https://intranet.example.org",)
    assert settings["MAX_UPLOAD_MB"] == 2                      # explicit overrides beat both


@pytest.mark.parametrize(("environ", "message"), [
    ({"CERTSIGNAL_CORS_ORIGINS": "*"}, "not an origin"),
    ({"CERTSIGNAL_RATE_LIMIT": "lots"}, "not a rate"),
    ({"CERTSIGNAL_MAX_UPLOAD_MB": "-1"}, "positive"),
    ({"CERTSIGNAL_WORKERS": "two"}, "number"),
    ({"CERTSIGNAL_TRUSTED_PROXIES": "-1"}, "0 or more"),
    ({"CERTSIGNAL_TRUSTED_PROXIES": "1.5"}, "0 or more"),
    ({"CERTSIGNAL_TRUSTED_PROXIES": "the load balancer"}, "number"),
    ({"CERTSIGNAL_TRUSTED_PROXIES": "nan"}, "finite"),
    ({"CERTSIGNAL_WORKERS": "0"}, "1 or more"),
    ({"CERTSIGNAL_WORKERS": "inf"}, "finite"),
    ({"CERTSIGNAL_MAX_UPLOAD_MB": "inf"}, "finite"),
    ({"CERTSIGNAL_MAX_UPLOAD_MB": "nan"}, "finite"),
    ({"CERTSIGNAL_CONFIG": "/nonexistent/certsignal.yaml"}, "cannot be read"),
])
def test_bad_settings_fail_with_a_sentence(environ: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(environ)


def test_unknown_file_setting_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text("rate_limt: 5/minute\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting 'rate_limt'"):
        load_settings({"CERTSIGNAL_CONFIG": str(config)})


def test_a_settings_file_that_is_not_text_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_bytes(b"\xdd\x81\xfe rate_limit: 5/minute\n")
    with pytest.raises(ConfigError, match="not UTF-8 text"):
        load_settings({"CERTSIGNAL_CONFIG": str(config)})


def test_factory_applies_settings(make_app) -> None:
    app = make_app(MAX_UPLOAD_MB=1, API_KEYS="k1")
    assert app.config["MAX_CONTENT_LENGTH"] == 1024 * 1024
    assert app.config["API_KEYS"] == ("k1",)
    assert app.testing


def test_factory_reads_environment() -> None:
    app = create_app(environ={"CERTSIGNAL_API_KEYS": "from-env"})
    assert app.config["API_KEYS"] == ("from-env",)


def test_bad_rulebook_fails_startup(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("fields: [not, a, mapping]\n", encoding="utf-8")
    with pytest.raises(RulebookError, match=r"broken\.yaml"):
        create_app({"RULES_DIR": str(tmp_path)}, environ={})
    with pytest.raises(RulebookError, match="does not exist"):
        create_app({"RULES_DIR": str(tmp_path / "missing")}, environ={})


def test_default_workers_follow_the_cores() -> None:
    assert 1 <= default_workers() <= 1024
