#!/usr/bin/env bash
# Every C function an install or upgrade script binds ('MODULE_PATHNAME',
# 'symbol') is a version-1 function of the built bjxm.so (pg_finfo_symbol
# exported): the releases' scripts too, since a database still at an
# earlier version runs today's library until ALTER EXTENSION UPDATE.  The
# entry points kept only for those scripts (src/compat.c) are bound by no
# script of the current version.
set -uo pipefail
cd "$(dirname "$0")/../.."
FAILED=0
LIB=$(pg_config --pkglibdir)/bjxm.so
CURRENT=$(sed -n "s/^default_version[[:space:]]*=[[:space:]]*'\(.*\)'/\1/p" bjxm.control)
[ -f "$LIB" ] || { echo "MISMATCH: $LIB is not installed"; exit 1; }
exported=$(nm -D --defined-only "$LIB" | awk '{print $3}' | sed -n 's/^pg_finfo_//p' | sort -u)
for script in releases/bjxm--*.sql updates/bjxm--*--*.sql "bjxm--$CURRENT.sql"; do
  n=0
  for sym in $(grep -o "'MODULE_PATHNAME', *'[a-z_0-9]*'" "$script" | sed "s/.*, *'//; s/'//" | sort -u); do
    n=$((n + 1))
    grep -qx "$sym" <<<"$exported" || { echo "MISMATCH: $script binds $sym, not a V1 function of bjxm.so"; FAILED=1; }
  done
  echo "  ok    $script: $n C functions, each exported"
done
compat=$(sed -n 's/^PG_FUNCTION_INFO_V1(\(.*\));/\1/p' src/compat.c | sort -u)
current=$(grep -o "'MODULE_PATHNAME', *'[a-z_0-9]*'" "bjxm--$CURRENT.sql" | sed "s/.*, *'//; s/'//" | sort -u)
both=$(comm -12 <(echo "$compat") <(echo "$current"))
if [ -n "$both" ]; then
  echo "MISMATCH: compat.c entry points bound by the current script: $both"; FAILED=1
else
  echo "  ok    the $(wc -w <<<"$compat") entry points of src/compat.c serve earlier releases only"
fi
if [ "$FAILED" -ne 0 ]; then echo "symbols: FAILED"; exit 1; fi
echo "symbols: ok"
