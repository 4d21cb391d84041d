"""The shape of the package, as STYLE.md asks: folders that show the flow, small modules
and functions, only the engine adapter importing the engine, imports that point one way."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "mentorsite"
MODULES = sorted(PACKAGE.rglob("*.py"))


def name_of(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """The mentorsite modules a module imports when it is loaded (not for type checking)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                continue  # imported when called, as a command imports what only it needs
            if isinstance(child, ast.ImportFrom) and child.module:
                found.add(child.module)
                found.update(f"{child.module}.{alias.name}" for alias in child.names)
            elif isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names)
            visit(child)

    visit(tree)
    return found


def test_no_module_is_over_500_lines() -> None:
    long = {name_of(p): n for p in MODULES if (n := len(p.read_text().splitlines())) > 500}
    assert long == {}


def test_no_function_is_over_60_lines() -> None:
    long = {}
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1  # type: ignore[operator]
                if length > 60:
                    long[f"{name_of(path)}.{node.name}"] = length
    assert long == {}


def test_only_the_engine_adapter_imports_the_engine() -> None:
    engine = re.compile(r"^(mkdocs|properdocs|material)(\.|$)")
    importers = {
        name_of(path) for path in MODULES for module in _all_imports(path) if engine.match(module)
    }
    assert importers <= {
        "mentorsite.adapters.mkdocs.plugin",
        "mentorsite.adapters.mkdocs.config",
        "mentorsite.adapters.mkdocs.defaults",
        "mentorsite.adapters.mkdocs.preview",
        "mentorsite.adapters.mkdocs.project",
        "mentorsite.adapters.mkdocs.engine",  # chooses MkDocs or ProperDocs
    }


def _all_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_imports_have_no_circle() -> None:
    names = {name_of(path): path for path in MODULES}
    graph = {
        name: {m for m in imports(path) if m in names and m != name} for name, path in names.items()
    }
    circles = []
    state: dict[str, int] = {}

    def walk(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                circles.append([*trail[trail.index(nxt) :], nxt] if nxt in trail else [node, nxt])
            elif nxt not in state:
                walk(nxt, [*trail, nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            walk(name, [name])
    # A package's __init__ re-exporting its own modules is not a circle of the flow.
    circles = [c for c in circles if not all(c[0].startswith(p) for p in c)]
    assert circles == []


def test_templates_receive_urls_and_never_compose_them() -> None:
    templates = (REPO / "themes/default/templates").glob("*.j2")
    composed = [
        f"{path.name}: {match.group()}"
        for path in templates
        for match in re.finditer(
            r"""['"][^'"]*/[^'"]*['"]\s*\|\s*url|\}\}/|\?\{\{""", path.read_text()
        )
    ]
    assert composed == []


def test_imports_point_one_way() -> None:
    """The core knows nothing of the site, the site nothing of the engines."""
    above = {
        "core": ("mentorsite.site", "mentorsite.build", "mentorsite.adapters"),
        "mentorsite.site": ("mentorsite.build", "mentorsite.adapters"),
        "mentorsite.build": ("mentorsite.adapters",),
    }
    wrong = []
    for path in MODULES:
        name = name_of(path)
        layer = next((key for key in above if name.startswith(key)), "core")
        if name.startswith("mentorsite.adapters") or name == "mentorsite.__main__":
            continue
        wrong += [f"{name} → {m}" for m in _all_imports(path) if m.startswith(above[layer])]
    assert wrong == []
