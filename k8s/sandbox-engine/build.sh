#!/usr/bin/env bash
# Builds botburrow/sandbox-engine:latest offline from the local Debian base (sandbox-images/build.sh
# makes it when missing); apt-get runs against Debian's mirrors with --network host.
# Usage: k8s/sandbox-engine/build.sh [--if-missing] [IMAGE]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if_missing=false
if [[ "${1:-}" == "--if-missing" ]]; then if_missing=true; shift; fi
image="${1:-botburrow/sandbox-engine:latest}"
if $if_missing && docker image inspect "$image" >/dev/null 2>&1; then
  echo "sandbox-engine: $image already present"
  exit 0
fi
"$root/sandbox-images/build.sh" --if-missing base
start=$SECONDS
docker build -q --network host -t "$image" "$here" >/dev/null
echo "sandbox-engine: built $image in $((SECONDS - start)) s"
