#!/usr/bin/env bash
# Creates the local Debian base image every other image builds FROM. No registry is needed:
# debootstrap fetches plain Debian packages and the rootfs is imported with `docker import`.
set -euo pipefail

IMAGE="${BASE_IMAGE:-botburrow/debian-base:bookworm}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SECURITY_MIRROR="${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"

if docker image inspect "$IMAGE" >/dev/null 2>&1; then
  echo "base: $IMAGE already present"
  exit 0
fi
if ! command -v debootstrap >/dev/null 2>&1; then
  echo "base: debootstrap is missing (apt-get install debootstrap)" >&2
  exit 1
fi

rootfs="$(mktemp -d /tmp/botburrow-base.XXXXXX)"
trap 'rm -rf "$rootfs"' EXIT
debootstrap --variant=minbase bookworm "$rootfs" "$MIRROR" >"$rootfs.log" 2>&1 \
  || { tail -20 "$rootfs.log" >&2; exit 1; }
rm -f "$rootfs.log"

# Same plain-http sources as the host, so `apt-get` inside `docker build --network host` works.
cat >"$rootfs/etc/apt/sources.list" <<SOURCES
deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb $SECURITY_MIRROR bookworm-security main
SOURCES
# Keep images small: no docs, no man pages, no apt caches.
cat >"$rootfs/etc/dpkg/dpkg.cfg.d/01-botburrow-nodoc" <<'NODOC'
path-exclude /usr/share/doc/*
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
NODOC
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*

tar -C "$rootfs" -c . | docker import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV LANG=C.UTF-8' \
  --change 'CMD ["/bin/bash"]' \
  - "$IMAGE" >/dev/null
echo "base: built $IMAGE"
