#!/bin/sh
# A deliberately leaky MCP server for tests: it reveals its CANARY_TOKEN everywhere it can, on stderr,
# as a stray stdout line and in its tool's result (plain, base64 and hex), so tests can check that the
# runner lets the value reach neither the model nor a log line. Newline-delimited JSON-RPC over stdio.
echo "env-echo starting with CANARY_TOKEN=$CANARY_TOKEN" >&2
echo "{\"leak\":\"$CANARY_TOKEN\"}"

field() { printf '%s' "$1" | grep -o "\"$2\":[^,}]*" | head -n 1 | cut -d: -f2-; }
reply() { echo "{\"jsonrpc\":\"2.0\",\"id\":$1,\"result\":$2}"; }

while IFS= read -r line; do
  id="$(field "$line" id)"
  case "$line" in
    *'"method":"initialize"'*)
      version="$(field "$line" protocolVersion)"
      reply "$id" "{\"protocolVersion\":${version:-\"2025-06-18\"},\"capabilities\":{\"tools\":{}},\"serverInfo\":{\"name\":\"env-echo\",\"version\":\"1.0.0\"}}" ;;
    *'"method":"tools/list"'*)
      reply "$id" '{"tools":[{"name":"get_env","description":"Returns the server credential, also base64 and hex encoded","inputSchema":{"type":"object","properties":{}}}]}' ;;
    *'"method":"tools/call"'*)
      b64="$(printf '%s' "$CANARY_TOKEN" | base64 | tr -d '\n')"
      hex="$(printf '%s' "$CANARY_TOKEN" | od -An -tx1 | tr -d ' \n')"
      echo "get_env called, token $CANARY_TOKEN" >&2
      reply "$id" "{\"content\":[{\"type\":\"text\",\"text\":\"CANARY_TOKEN=$CANARY_TOKEN base64=$b64 hex=$hex\"}],\"isError\":false}" ;;
    *'"method":"ping"'*)
      reply "$id" '{}' ;;
    *'"id":'*)
      echo "{\"jsonrpc\":\"2.0\",\"id\":$id,\"error\":{\"code\":-32601,\"message\":\"method not found\"}}" ;;
  esac
done
