#!/usr/bin/env bash
# Build the Debian package postgresql-15-bjxm (make deb).
#
#   tools/build-deb.sh [OUTDIR]     default OUTDIR: build/deb
#
# Works on a copy of the source tree (the build writes files: generated
# headers and SQL, objects, debian/ scratch), made in a fresh directory under
# ${TMPDIR:-/tmp} and removed afterwards (KEEP_DEB_WORK=1 keeps it).  The copy
# holds the files git knows (tracked, plus untracked ones not ignored), as they
# are in the work tree, so uncommitted edits are packaged.  debian/control is
# regenerated from debian/control.in and debian/pgversions with
# `pg_buildext updatecontrol`, then `dpkg-buildpackage -b` builds the binary
# packages; the .deb, .ddeb, .buildinfo and .changes files land in OUTDIR.
# The last line printed is the path of the postgresql-15-bjxm .deb.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

OUTDIR=${1:-build/deb}
case "$OUTDIR" in /*) ;; *) OUTDIR=$ROOT/$OUTDIR ;; esac

# What building a .deb needs.
bash "$ROOT/tools/ensure-deps.sh" build deb || { echo "build-deb: cannot install the packaging tools" >&2; exit 1; }

VERSION=$(sed -n "s/^default_version[[:space:]]*=[[:space:]]*'\(.*\)'/\1/p" bjxm.control)
DEBVERSION=$(dpkg-parsechangelog -l debian/changelog -S Version)
if [ "${DEBVERSION%-*}" != "$VERSION" ]; then
  echo "build-deb: debian/changelog is at $DEBVERSION but bjxm.control at $VERSION:" \
       "add a debian/changelog entry ($VERSION-1)" >&2
  exit 1
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/bjxm-deb.XXXXXX")
cleanup() { [ "${KEEP_DEB_WORK:-0}" = 1 ] || rm -rf "$WORK"; }
trap cleanup EXIT
SRC=$WORK/bjxm-$VERSION
mkdir -p "$SRC"

# Copy the source: git's view of the work tree, or everything but build
# products when this is not a git checkout (e.g. an unpacked tarball).
if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git -C "$ROOT" ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
    | tar -C "$ROOT" --null -T - -cf - | tar -C "$SRC" -xf -
else
  tar -C "$ROOT" --exclude=./build --exclude=./.git --exclude='*.o' --exclude='*.so' \
      --exclude='./bjxm--*.sql' -cf - . | tar -C "$SRC" -xf -
fi
[ -x "$SRC/debian/rules" ] || chmod +x "$SRC/debian/rules"

echo "build-deb: building bjxm $DEBVERSION in $SRC" >&2
# Run from `make deb`: do not hand the outer make's flags, variables or
# jobserver to the package's own make; pg_buildext picks each version's pg_config.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES PG_CONFIG
(
  cd "$SRC"
  pg_buildext updatecontrol
  # -b: binary packages only; no signing; the project's tests run elsewhere.
  dpkg-buildpackage -b -us -uc
) > "$WORK/build.log" 2>&1 || {
  tail -n 60 "$WORK/build.log" >&2
  echo "build-deb: dpkg-buildpackage failed (full log: $WORK/build.log, kept)" >&2
  KEEP_DEB_WORK=1
  exit 1
}

mkdir -p "$OUTDIR"
shopt -s nullglob
products=("$WORK"/*.deb "$WORK"/*.ddeb "$WORK"/*.buildinfo "$WORK"/*.changes)
[ ${#products[@]} -gt 0 ] || { echo "build-deb: no packages were built" >&2; exit 1; }
cp "${products[@]}" "$OUTDIR"/
cp "$WORK/build.log" "$OUTDIR/build.log"
for f in "${products[@]}"; do echo "build-deb: $OUTDIR/$(basename "$f")" >&2; done
deb=("$OUTDIR"/postgresql-15-bjxm_"$DEBVERSION"_*.deb)
[ ${#deb[@]} -eq 1 ] || { echo "build-deb: expected one postgresql-15-bjxm $DEBVERSION .deb in $OUTDIR" >&2; exit 1; }
echo "${deb[0]}"
