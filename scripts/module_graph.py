#!/usr/bin/env python3
"""The module import graph of the library (src/), checked for the two rules of ARCHITECTURE.md.

1. No cycles: at every level of the module tree, the graph between sibling modules (each taken
   with everything below it) is acyclic. A module and its own children may use each other (a
   `mod.rs` re-exports its parts, a part uses the types its parent declares); siblings may not
   (`session::derived` -> `session::timeline` -> `session::derived` is a cycle).
2. The core never imports the app: no module outside `ui` (and `cli`, the entry point that
   starts it) uses anything of `ui`.

Edges come from the paths in the code (`crate::a::b`, `super::x`, `self::x` and a child module
named at the start of a path), with comments, strings and test code (`#[cfg(test)]` items and
`tests.rs` files) left out: tests may reach anywhere. Crate-root re-exports of modules
(`pub use pipeline::{corpus, ...}` in lib.rs) are followed to the module they name.

Usage: scripts/module_graph.py [--print] [SRC_DIR]. Exits 1 with the offending edges on a cycle
or a core -> ui edge; `--print` lists the top-level graph. Standard library only, so CI needs
nothing but python3.
"""

import re
import sys
from pathlib import Path

# Modules allowed to use `ui`: the app itself and the command line that starts it.
UI = "ui"
MAY_USE_UI = {"ui", "cli"}


def module_of(path: Path, src: Path) -> tuple:
    rel = path.relative_to(src).with_suffix("")
    parts = list(rel.parts)
    if parts == ["lib"]:
        return ()
    if parts[-1] == "mod":
        parts.pop()
    return tuple(parts)


def strip_code(text: str) -> str:
    """The text without comments and string literals (so paths in docs and messages do not
    count)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
        elif c == "r" and re.match(r'r#*"', text[i:i + 10]) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'r(#*)"', text[i:])
            end = '"' + m.group(1)
            j = text.find(end, i + len(m.group(0)))
            out.append('""')
            i = n if j < 0 else j + len(end)
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append('""')
            i = j + 1
        elif c == "'" and re.match(r"'(\\.|[^\\'])'", text[i:i + 12]) :
            m = re.match(r"'(\\u\{[0-9a-fA-F]+\}|\\.|[^\\'])'", text[i:])
            if m:
                out.append("' '")
                i += len(m.group(0))
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def strip_tests(code: str) -> str:
    """Removes every item marked `#[cfg(test)]` (a `mod tests { ... }`, a `use`, a function)."""
    out = []
    i = 0
    for m in re.finditer(r"#\[cfg\(test\)\]", code):
        if m.start() < i:
            continue
        out.append(code[i:m.start()])
        j = m.end()
        # The item ends at its first `;` at depth 0 or at the `}` closing its first `{`.
        depth = 0
        while j < len(code):
            ch = code[j]
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0:
                    j += 1
                    break
            elif ch == ";" and depth == 0:
                j += 1
                break
            j += 1
        i = j
    out.append(code[i:])
    return "".join(out)


def use_paths(code: str):
    """Every path in the code: `use` trees expanded, and `a::b` paths elsewhere."""
    paths = []
    for m in re.finditer(r"\buse\s+([^;]+);", code):
        paths.extend(expand_use(re.sub(r"\s+", "", m.group(1))))
    for m in re.finditer(r"(?<![\w:])((?:crate|super|self|[a-z_][a-z0-9_]*)(?:::[A-Za-z_][A-Za-z0-9_]*)+)", code):
        paths.append(m.group(1).split("::"))
    return paths


def expand_use(tree: str, prefix=()):
    """`a::{b, c::{d, e}}` -> [a,b], [a,c,d], [a,c,e] (`as` renames dropped)."""
    tree = re.sub(r"\bas\w+", "", tree.replace(" as ", " as"))
    brace = tree.find("{")
    if brace < 0:
        return [list(prefix) + [p for p in tree.split("::") if p]]
    head = [p for p in tree[:brace].split("::") if p]
    body = tree[brace + 1:tree.rfind("}")]
    parts, depth, start = [], 0, 0
    for k, ch in enumerate(body):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(body[start:k])
            start = k + 1
    parts.append(body[start:])
    result = []
    for part in parts:
        if part.strip():
            result.extend(expand_use(part.strip(), tuple(prefix) + tuple(head)))
    return result


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    show = "--print" in sys.argv
    src = Path(args[0] if args else Path(__file__).resolve().parent.parent / "src")
    files = {}
    for path in sorted(src.rglob("*.rs")):
        if path.name in ("main.rs", "tests.rs") or "bin" in path.relative_to(src).parts:
            continue
        files[module_of(path, src)] = strip_tests(strip_code(path.read_text(encoding="utf-8")))
    modules = set(files)
    # Modules declared inline (`mod x { ... }`) are left to their file's module.

    aliases = {}
    for line in files[()].splitlines():
        m = re.match(r"\s*(?:pub(?:\([a-z]+\))?\s+)?use\s+(\w+)::\{([^}]*)\};", line)
        if m:
            for name in (x.strip() for x in m.group(2).split(",")):
                if (m.group(1), name) in modules:
                    aliases[name] = (m.group(1), name)

    def resolve(here: tuple, path: list):
        if path[0] == "crate":
            base, rest = (), path[1:]
            if rest and rest[0] in aliases:
                base, rest = aliases[rest[0]], rest[1:]
        elif path[0] in ("super", "self"):
            base, rest = here, path
            while rest and rest[0] in ("super", "self"):
                if rest[0] == "super":
                    base = base[:-1]
                rest = rest[1:]
        elif here + (path[0],) in modules:
            base, rest = here + (path[0],), path[1:]
        else:
            return None  # an external crate, a local name or a type's associated item
        target = base
        for seg in rest:
            if target + (seg,) in modules:
                target = target + (seg,)
            else:
                break
        return target

    edges = set()
    for here, code in files.items():
        for path in use_paths(code):
            target = resolve(here, path)
            if target is not None and target != here:
                edges.add((here, target))

    failures = []
    # Rule 2: no arrow from the core to ui.
    for a, b in sorted(edges):
        if b[:1] == (UI,) and (a[:1] and a[0] not in MAY_USE_UI):
            failures.append(f"core -> ui: {'::'.join(a)} uses {'::'.join(b)}")
    # Rule 1: per parent, the graph of its children (subtrees collapsed) is acyclic.
    parents = {m[:-1] for m in modules if m}
    for parent in sorted(parents):
        depth = len(parent)
        sib = {}
        for a, b in edges:
            if a[:depth] == parent and b[:depth] == parent and len(a) > depth and len(b) > depth:
                x, y = a[depth], b[depth]
                if x != y:
                    sib.setdefault(x, {}).setdefault(y, []).append(("::".join(a), "::".join(b)))
        cycle = find_cycle(sib)
        if cycle:
            where = "::".join(parent) or "crate"
            steps = []
            for x, y in zip(cycle, cycle[1:]):
                a, b = sib[x][y][0]
                steps.append(f"{x} -> {y} ({a} uses {b})")
            failures.append(f"cycle in {where}: " + "; ".join(steps))
    if show:
        top = {}
        for a, b in edges:
            if a[:1] and b[:1] and a[0] != b[0]:
                top.setdefault(a[0], set()).add(b[0])
        for a in sorted(top):
            print(f"{a} -> {', '.join(sorted(top[a]))}")
    for f in failures:
        print(f"module_graph: {f}", file=sys.stderr)
    if failures:
        return 1
    print(f"module_graph: {len(modules)} modules, {len(edges)} edges: no cycle, no core -> ui")
    return 0


def find_cycle(graph: dict):
    """A cycle as a list of nodes (first repeated at the end), or None."""
    state = {}

    def visit(node, stack):
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, {})):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if state.get(nxt) is None:
                found = visit(nxt, stack)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if state.get(node) is None:
            found = visit(node, [])
            if found:
                return found
    return None


if __name__ == "__main__":
    sys.exit(main())
