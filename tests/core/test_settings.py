"""Production settings refuse to start unsafely and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SAFE_ENV = {
    "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
}


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", env={**SAFE_ENV, "ALLOWED_HOSTS": "samen.example.org"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set in the environment for production." in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", env={**SAFE_ENV, "SECRET_KEY": "x" * 60})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set in the environment for production." in result.stderr


def test_production_passes_check_deploy():
    env = {
        **SAFE_ENV,
        "SECRET_KEY": "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789" * 2,
        "ALLOWED_HOSTS": "samen.example.org",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_seed_demo_refuses_production_settings():
    env = {
        **SAFE_ENV,
        "SECRET_KEY": "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789" * 2,
        "ALLOWED_HOSTS": "samen.example.org",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    result = run_manage("seed_demo", env=env)
    assert result.returncode == 1
    assert "seed_demo refuses to run with production settings" in result.stderr
