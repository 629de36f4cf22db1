#!/usr/bin/env bash
# PGXS conventions: `make installcheck` runs the pg_regress tests (REGRESS,
# in the order of test/schedule) and the isolation specs (ISOLATION)
# against a running server and fails when one of them fails; with
# EXTRA_REGRESS_OPTS=--temp-instance=DIR it runs them on a server of its
# own.  (make test runs the whole suites through it; here, a few tests
# each way, in copies of the tree so the checkout is left alone.)
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
TMP=${TMP:-$(mktemp -d)}
FAILED=0
fail() { echo "MISMATCH: $*"; FAILED=1; }

copy() { # dir: a copy of the tracked files
  rm -rf "$1"; mkdir -p "$1"
  git -C "$ROOT" ls-files -z | (cd "$ROOT" && xargs -0 cp --parents -t "$1")
}

# The variables name every test.
want_regress=$(sed -n 's/^test: *//p' test/schedule | tr '\n' ' ')
got_regress=$(make -s --no-print-directory --eval 'bjxm-print-%: ; @echo $($*)' bjxm-print-REGRESS)
[ "$got_regress " == "$want_regress" ] && echo "  ok    REGRESS is test/schedule ($(wc -w <<<"$want_regress") tests)" \
  || fail "REGRESS is '$got_regress', the schedule '$want_regress'"
want_iso=$(ls test/isolation/specs/*.spec | xargs -n1 basename | sed 's/\.spec$//' | tr '\n' ' ')
got_iso=$(make -s --no-print-directory --eval 'bjxm-print-%: ; @echo $($*)' bjxm-print-ISOLATION)
[ "$got_iso " == "$want_iso" ] && echo "  ok    ISOLATION is every spec ($(wc -w <<<"$want_iso") specs)" \
  || fail "ISOLATION is '$got_iso', the specs '$want_iso'"

# Against the running server: passes as it is, fails when an expected
# output is wrong (pg_regress, then isolation).
SRC=$TMP/installcheck-src
copy "$SRC"
if (cd "$SRC" && make -s installcheck REGRESS="install uscc" ISOLATION=term_cache) >"$TMP/ic-pass.log" 2>&1; then
  echo "  ok    make installcheck passes (install, uscc, term_cache)"
else
  tail -n 20 "$TMP/ic-pass.log"; fail "make installcheck failed on an unchanged tree"
fi
echo "a line no test prints" >> "$SRC/expected/uscc.out"
if (cd "$SRC" && make -s installcheck REGRESS="install uscc" ISOLATION=term_cache) >"$TMP/ic-regress.log" 2>&1; then
  fail "make installcheck passed with a wrong expected/uscc.out"
else
  grep -q "uscc .*FAILED\|not ok.*uscc" "$TMP/ic-regress.log" && echo "  ok    a failing pg_regress test fails make installcheck" \
    || { tail -n 20 "$TMP/ic-regress.log"; fail "make installcheck failed, but not on uscc"; }
fi
copy "$SRC"
echo "a line no test prints" >> "$SRC/test/isolation/expected/term_cache.out"
if (cd "$SRC" && make -s installcheck REGRESS= ISOLATION=term_cache) >"$TMP/ic-iso.log" 2>&1; then
  fail "make installcheck passed with a wrong term_cache.out"
else
  grep -q "term_cache .*FAILED\|not ok.*term_cache" "$TMP/ic-iso.log" && echo "  ok    a failing isolation spec fails make installcheck" \
    || { tail -n 20 "$TMP/ic-iso.log"; fail "make installcheck failed, but not on term_cache"; }
fi

# On a server of its own (--temp-instance), as a user initdb accepts.
if [ "$(id -u)" -eq 0 ]; then
  TEMPDIR=$(mktemp -d /tmp/bjxm-installcheck.XXXXXX); chmod 0755 "$TEMPDIR"
  trap 'rm -rf "$TEMPDIR"' EXIT
  SRC=$TEMPDIR/src
  copy "$SRC"
  chown -R postgres: "$TEMPDIR"
  if runuser -u postgres -- env -u PGHOST -u PGPORT bash -c \
       "cd '$SRC' && make -s installcheck REGRESS='install uscc clause' ISOLATION=term_cache \
          EXTRA_REGRESS_OPTS=--temp-instance='$SRC/tmp_instance'" >"$TMP/ic-temp.log" 2>&1; then
    echo "  ok    make installcheck EXTRA_REGRESS_OPTS=--temp-instance=… runs on its own server"
  else
    tail -n 30 "$TMP/ic-temp.log"; fail "make installcheck with --temp-instance failed"
  fi
else
  echo "  skip  --temp-instance (run as root: it switches to the postgres user)"
fi

if [ "$FAILED" -ne 0 ]; then echo "installcheck: FAILED"; exit 1; fi
echo "installcheck: ok"
