"""The generator's import graph follows the pipeline declared in generator/__init__.py:
every module has a layer, imports go to the same or an earlier layer, and no modules import
each other in a circle (imports inside functions count: they only hide a circle; imports for
type checkers only, under `if TYPE_CHECKING:`, don't: they never run)."""

from __future__ import annotations

import ast
from pathlib import Path

import generator
from generator import LAYERS

PACKAGE = Path(generator.__file__).parent


def _modules() -> dict[str, Path]:
    """Every module of the package by its name relative to `generator` (`pages.links`)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts:
            found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(path: Path) -> set[str]:
    """The generator modules `path` imports, anywhere in it."""
    targets = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "generator":
            base = node.module.removeprefix("generator").lstrip(".")
            names = [f"{base}.{alias.name}".lstrip(".") for alias in node.names]
            names = [name if name in MODULES else base for name in names]
        elif isinstance(node, ast.Import):
            names = [a.name.removeprefix("generator.") for a in node.names if a.name.startswith("generator.")]
        targets |= {name for name in names if name}
    return targets


def _runtime_nodes(tree: ast.AST):
    """Every node of `tree` but those under `if TYPE_CHECKING:`."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", getattr(node.test, "attr", None)) == "TYPE_CHECKING":
            yield from (n for branch in node.orelse for n in ast.walk(branch))
            continue
        yield node
        yield from _runtime_nodes(node)


GRAPH = {name: _imports(path) for name, path in MODULES.items()}
LAYER_OF = {module: index for index, modules in enumerate(LAYERS.values()) for module in modules}


def test_every_module_has_exactly_one_layer() -> None:
    declared = [module for modules in LAYERS.values() for module in modules]
    assert sorted(set(declared)) == sorted(declared), "a module is declared in two layers"
    assert set(MODULES) - set(declared) == set(), "give these modules a layer in generator/__init__.py LAYERS"
    assert set(declared) - set(MODULES) == set(), "LAYERS names modules that do not exist"


def test_imports_go_down_the_pipeline() -> None:
    names = list(LAYERS)
    upward = sorted(f"{module} ({names[LAYER_OF[module]]}) imports {target} ({names[LAYER_OF[target]]})"
                    for module, targets in GRAPH.items() for target in targets
                    if LAYER_OF.get(target, -1) > LAYER_OF.get(module, len(names)))
    assert upward == []


def _circles() -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), or a module that imports itself."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in sorted(GRAPH.get(module, ())):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == module:
                    break
            if len(group) > 1 or module in GRAPH.get(module, ()):
                circles.append(sorted(group))

    for module in sorted(GRAPH):
        if module not in index:
            visit(module)
    return circles


def test_no_modules_import_each_other_in_a_circle() -> None:
    assert _circles() == []


def test_the_checks_see_a_circle_and_an_upward_import() -> None:
    """The graph reader finds imports inside functions, and the circle finder finds one."""
    assert "pages.links" in GRAPH["pages.sessions"]
    GRAPH["models"].add("validate")
    try:
        assert ["models", "passages", "validate"] in _circles() or any("models" in c for c in _circles())
    finally:
        GRAPH["models"].discard("validate")
