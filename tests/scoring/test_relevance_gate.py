"""The relevance gate: ROC AUC >= 0.90 over benchmarks/relevance/pairs.yaml (shipped rulebook)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "relevance_auc.py"


def _module():
    spec = importlib.util.spec_from_file_location("relevance_auc", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_auc_is_mann_whitney():
    auc = _module().auc
    assert auc([0.9, 0.8, 0.1, 0.2], [True, True, False, False]) == 1.0
    assert auc([0.1, 0.2, 0.9, 0.8], [True, True, False, False]) == 0.0
    assert auc([0.5, 0.5], [True, False]) == 0.5  # a tie counts half
    assert auc([0.3, 0.6, 0.4, 0.9], [False, True, True, False]) == 0.5
    assert auc([0.3], [True]) is None


def test_relevance_auc_gate(capsys):
    module = _module()
    if not module.PAIRS.exists():
        pytest.skip("benchmarks/relevance/pairs.yaml is not there yet")
    status = module.main([])
    out = capsys.readouterr().out
    assert status == 0, out
    assert "AUC overall" in out
