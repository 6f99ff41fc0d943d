#!/usr/bin/env bash
# Conformance run: the vendors' unmodified npm clients (@fal-ai/client, @google/genai, @leonardo-ai/sdk) against `starsend emulator serve`.
# Exits with the script's code (0 when every check passed).
#   STARSEND_DLL           path to starsend.dll (default: built from src/StarSend.Cli)
#   STARSEND_EMULATOR_CMD  a whole command that serves the emulator and prints the export lines (overrides STARSEND_DLL)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
npm ci --no-audit --no-fund --loglevel=error

if [[ -z "${STARSEND_EMULATOR_CMD:-}" ]]; then
  dll="${STARSEND_DLL:-}"
  if [[ -z "$dll" ]]; then
    dotnet build "$root/src/StarSend.Cli" -c Debug -v q --nologo >&2
    dll="$root/src/StarSend.Cli/bin/Debug/net10.0/starsend.dll"
  fi
  [[ -f "$dll" ]] || { echo "starsend.dll not found (set STARSEND_DLL)" >&2; exit 2; }
  STARSEND_EMULATOR_CMD="dotnet $dll emulator serve --port 0"
fi

work="$(mktemp -d)"
emulator_pid=""
cleanup() {
  if [[ -n "$emulator_pid" ]] && kill -0 "$emulator_pid" 2>/dev/null; then
    kill -TERM "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

$STARSEND_EMULATOR_CMD >"$work/out" 2>"$work/err" &
emulator_pid=$!

for _ in $(seq 1 600); do
  if grep -q '^export STARSEND_GEMINI_URL=' "$work/out" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$emulator_pid" 2>/dev/null; then
    echo "emulator exited before printing its URLs:" >&2
    cat "$work/err" >&2
    exit 2
  fi
  sleep 0.1
done
grep -q '^export STARSEND_GEMINI_URL=' "$work/out" || { echo "emulator printed no URLs in 60 s" >&2; exit 2; }

# Only the four export lines: nothing else the emulator prints is run.
eval "$(grep -E '^export STARSEND_(FAL_QUEUE|FAL_REST|GEMINI)_URL=http://127\.0\.0\.1:[0-9]+$' "$work/out")"
eval "$(grep -E '^export STARSEND_LEONARDO_URL=http://127\.0\.0\.1:[0-9]+/api/rest$' "$work/out")"
echo "emulator at $STARSEND_FAL_QUEUE_URL (pid $emulator_pid)"

set +e
node conformance.mjs
code=$?
set -e

kill -TERM "$emulator_pid" 2>/dev/null || true
wait "$emulator_pid" 2>/dev/null || true
emulator_pid=""
exit "$code"
