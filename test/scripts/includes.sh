#!/usr/bin/env bash
# The include graph of src/ (docs/design.md §1): no module includes one
# that includes it back, however indirectly, and the backend-free core
# (src/core) includes nothing of the glue and nothing of PostgreSQL.
#
# A module is a file name without its extension (engine.c and engine.h
# are one module); it depends on the modules whose headers its .c or .h
# include with #include "…".  The checker is tried first on a tree with a
# cycle (it must fail) and one without (it must pass), then on src/.
set -uo pipefail
cd "$(dirname "$0")/../.."
TMP=${TMP:-$(mktemp -d)}
FAILED=0

check() { # dir...: print the graph's size and any cycle; exit 1 on a cycle
  python3 - "$@" <<'PY'
import os, re, sys
dirs = sys.argv[1:]
files = [os.path.join(d, f) for d in dirs for f in sorted(os.listdir(d)) if f.endswith(('.c', '.h'))]
modules = {os.path.splitext(os.path.basename(f))[0] for f in files}
edges = {m: set() for m in modules}
for f in files:
    m = os.path.splitext(os.path.basename(f))[0]
    for line in open(f, encoding='utf-8'):
        inc = re.match(r'\s*#\s*include\s+"([^"]+)\.h"', line)
        if inc and inc.group(1) in modules and inc.group(1) != m:
            edges[m].add(inc.group(1))
# Depth-first search with colours; report the first cycle found.
WHITE, GREY, BLACK = 0, 1, 2
colour = {m: WHITE for m in modules}
stack = []
def visit(m):
    colour[m] = GREY
    stack.append(m)
    for n in sorted(edges[m]):
        if colour[n] == GREY:
            cyc = stack[stack.index(n):] + [n]
            print('cycle: ' + ' -> '.join(cyc))
            sys.exit(1)
        if colour[n] == WHITE:
            visit(n)
    stack.pop()
    colour[m] = BLACK
for m in sorted(modules):
    if colour[m] == WHITE:
        visit(m)
print('%d modules, %d dependencies, no cycle' % (len(modules), sum(len(e) for e in edges.values())))
PY
}

# The checker finds a cycle, and only a cycle.
mkdir -p "$TMP/inc-cycle" "$TMP/inc-dag"
printf '#include "b.h"\n' > "$TMP/inc-cycle/a.c"; : > "$TMP/inc-cycle/a.h"
printf '#include "c.h"\n' > "$TMP/inc-cycle/b.c"; : > "$TMP/inc-cycle/b.h"
printf '#include "a.h"\n' > "$TMP/inc-cycle/c.h"
printf '#include "b.h"\n' > "$TMP/inc-dag/a.c"; : > "$TMP/inc-dag/a.h"
printf '#include "c.h"\n' > "$TMP/inc-dag/b.c"; : > "$TMP/inc-dag/b.h"; : > "$TMP/inc-dag/c.h"
if out=$(check "$TMP/inc-cycle"); then
  echo "MISMATCH: a tree with a cycle passed: $out"; FAILED=1
else
  echo "  ok    a planted cycle is found ($out)"
fi
if out=$(check "$TMP/inc-dag"); then
  echo "  ok    a tree without one passes ($out)"
else
  echo "MISMATCH: a tree without a cycle failed: $out"; FAILED=1
fi

# src/ itself.
if out=$(check src src/core); then
  echo "  ok    src/: $out"
else
  echo "MISMATCH: src/: $out"; FAILED=1
fi

# The core is backend-free: C library headers and its own, nothing else.
bad=$(grep -nE '^\s*#\s*include' src/core/*.c src/core/*.h \
        | grep -vE '#\s*include\s+<(assert|ctype|errno|limits|stdarg|stdbool|stddef|stdint|stdio|stdlib|string)\.h>' \
        | grep -vE '#\s*include\s+"(articles|clause|eventlog|expense|matcher|norm_tables|normalize|personal|personal_terms|regulation_items|similar|sm3|t2s_table|transitions|uscc|utf8)\.h"')
if [ -n "$bad" ]; then
  echo "MISMATCH: the core includes more than libc and itself:"; echo "$bad"; FAILED=1
else
  echo "  ok    src/core includes only libc headers and its own"
fi
# The glue's chapter files see the engine only through action.h.
bad=$(grep -lE '#\s*include\s+"(registry|engine)\.h"' src/*.c | grep -vE 'src/(engine|registry)\.c')
if [ -n "$bad" ]; then
  echo "MISMATCH: files other than the engine include the registry: $bad"; FAILED=1
else
  echo "  ok    only engine.c and registry.c include registry.h"
fi

if [ "$FAILED" -ne 0 ]; then echo "includes: FAILED"; exit 1; fi
echo "includes: ok"
