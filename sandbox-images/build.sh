#!/usr/bin/env bash
# Builds the sandbox and MCP sidecar images, offline from a local Debian base.
#   build.sh [--if-missing] [TARGET...]    TARGET: base busybox agent-sandbox mcp-filesystem mcp-memory
#                                           mcp-github mcp-brave-search mcp-env-echo claude-code codex
# Without targets builds all. --if-missing skips images already present. Idempotent.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if_missing=false
targets=()
for arg in "$@"; do
  case "$arg" in
    --if-missing) if_missing=true ;;
    base|busybox|agent-sandbox|mcp-filesystem|mcp-memory|mcp-github|mcp-brave-search|mcp-env-echo|claude-code|codex) targets+=("$arg") ;;
    *) echo "usage: $0 [--if-missing] [base|busybox|agent-sandbox|mcp-filesystem|mcp-memory|mcp-github|mcp-brave-search|mcp-env-echo|claude-code|codex]..." >&2; exit 2 ;;
  esac
done
[[ ${#targets[@]} -gt 0 ]] || targets=(base busybox agent-sandbox mcp-filesystem mcp-memory mcp-github mcp-brave-search claude-code codex)

declare -A image_of=(
  [base]=botburrow/debian-base:bookworm
  [busybox]=botburrow/busybox-sandbox:latest
  [agent-sandbox]=botburrow/agent-sandbox:latest
  [mcp-filesystem]=botburrow/mcp-filesystem:latest
  [mcp-memory]=botburrow/mcp-memory:latest
  [mcp-github]=botburrow/mcp-github:latest
  [mcp-brave-search]=botburrow/mcp-brave-search:latest
  [mcp-env-echo]=botburrow/mcp-env-echo:latest
  [claude-code]=botburrow/claude-code:latest
  [codex]=botburrow/codex:latest
)
# the image each Dockerfile starts FROM (built first when missing)
declare -A from_of=([mcp-env-echo]=busybox [claude-code]=agent-sandbox [codex]=agent-sandbox)
declare -A npm_package_of=(
  [mcp-filesystem]=@modelcontextprotocol/server-filesystem@2026.8.31
  [mcp-memory]=@modelcontextprotocol/server-memory@2026.8.31
  [mcp-github]=@modelcontextprotocol/server-github@2025.4.8
  [mcp-brave-search]=@modelcontextprotocol/server-brave-search@0.6.2
  # proprietary (Anthropic PBC, see its LICENSE.md): installed by the build, never committed
  [claude-code]=@anthropic-ai/claude-code@2.1.197
  # Apache-2.0 (its package.json; the image carries the licence text at /opt/codex/LICENSE)
  [codex]=@openai/codex@0.171.0
)
# files a context shares with another image's directory, copied in before the build (ignored by git)
declare -A shared_of=([codex]=claude-code/with-gateway)

present() { docker image inspect "$1" >/dev/null 2>&1; }

timed() {
  local name="$1"; shift
  local start=$SECONDS
  "$@"
  echo "$name: done in $((SECONDS - start)) s"
}

build_base() { BASE_IMAGE="${image_of[base]}" bash "$here/base/build-base.sh"; }
build_busybox() { BUSYBOX_IMAGE="${image_of[busybox]}" bash "$here/busybox/build-busybox.sh"; }

build_dockerfile() {
  local target="$1" context="$here/$1"
  local from="${from_of[$target]:-base}"
  if ! present "${image_of[$from]}"; then
    case "$from" in
      base|busybox) timed "$from" "build_$from" ;;
      *) timed "$from" build_dockerfile "$from" ;;
    esac
  fi
  if [[ -n "${npm_package_of[$target]:-}" ]]; then
    # npm inside `docker build` fails TLS verification here: install on the host, then COPY.
    rm -rf "$context/app"
    npm install --prefix "$context/app" --no-audit --no-fund --omit=dev --loglevel=error \
      "${npm_package_of[$target]}" >/dev/null
  fi
  if [[ -n "${shared_of[$target]:-}" ]]; then
    cp "$here/${shared_of[$target]}" "$context/"
  fi
  docker build -q --network host -t "${image_of[$target]}" "$context" >/dev/null
  echo "$target: built ${image_of[$target]}"
}

for target in "${targets[@]}"; do
  if $if_missing && present "${image_of[$target]}"; then
    echo "$target: ${image_of[$target]} already present"
    continue
  fi
  case "$target" in
    base) timed base build_base ;;
    busybox) timed busybox build_busybox ;;
    *) timed "$target" build_dockerfile "$target" ;;
  esac
done
