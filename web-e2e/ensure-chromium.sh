#!/usr/bin/env bash
# Chromium and chromedriver for the end-to-end tests, from Debian's packages: installed when
# missing, nothing done when present. Needs root (apt-get) the first time.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "web-e2e: chromium and chromium-driver are missing; install them as root: apt-get install -y chromium chromium-driver" >&2
  exit 1
fi
echo "web-e2e: installing chromium and chromium-driver (Debian packages)"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y --no-install-recommends chromium chromium-driver \
  || { apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver; }
