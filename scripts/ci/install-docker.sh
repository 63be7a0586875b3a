#!/usr/bin/env bash
# Installs what the container tests need from Debian's apt: a Docker engine (docker.io: dockerd,
# containerd, runc and the 20.10 client with BuildKit) and debootstrap for the locally built base
# image. Idempotent: does nothing when both are already there. No daemon is started here; the
# tests start a private dockerd on demand (tests/integration/support/docker-engine.ts).
set -euo pipefail

missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v debootstrap >/dev/null || missing+=(debootstrap)
[ ${#missing[@]} -eq 0 ] && exit 0

export DEBIAN_FRONTEND=noninteractive
apt-get update
# policy-rc.d keeps the package scripts from starting a system-wide daemon on the default bridge.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod +x "$policy"
  created_policy=1
fi
remove_policy() { if [ "$created_policy" = 1 ]; then rm -f "$policy"; fi; }
trap remove_policy EXIT
apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "${missing[@]}"
