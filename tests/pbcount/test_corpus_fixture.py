"""The pabulib_dir fixture: PABULIB_DIR wins, a missing corpus skips, but fails under CI=true."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pbcount.conftest import require_pabulib_dir


def test_pabulib_dir_env_is_used(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PABULIB_DIR", str(tmp_path))
    assert require_pabulib_dir() == tmp_path


def test_missing_corpus_skips(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PABULIB_DIR", str(tmp_path / "absent"))
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception) as caught:
        require_pabulib_dir()
    assert (
        str(caught.value) == f"Pabulib corpus not found at {tmp_path / 'absent'}; set PABULIB_DIR"
    )


def test_missing_corpus_fails_under_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PABULIB_DIR", str(tmp_path / "absent"))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        require_pabulib_dir()
