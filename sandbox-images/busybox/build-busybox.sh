#!/usr/bin/env bash
# A tiny image (one static busybox binary) for fast tests: imports in about 0.1 s, no registry needed.
set -euo pipefail

IMAGE="${BUSYBOX_IMAGE:-botburrow/busybox-sandbox:latest}"
if [[ "${1:-}" == "--if-missing" ]] && docker image inspect "$IMAGE" >/dev/null 2>&1; then
  echo "busybox: $IMAGE already present"
  exit 0
fi
busybox="$(command -v busybox || true)"
# The image has no libc: only a statically linked busybox works (Debian's busybox-static).
if [[ -z "$busybox" ]] || ldd "$busybox" >/dev/null 2>&1; then
  busybox=/bin/busybox
fi
if [[ ! -x "$busybox" ]]; then
  echo "busybox: no static busybox on this host (apt-get install busybox-static)" >&2
  exit 1
fi

rootfs="$(mktemp -d /tmp/botburrow-busybox.XXXXXX)"
trap 'rm -rf "$rootfs"' EXIT
mkdir -p "$rootfs/bin" "$rootfs/tmp" "$rootfs/workspace" "$rootfs/etc"
cp "$busybox" "$rootfs/bin/busybox"
for applet in $("$busybox" --list); do
  [[ "$applet" == busybox ]] || ln -s busybox "$rootfs/bin/$applet"
done
echo 'sandbox:x:1000:1000::/workspace:/bin/sh' >"$rootfs/etc/passwd"
echo 'sandbox:x:1000:' >"$rootfs/etc/group"
tar -C "$rootfs" -c . | docker import --change 'ENV PATH=/bin' --change 'CMD ["sh"]' - "$IMAGE" >/dev/null
echo "busybox: built $IMAGE"
