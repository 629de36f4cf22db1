#!/usr/bin/env bash
# Packaging: META.json (PGXN) and the Debian package postgresql-15-bjxm.
#
# Checks the metadata against bjxm.control (the only place the version
# lives), builds the .deb with tools/build-deb.sh from a copy of the tree in
# $TMP, installs it with dpkg -i, checks what it ships, then starts a second,
# clean throwaway cluster and runs CREATE EXTENSION bjxm there, a smoke query,
# and the packaged 0.1.0 -> current upgrade.
#
# Runs as root under make test (CLUSTER, TMP set; the server of $CLUSTER is
# not used).  The package stays installed: its files are the ones `make
# install` put in /usr/lib/postgresql/15/lib and /usr/share/postgresql/15/
# extension, built from the same tree; `dpkg -r postgresql-15-bjxm` would
# delete them (run `make install` again after removing it).
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
PGBIN=$(pg_config --bindir)
TMP=${TMP:?TMP must be set}
mkdir -p "$TMP"
FAILED=0
ok() { echo "  ok    $*"; }
fail() { echo "MISMATCH: $*"; FAILED=1; }
PKG=postgresql-15-bjxm
CURRENT=$(sed -n "s/^default_version[[:space:]]*=[[:space:]]*'\(.*\)'/\1/p" bjxm.control)
PREVIOUS=$(ls releases/ | sed -n 's/^bjxm--\(.*\)\.sql$/\1/p' | sort -V | tail -n 1)
[ -n "$CURRENT" ] || { echo "MISMATCH: no default_version in bjxm.control"; exit 1; }

echo "== metadata (bjxm.control at $CURRENT) =="
# META.json, read with JSON::PP (core Perl; debhelper needs Perl anyway).
meta=$(perl -MJSON::PP -e '
  local $/; open my $f, "<:raw", "META.json" or die "cannot read META.json\n";
  my $m = JSON::PP->new->utf8->decode(<$f>);
  my @missing = grep { !defined $m->{$_} } qw(name abstract description version maintainer license provides meta-spec);
  die "META.json lacks: @missing\n" if @missing;
  my $p = $m->{provides}{bjxm} or die "META.json provides no bjxm\n";
  print join("\n", $m->{name}, $m->{version}, $p->{version} // "", $p->{file} // "", $p->{docfile} // "",
             $m->{"meta-spec"}{version} // "", ($m->{description} =~ /\p{Han}/ ? "han" : "no-han")), "\n";
' 2>&1) || { fail "META.json: $meta"; meta=""; }
if [ -n "$meta" ]; then
  mapfile -t m <<<"$meta"
  [ "${m[0]}" == "bjxm" ] && ok "META.json name bjxm" || fail "META.json name is ${m[0]}"
  [ "${m[1]}" == "$CURRENT" ] && ok "META.json version ${m[1]} equals bjxm.control default_version" \
    || fail "META.json version ${m[1]} != bjxm.control default_version $CURRENT"
  [ "${m[2]}" == "$CURRENT" ] && ok "META.json provides.bjxm.version ${m[2]}" \
    || fail "META.json provides.bjxm.version ${m[2]} != $CURRENT"
  [ "${m[5]}" == "1.0.0" ] && ok "META.json meta-spec 1.0.0" || fail "META.json meta-spec version is ${m[5]}"
  { [ -f "${m[3]}" ] && [ -f "${m[4]}" ]; } && ok "META.json file ${m[3]} and docfile ${m[4]} exist" \
    || fail "META.json provides.bjxm file '${m[3]}' or docfile '${m[4]}' is missing"
  [ "${m[6]}" == "han" ] && ok "META.json description carries the Chinese name" || fail "META.json description lacks the Chinese name"
fi
debver=$(dpkg-parsechangelog -l debian/changelog -S Version 2>/dev/null)
[ "${debver%-*}" == "$CURRENT" ] && ok "debian/changelog at $debver" \
  || fail "debian/changelog is at '$debver', bjxm.control at $CURRENT (add a changelog entry)"
# debian/control is generated from control.in + pgversions: must be in sync.
mkdir -p "$TMP/ctl" && rm -rf "$TMP/ctl/debian" && cp -r debian "$TMP/ctl/"
if (cd "$TMP/ctl" && pg_buildext checkcontrol) >"$TMP/checkcontrol.log" 2>&1; then
  ok "debian/control matches debian/control.in and debian/pgversions"
else
  cat "$TMP/checkcontrol.log"; fail "debian/control is stale: run pg_buildext updatecontrol"
fi

echo "== build =="
start=$(date +%s)
if ! deb=$(TMPDIR="$TMP" bash tools/build-deb.sh "$TMP/deb" 2>"$TMP/build-deb.log" | tail -n 1) || [ ! -f "$deb" ]; then
  cat "$TMP/build-deb.log"; echo "MISMATCH: building the package failed"; exit 1
fi
ok "built $(basename "$deb") in $(( $(date +%s) - start ))s"
[ "$(dpkg-deb -f "$deb" Version)" == "$debver" ] && ok "package version $debver" \
  || fail "package version $(dpkg-deb -f "$deb" Version) != $debver"

echo "== install =="
if DEBIAN_FRONTEND=noninteractive dpkg -i "$deb" >"$TMP/dpkg-i.log" 2>&1; then
  ok "dpkg -i $(basename "$deb")"
else
  cat "$TMP/dpkg-i.log"; echo "MISMATCH: dpkg -i failed"; exit 1
fi
st=$(dpkg-query -W -f='${Status} ${Version}' "$PKG" 2>/dev/null)
[ "$st" == "install ok installed $debver" ] && ok "$PKG is installed ($debver)" || fail "$PKG status: $st"
listed=$(dpkg -L "$PKG")
for f in /usr/lib/postgresql/15/lib/bjxm.so \
         /usr/share/postgresql/15/extension/bjxm.control \
         /usr/share/postgresql/15/extension/bjxm--"$CURRENT".sql \
         /usr/share/postgresql/15/extension/bjxm--"$PREVIOUS".sql \
         /usr/share/postgresql/15/extension/bjxm--"$PREVIOUS"--"$CURRENT".sql; do
  if grep -qxF "$f" <<<"$listed" && [ -f "$f" ]; then ok "ships $f"; else fail "dpkg -L $PKG lacks $f"; fi
done
# Every released install script and upgrade script of the tree is shipped.
for f in releases/bjxm--*.sql updates/bjxm--*--*.sql; do
  grep -qxF "/usr/share/postgresql/15/extension/$(basename "$f")" <<<"$listed" || fail "$PKG does not ship $f"
done
if v=$(dpkg --verify "$PKG" 2>&1) && [ -z "$v" ]; then ok "installed files match the package (dpkg --verify)"; else fail "dpkg --verify: $v"; fi
cmp -s "$ROOT/bjxm.control" /usr/share/postgresql/15/extension/bjxm.control \
  && ok "installed bjxm.control is the tree's" || fail "installed bjxm.control differs from the tree's"

echo "== clean cluster =="
PKGCLUSTER=$TMP/pkgcluster
stop_cluster() { bash tools/cluster.sh stop "$PKGCLUSTER" >/dev/null 2>&1 || true; }
trap stop_cluster EXIT
if ! PORT=$(bash tools/cluster.sh start "$PKGCLUSTER"); then
  echo "MISMATCH: could not start a second cluster"; exit 1
fi
echo "  second throwaway cluster on port $PORT"
psql_() { local db=$1; shift; "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PKGCLUSTER" -p "$PORT" -U postgres -d "$db" "$@"; }
val() { psql_ "$1" -At -c "$2"; }

if psql_ postgres -c "CREATE EXTENSION bjxm" >"$TMP/pkg-create.log" 2>&1; then
  ok "CREATE EXTENSION bjxm"
else
  cat "$TMP/pkg-create.log"; echo "MISMATCH: CREATE EXTENSION bjxm failed on the packaged files"; exit 1
fi
v=$(val postgres "SELECT extversion FROM pg_extension WHERE extname = 'bjxm'")
[ "$v" == "$CURRENT" ] && ok "extversion $v" || fail "extversion is '$v', expected $CURRENT"
v=$(val postgres "SELECT bjxm.today() IS NOT NULL AND pg_typeof(bjxm.today()) = 'date'::regtype")
[ "$v" == "t" ] && ok "bjxm.today() is a date" || fail "bjxm.today(): $v"
v=$(val postgres "SELECT '11520500MB1545443Y'::bjxm.uscc::text")
[ "$v" == "11520500MB1545443Y" ] && ok "a valid uscc casts ($v)" || fail "uscc cast: $v"
if err=$(val postgres "SELECT '11520500MB1545443X'::bjxm.uscc" 2>&1); then
  fail "a uscc with a wrong check character was accepted: $err"
elif grep -q '校验码错误' <<<"$err"; then
  ok "a uscc with a wrong check character is refused (校验码错误)"
else
  fail "a wrong uscc failed for another reason: $err"
fi
v=$(val postgres "SELECT count(*) > 0 FROM bjxm.excluded_terms WHERE seeded")
[ "$v" == "t" ] && ok "the seeded 第十一条 dictionary is loaded" || fail "excluded_terms not seeded: $v"

# The packaged upgrade path: previous release, then ALTER EXTENSION UPDATE.
if psql_ postgres -c "CREATE DATABASE bjxm_pkg_upgrade" >/dev/null \
   && psql_ bjxm_pkg_upgrade -c "CREATE EXTENSION bjxm VERSION '$PREVIOUS'" -c "ALTER EXTENSION bjxm UPDATE" >"$TMP/pkg-upgrade.log" 2>&1; then
  v=$(val bjxm_pkg_upgrade "SELECT extversion FROM pg_extension WHERE extname = 'bjxm'")
  [ "$v" == "$CURRENT" ] && ok "packaged $PREVIOUS -> $CURRENT upgrade" || fail "after the packaged upgrade extversion is $v"
else
  cat "$TMP/pkg-upgrade.log"; fail "packaged $PREVIOUS -> $CURRENT upgrade failed"
fi

if [ "$FAILED" -ne 0 ]; then echo "package: FAILED"; exit 1; fi
echo "package: ok ($PKG $debver stays installed)"
