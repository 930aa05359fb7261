"""Every third-party module the code imports, at the top or inside a function, is declared in
pyproject.toml, and so is what a library we use imports only when a feature of it runs."""

from __future__ import annotations

import ast
import importlib.metadata
import importlib.util
import re
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("service", "forms")

#: Modules the code imports that no pip distribution provides, with where they come from.
SYSTEM_MODULES = {
    # service/documents/uno_bridge.py runs under Debian's python3 with python3-uno, never in
    # the service's virtualenv (service/documents/pdf.py starts it as a separate process).
    "uno": "service/documents/uno_bridge.py",
    "com": "service/documents/uno_bridge.py",
}

#: (module, name) the code imports → (distribution, extra, module that name imports when used).
#: WTForms' Email validator imports email_validator only when a form is validated.
OPTIONAL_RUNTIME_NEEDS = {
    ("wtforms.validators", "Email"): ("WTForms", "email", "email_validator"),
}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _sources() -> list[Path]:
    return sorted(path for package in PACKAGES for path in (ROOT / package).rglob("*.py"))


def _imports() -> dict[str, set[str]]:
    """Top-level module name → the files importing it (module level and inside functions)."""
    found: dict[str, set[str]] = {}
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                found.setdefault(name.split(".")[0], set()).add(str(path.relative_to(ROOT)))
    return found


def _imported_names() -> set[tuple[str, str]]:
    """(module, name) of every ``from module import name`` in the code."""
    pairs = set()
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                pairs |= {(node.module, alias.name) for alias in node.names}
    return pairs


def _declared() -> dict[str, Requirement]:
    """pyproject.toml's run-time dependencies by normalised distribution name."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [Requirement(line) for line in project["dependencies"]]
    return {_normal(requirement.name): requirement for requirement in requirements}


def _distributions(module: str) -> set[str]:
    return {_normal(name) for name in importlib.metadata.packages_distributions().get(module, [])}


def _is_third_party(module: str) -> bool:
    return module not in sys.stdlib_module_names and module not in PACKAGES


def test_every_imported_third_party_module_is_declared() -> None:
    declared = _declared()
    missing = {}
    for module, files in sorted(_imports().items()):
        if not _is_third_party(module) or module in SYSTEM_MODULES:
            continue
        distributions = _distributions(module)
        assert distributions, f"{module} (imported in {sorted(files)}) is not installed"
        if not distributions & declared.keys():
            missing[module] = (sorted(distributions), sorted(files))
    assert missing == {}, f"imported but not in pyproject.toml's dependencies: {missing}"


def test_the_system_modules_list_is_still_true() -> None:
    """An entry for a module nobody imports any more would hide a future undeclared import."""
    imports = _imports()
    for module, source in SYSTEM_MODULES.items():
        assert source in imports.get(module, set()), module
        assert not _distributions(module), f"{module} is a pip distribution now: declare it"


def test_optional_run_time_needs_of_libraries_are_declared() -> None:
    declared = _declared()
    used = _imported_names()
    assert used & OPTIONAL_RUNTIME_NEEDS.keys(), "the table no longer matches any import"
    for key, (distribution, extra, module) in OPTIONAL_RUNTIME_NEEDS.items():
        if key not in used:
            continue
        # The library's own metadata names the module's distribution under that extra.
        requires = [Requirement(line) for line in importlib.metadata.requires(distribution) or []]
        in_extra = {
            _normal(r.name)
            for r in requires
            if r.marker is not None and r.marker.evaluate({"extra": extra})
        }
        provides = _distributions(module)
        assert provides and provides <= in_extra, (key, provides, in_extra)
        library = declared.get(_normal(distribution))
        covered = provides & declared.keys() or (library is not None and extra in library.extras)
        assert covered, f"{key[0]}.{key[1]} needs {module}: declare it or {distribution}[{extra}]"
        assert importlib.util.find_spec(module) is not None, f"{module} is not installed"
