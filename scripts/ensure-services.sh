#!/usr/bin/env bash
# Installs (when root and missing) and starts what Botburrow needs on a Debian machine:
#   redis-server, the Docker engine (dockerd), and tools the tests and images use.
# Usage: scripts/ensure-services.sh test|dev|docker
set -uo pipefail
mode="${1:-test}"
log() { echo "botburrow: $*" >&2; }

can_install() { [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; }
APT_UPDATED=""
apt_install() {
  can_install || return 1
  if [ -z "$APT_UPDATED" ]; then apt-get update -qq >/dev/null 2>&1 || true; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1
}

ensure_pkg() { # command package...
  local cmd="$1"; shift
  command -v "$cmd" >/dev/null && return 0
  log "installing $* ..."
  apt_install "$@" || { log "could not install $* (run: apt-get install $*)"; return 1; }
}

ensure_redis() {
  if [ -n "${REDIS_URL:-}" ]; then return 0; fi
  ensure_pkg redis-server redis-server || log "redis-server missing: install it (apt-get install redis-server) or set REDIS_URL"
}

docker_ok() { docker info >/dev/null 2>&1; }

ensure_docker() {
  if docker_ok; then return 0; fi
  if ! command -v dockerd >/dev/null; then
    ensure_pkg dockerd docker.io || { log "no Docker engine: install docker.io, or tests that need Docker are skipped"; return 1; }
  fi
  command -v docker >/dev/null || ensure_pkg docker docker.io
  if [ "$(id -u)" != "0" ]; then log "dockerd is not running and this user cannot start it"; return 1; fi
  log "starting dockerd ..."
  # No registry is reachable from these machines: the proxy makes pulls fail at once instead of hanging.
  HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 NO_PROXY= \
    nohup dockerd --iptables=false --ip-masq=false --ip-forward=false --userland-proxy=false \
    >/tmp/botburrow-dockerd.log 2>&1 &
  for _ in $(seq 60); do docker_ok && return 0; sleep 0.5; done
  log "dockerd did not start; see /tmp/botburrow-dockerd.log"
  return 1
}

case "$mode" in
  test)
    ensure_redis
    ensure_pkg busybox busybox-static || true
    ensure_pkg debootstrap debootstrap || true
    ensure_pkg aws awscli || true
    ensure_pkg npm npm || true   # sandbox images install MCP servers and agent CLIs from npm on the host
    # DashboardBrowserIT drives the dashboard in headless Chromium (playwright-core from scripts/dashboard-e2e)
    ensure_pkg chromium chromium || log "chromium missing: DashboardBrowserIT is skipped (apt-get install chromium)"
    ensure_docker || true
    ;;
  dev)
    ensure_redis
    ensure_pkg debootstrap debootstrap || true
    ensure_pkg npm npm || true
    ensure_docker || log "continuing without the Docker sandbox"
    ;;
  docker)
    ensure_pkg busybox busybox-static || true
    ensure_pkg npm npm || true
    ensure_pkg debootstrap debootstrap || true
    ensure_docker
    ;;
esac
exit 0
