#!/usr/bin/env bash
# Install what building and testing bjxm needs, when it is missing.
# Debian 12 packages only; runs apt-get update once, and only if needed.
set -euo pipefail

pkgs=(postgresql-15 postgresql-client-15 postgresql-server-dev-15 check
      pkg-config clang libclang-rt-14-dev valgrind gcc make python3-jsonschema
      python3-psycopg libpostgresql-jdbc-java libjunixsocket-java default-jdk-headless
      debhelper postgresql-server-dev-all dpkg-dev)

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
