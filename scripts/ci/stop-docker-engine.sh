#!/usr/bin/env bash
# Stops the private dockerd that the container tests start (tests/integration/support/docker-engine.ts)
# if one is still running, e.g. after an interrupted run. Only that daemon is touched: the pid comes
# from its own pid file under the cache root. Images and build cache stay for the next run.
set -euo pipefail

cache="${AGENT_GENERATOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/agent-generator}"
pidfile="$cache/docker/dockerd.pid"
[ -f "$pidfile" ] || exit 0
pid="$(cat "$pidfile")"
case "$pid" in '' | *[!0-9]*) exit 0 ;; esac
kill -0 "$pid" 2>/dev/null || exit 0
# A stale pid file may name another process by now: only a dockerd on our data root is ours.
tr '\0' '\n' <"/proc/$pid/cmdline" | grep -qxF -- "--data-root=$cache/docker/data" || exit 0
kill -TERM "$pid"
for _ in $(seq 1 120); do
  kill -0 "$pid" 2>/dev/null || exit 0
  sleep 0.5
done
echo "dockerd (pid $pid) did not stop within 60 s" >&2
exit 1
