"""pbcount must stay framework-free so researchers can use it without the platform."""

import ast
import subprocess
import sys
from pathlib import Path

PBCOUNT = Path(__file__).resolve().parent.parent / "pbcount"
FORBIDDEN = ("django", "samen", "config")


def imported_roots(source: str) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_no_pbcount_module_imports_django_or_samen():
    offenders = {
        str(path.relative_to(PBCOUNT.parent)): sorted(
            imported_roots(path.read_text()) & set(FORBIDDEN)
        )
        for path in sorted(PBCOUNT.rglob("*.py"))
    }
    assert {path: roots for path, roots in offenders.items() if roots} == {}


def test_importing_every_pbcount_module_loads_no_framework():
    script = (
        "import importlib, pkgutil, sys, pbcount\n"
        "for m in pkgutil.walk_packages(pbcount.__path__, 'pbcount.'):\n"
        "    if not m.name.endswith('__main__'):\n"
        "        importlib.import_module(m.name)\n"
        f"bad = sorted(n for n in sys.modules if n.split('.')[0] in {FORBIDDEN!r})\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=PBCOUNT.parent,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert result.stdout.strip() == ""
