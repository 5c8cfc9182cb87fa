#!/usr/bin/env bash
# Debian packages the tests need (TESTBED.md): Chromium for Playwright, sshd + dockerd +
# busybox for the deploy testbed (testbed/up.sh also uses curl), docker-compose v1 to judge
# exported compose files (python3 runs its code in one process, testbed/compose-config.py).
set -euo pipefail
PACKAGES=(chromium openssh-server docker.io busybox-static iproute2 docker-compose curl python3)
missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
echo "system packages: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
