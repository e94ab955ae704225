"""The shape of the code: small modules, no import cycles, a ground floor that imports no stage.

Imports are read from the source (``ast``), those inside functions included: a cycle hidden in
a function is still a cycle for whoever changes one of the two modules. Imports under
``if TYPE_CHECKING:`` are for annotations only and never run, so they do not count.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "newsweave"
MAX_LINES = 450


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(name: str, path: Path) -> set[str]:
    """The newsweave modules that module ``name`` imports, anywhere in its code."""
    is_package = path.name == "__init__.py"
    out: set[str] = set()

    def resolve(target: str) -> str | None:
        while target and target not in MODULES:  # a name imported from a module, not a module
            target = target.rpartition(".")[0]
        return target or None

    def visit(node):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for sub in child.orelse:
                    visit(sub)
                continue
            if isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name.split(".")[0] == "newsweave" and (m := resolve(alias.name)):
                        out.add(m)
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = name.split(".") if is_package else name.split(".")[:-1]
                    base = base[: len(base) - (child.level - 1)]
                    module = ".".join(base + ([child.module] if child.module else []))
                else:
                    module = child.module or ""
                if module.split(".")[0] != "newsweave":
                    continue
                for alias in child.names:  # "from . import clean": the submodule itself
                    if (m := resolve(f"{module}.{alias.name}")) and m != module.rpartition(".")[0]:
                        out.add(m)
                    elif m := resolve(module):
                        out.add(m)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    out.discard(name)
    return out


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in graph:
        if v not in index:
            strong(v)
    return out


def _ancestors(name: str) -> set[str]:
    parts = name.split(".")
    return {".".join(parts[:i]) for i in range(1, len(parts))}


def test_no_import_cycles():
    # A package's __init__ importing its own submodules is how packages work, not a cycle
    # between stages; leave those edges out, keep every other.
    graph = {v: {w for w in ws if not (v in _ancestors(w) or w in _ancestors(v))}
             for v, ws in GRAPH.items()}
    assert _cycles(graph) == []


def test_the_ground_floor_imports_no_stage():
    for name, imported in GRAPH.items():
        if name.startswith("newsweave.text"):
            outside = {m for m in imported if not m.startswith("newsweave.text")}
            assert not outside, f"{name} imports {sorted(outside)}"


def test_the_finder_sees_imports_inside_functions():
    # the test above is only as good as the import finder: check it on the package itself
    assert "newsweave.render.json" in GRAPH["newsweave.brief"]  # imported inside to_dict()
    assert "newsweave.pipeline" in GRAPH["newsweave"]


def test_no_module_over_450_lines():
    long = {name: n for name, path in MODULES.items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_every_stage_reads_only_what_an_earlier_stage_wrote():
    from newsweave.pipeline import STAGES, flow_problems

    assert [name for name, _ in STAGES] == ["ingest", "clean", "metadata", "language", "copies", "listings",
                                            "sentences", "relevance", "summarize", "order", "corroborate", "analyze",
                                            "render"]
    assert flow_problems() == []
    # the check is real: metadata before cleaning reads debris that is not yet found
    swapped = [STAGES[0], STAGES[2], STAGES[1], *STAGES[3:]]
    assert flow_problems(swapped) == ["metadata reads Document.removed, which no earlier stage writes"]


def test_architecture_doc_shows_the_stages_as_they_are():
    from newsweave.pipeline import STAGES

    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    rows = {}
    for line in doc.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].strip("`") in dict(STAGES):
            rows[cells[0].strip("`")] = cells
    for name, module in STAGES:
        assert name in rows, f"docs/architecture.md has no row for the {name} stage"
        _, where, reads, writes = rows[name]
        assert module.__name__.replace(".", "/") in where.replace(".py", "").replace("/__init__", "")
        assert {f.strip("` ") for f in reads.split(",") if f.strip("` —")} == set(module.READS), name
        assert {f.strip("` ") for f in writes.split(",") if f.strip("` —")} == set(module.WRITES), name
