#!/usr/bin/env bash
# Builds the runtime image botburrow/botburrow:latest offline: the local Debian base (made by
# sandbox-images/build.sh when missing), a Java runtime cut from the build JDK with jlink, and the
# jars of `./mvnw package`. Usage: k8s/image/build.sh [--if-missing] [IMAGE]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if_missing=false
if [[ "${1:-}" == "--if-missing" ]]; then if_missing=true; shift; fi
image="${1:-botburrow/botburrow:latest}"

if $if_missing && docker image inspect "$image" >/dev/null 2>&1; then
  echo "runtime: $image already present"
  exit 0
fi
java_home="${JAVA_HOME:?set JAVA_HOME to a JDK >= 21 (./botburrow picks one)}"
cli_jar="$root/cli/target/botburrow-cli-0.1.0-SNAPSHOT.jar"
if [[ ! -f "$cli_jar" || ! -d "$root/cli/target/lib" ]]; then
  echo "runtime: building the jars (./mvnw -DskipTests package) ..." >&2
  (cd "$root" && ./mvnw -B -q -DskipTests package >&2)
fi
"$root/sandbox-images/build.sh" --if-missing base

start=$SECONDS
context="$(mktemp -d)"
trap 'rm -rf "$context"' EXIT
cp "$here/Dockerfile" "$here/botburrow-entrypoint" "$context/"
mkdir "$context/lib"
cp "$cli_jar" "$root"/cli/target/lib/*.jar "$context/lib/"
# Every module of the JDK but the image tools (a JDK without jmods cannot link those): libraries
# load some modules reflectively (JMX, naming, crypto).
modules="$("$java_home/bin/java" --list-modules | sed 's/@.*//' | grep -vxE 'jdk.jlink|jdk.jpackage' | paste -sd, -)"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --output "$context/jre"
docker build -q -t "$image" "$context" >/dev/null
echo "runtime: built $image in $((SECONDS - start)) s"
