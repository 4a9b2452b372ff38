#!/usr/bin/env bash
# Runs a runner pod's sandbox engine here as the same container the pod runs, and sandboxes inside it
# through the runner's sandbox code:
#   1. starts botburrow/sandbox-engine (privileged, like the sidecar) with a socket directory and the
#      sandbox image archive mounted as in k8s-overlays/sandbox-engine, and waits for "ready";
#   2. checks that uid 10001, the runner container's user, reaches the engine through the socket;
#   3. runs `botburrow bench sandbox` with DOCKER_HOST on that socket: warm-pool and cold sandboxes
#      (hardened: no network, read-only root, no capabilities, memory/pids/CPU limits) and
#      `docker run --rm` baselines, all inside the per-pod engine;
#   4. removes the engine container (its sandboxes go with it) and the temporary directories.
# Usage: k8s/sandbox-engine/try-here.sh [SAMPLES]     Needs the local Docker engine (./botburrow images).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
samples="${1:-5}"
sandbox_image=botburrow/agent-sandbox:latest
label=botburrow.io/try=sandbox-engine

"$here/build.sh" --if-missing
"$root/sandbox-images/build.sh" --if-missing agent-sandbox

work="$(mktemp -d /tmp/botburrow-engine-try.XXXXXX)"
name="botburrow-engine-try-$$"
cleanup() {
  docker rm -f "$name" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/socket" "$work/data" "$work/images" "$work/sandboxes"
chmod 0777 "$work/socket" "$work/sandboxes"
docker save -o "$work/images/agent-sandbox.tar" "$sandbox_image"

# as in the pod: privileged. An engine that cannot grant every capability (this development
# machine's lacks CAP_SYS_RESOURCE) refuses that; then the engine gets every capability it can grant,
# no seccomp or AppArmor profile and writable /proc and /sys paths, which is what dockerd needs.
isolation=(--privileged)
if ! docker run --rm --label "$label" --privileged --entrypoint true botburrow/sandbox-engine:latest >/dev/null 2>&1; then
  missing=""
  if ! docker run --rm --label "$label" --cap-add ALL --entrypoint true botburrow/sandbox-engine:latest >/dev/null 2>&1; then
    missing=SYS_RESOURCE
  fi
  isolation=(--cap-add ALL ${missing:+--cap-drop "$missing"} --security-opt seccomp=unconfined
    --security-opt apparmor=unconfined --security-opt systempaths=unconfined)
  echo "engine: --privileged refused by this Docker engine; running with ${isolation[*]}"
fi
start=$SECONDS
docker run -d --name "$name" --label "$label" "${isolation[@]}" \
  -e BOTBURROW_ENGINE_SOCKET_DIR=/run/botburrow-docker -e BOTBURROW_ENGINE_GROUP=10001 \
  -v "$work/socket:/run/botburrow-docker" -v "$work/data:/var/lib/docker" \
  -v "$work/images:/var/lib/botburrow/images:ro" -v "$work/sandboxes:/var/lib/botburrow/sandboxes" \
  botburrow/sandbox-engine:latest >/dev/null
for _ in $(seq 240); do
  [[ -e "$work/socket/ready" ]] && break
  if [[ "$(docker inspect -f '{{.State.Running}}' "$name")" != "true" ]]; then docker logs "$name" >&2; exit 1; fi
  sleep 0.5
done
[[ -e "$work/socket/ready" ]] || { docker logs "$name" >&2; echo "engine not ready" >&2; exit 1; }
echo "engine: ready in $((SECONDS - start)) s (started, $sandbox_image loaded)"

sock="unix://$work/socket/docker.sock"
echo "engine: socket group $(stat -c %g "$work/socket/docker.sock"), mode $(stat -c %a "$work/socket/docker.sock")"
# the runner container's user, through the shared socket only
version="$(docker run --rm --label "$label" --user 10001:10001 --network none --entrypoint docker \
  -v "$work/socket:/run/botburrow-docker" -e DOCKER_HOST=unix:///run/botburrow-docker/docker.sock \
  botburrow/sandbox-engine:latest version --format '{{.Server.Version}}')"
echo "uid 10001: reaches the engine (dockerd $version)"
echo "engine images: $(DOCKER_HOST="$sock" docker images --format '{{.Repository}}:{{.Tag}}' | paste -sd, -)"

# limits are enforced inside the per-pod engine: 64 MiB into a 16 MiB container is killed (137, OOMKilled)
set +e
DOCKER_HOST="$sock" docker run --name oom-check --label "$label" --network none --memory 16m --memory-swap 16m \
  --pids-limit 32 "$sandbox_image" python3 -c 'x = bytearray(64 << 20)' >/dev/null 2>&1
status=$?
set -e
echo "engine: 64 MiB in a 16 MiB sandbox exits $status, OOMKilled=$(DOCKER_HOST="$sock" docker inspect -f '{{.State.OOMKilled}}' oom-check)"
DOCKER_HOST="$sock" docker rm -f oom-check >/dev/null

# the CLI's jars directly: `./botburrow bench` would build missing images into the engine DOCKER_HOST names
java="${JAVA_HOME:+$JAVA_HOME/bin/java}"
for candidate in "$java" /usr/lib/jvm/temurin-2[5-9]*/bin/java /usr/lib/jvm/*-2[1-9]*/bin/java; do
  if [[ -x "$candidate" ]]; then java="$candidate"; break; fi
done
[[ -f "$root/cli/target/botburrow-cli-0.1.0-SNAPSHOT.jar" ]] || (cd "$root" && ./botburrow build)
DOCKER_HOST="$sock" "$java" -cp "$root/cli/target/botburrow-cli-0.1.0-SNAPSHOT.jar:$root/cli/target/lib/*" \
  io.botburrow.cli.Main bench sandbox --image "$sandbox_image" --samples "$samples"
left="$(DOCKER_HOST="$sock" docker ps -aq | wc -l)"
echo "engine: $left container(s) left after the benchmark"
