#!/usr/bin/env bash
# Install the Debian 12 packages a job needs, when they are missing (apt-get
# update runs once, and only if something is missing).  Groups:
#
#   build   the extension and the Check unit tests: make, make unit,
#           make install, make installcheck, make demo (the default)
#   test    the other suites of make test: libFuzzer (clang), valgrind,
#           the scripts' Python (psycopg, jsonschema), pg_cron
#           (test/scripts/reminders_cron.sh schedules bjxm.send_reminders)
#   java    the Java client (test/scripts/clients.sh)
#   deb     building the Debian package (tools/build-deb.sh)
#
#   tools/ensure-deps.sh [group ...]
set -euo pipefail

declare -A group=(
  [build]="postgresql-15 postgresql-client-15 postgresql-server-dev-15 check pkg-config gcc make"
  [test]="clang libclang-rt-14-dev valgrind python3-jsonschema python3-psycopg postgresql-15-cron"
  [java]="libpostgresql-jdbc-java libjunixsocket-java default-jdk-headless"
  [deb]="debhelper postgresql-server-dev-all dpkg-dev"
)

pkgs=()
for g in "${@:-build}"; do
  [ -n "${group[$g]:-}" ] || { echo "bjxm: unknown package group $g (build, test, java, deb)" >&2; exit 2; }
  read -r -a more <<<"${group[$g]}"
  pkgs+=("${more[@]}")
done

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "bjxm: missing packages: ${missing[*]} (run as root, or install them)" >&2
  exit 1
fi
echo "bjxm: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
