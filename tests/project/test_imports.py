"""Imports run one way: no module of the package imports, at any level and however lazily,
a module that imports it back. Only ``if TYPE_CHECKING:`` blocks are exempt."""

from __future__ import annotations

import ast
from pathlib import Path

import declutter

ROOT = Path(declutter.__file__).parent


def _module_name(path: Path) -> str:
    parts = ("declutter", *path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported(tree: ast.AST, module: str, is_package: bool, known: set[str]) -> set[str]:
    """The package's modules `module` imports, anywhere but in a TYPE_CHECKING block."""
    base = module if is_package else module.rpartition(".")[0]
    out: set[str] = set()
    todo = [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.If) and _is_type_checking(node):
            todo.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            target = node.module or ""
            if node.level:
                anchor = base.rsplit(".", node.level - 1)[0] if node.level > 1 else base
                target = f"{anchor}.{target}" if target else anchor
            # `from p import m` imports the module p.m when there is one, else a name of p
            out.update(
                f"{target}.{a.name}" if f"{target}.{a.name}" in known else target
                for a in node.names
            )
        todo.extend(ast.iter_child_nodes(node))
    return {name for name in out if name in known and name != module}


def _graph() -> dict[str, set[str]]:
    paths = {_module_name(p): p for p in ROOT.rglob("*.py")}
    # compiled modules (Cython) are modules that ast cannot read: leaves of the graph here
    compiled = {_module_name(p) for p in ROOT.rglob("*.pyx")}
    known = set(paths) | compiled
    graph: dict[str, set[str]] = {name: set() for name in compiled}
    for name, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[name] = _imported(tree, name, path.name == "__init__.py", known)
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle, as the list of modules round it, or [] when there is none."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(name: str) -> list[str]:
        state[name] = 1
        stack.append(name)
        for dep in sorted(graph[name]):
            if state.get(dep) == 1:
                return [*stack[stack.index(dep) :], dep]
            if dep not in state and (found := visit(dep)):
                return found
        stack.pop()
        state[name] = 2
        return []

    for name in sorted(graph):
        if name not in state and (found := visit(name)):
            return found
    return []


def test_the_walk_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) == []


def test_relative_imports_are_resolved() -> None:
    tree = ast.parse("from . import _b\nfrom ..x import y\ndef f():\n    from ._c import z\n")
    known = {"p.q._b", "p.x", "p.q._c"}
    assert _imported(tree, "p.q.m", False, known) == {"p.q._b", "p.x", "p.q._c"}


def test_type_checking_imports_are_exempt() -> None:
    tree = ast.parse("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import _b\n")
    assert _imported(tree, "p.m", False, {"p._b"}) == set()


def test_imports_run_one_way() -> None:
    assert " -> ".join(_cycle(_graph())) == ""


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for dep in graph[todo.pop()] - seen:
            seen.add(dep)
            todo.append(dep)
    return seen


def test_early_stages_and_the_library_stay_below_later_layers() -> None:
    graph = _graph()
    # the headline keys (stages 3 and 5) do not reach into the metadata stage (7)
    assert not {m for m in _reachable(graph, "declutter._headline") if "_metadata" in m}
    # the library does not import a command-line module
    assert not {m for m in _reachable(graph, "declutter.dask") if m.startswith("declutter._cli")}
    # the orchestrator runs stages; the public entry point, which checks arguments, sits above it
    assert "declutter._api" not in _reachable(graph, "declutter._pipeline")
    assert "declutter._pipeline" in graph["declutter._api"]


def test_the_orchestrator_lists_the_stages_and_only_that() -> None:
    """Issue 12's target: argument checks, retries and the bench clock live elsewhere."""
    source = (ROOT / "_pipeline.py").read_text(encoding="utf-8")
    assert len(source.splitlines()) < 100
    functions = [n.name for n in ast.parse(source).body if isinstance(n, ast.FunctionDef)]
    assert functions == ["timed_extract"]
