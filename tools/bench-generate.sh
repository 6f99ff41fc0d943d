#!/usr/bin/env bash
# Wall time of `generate --all` on the demo project against the emulator with job latency L, next to the floor
# L × ceil(jobs / concurrency), and the status calls each job cost. Usage: tools/bench-generate.sh [LATENCY_MS]
set -euo pipefail
cd "$(dirname "$0")/.."
latency_ms=${1:-2000}
work=$(mktemp -d)
emu=
# The emulator is started as `exec dotnet ...` in a background subshell, so $! is the dotnet process itself
# (a backgrounded shell function would be a subshell whose child dotnet outlives `kill $!`).
trap '[ -n "$emu" ] && { kill "$emu" 2>/dev/null; wait "$emu" 2>/dev/null; }; rm -rf "$work"' EXIT
dotnet build src/StarSend.Cli -c Release -v q --nologo >/dev/null
dll="$PWD/src/StarSend.Cli/bin/Release/net10.0/starsend.dll"
starsend() { dotnet "$dll" "$@"; }

(exec dotnet "$dll" emulator serve --port 0 --latency "$latency_ms" >"$work/emu.env" 2>"$work/emu.err") &
emu=$!
for _ in $(seq 1 100); do grep -q GEMINI "$work/emu.env" 2>/dev/null && break; sleep 0.1; done
eval "$(cat "$work/emu.env")"
export FAL_KEY=bench:bench GEMINI_API_KEY=bench

starsend init "$work/p" --plan projects/demo/client_plan.json >/dev/null
cp projects/demo/starsend.json "$work/p/"
cd "$work/p"
starsend grid --all >/dev/null 2>&1
n=0
for seq in $(starsend status --json | python3 -c 'import json,sys; print(" ".join(s["id"] for s in json.load(sys.stdin)["sequences"]))'); do
  n=$((n + 1)); starsend pick "$seq" $(( (n - 1) % 4 + 1 )) >/dev/null
done
starsend pick SEQ04 r1c1 --shot shot02 >/dev/null 2>&1 || true

before=$(curl -s "$STARSEND_GEMINI_URL/_emulator/stats")
start=$(date +%s.%N)
starsend generate --all --yes >/dev/null 2>&1
end=$(date +%s.%N)
after=$(curl -s "$STARSEND_GEMINI_URL/_emulator/stats")
concurrency=$(python3 -c 'import json; print(json.load(open("starsend.json")).get("concurrency", 2))')

python3 - "$before" "$after" "$start" "$end" "$latency_ms" "$concurrency" <<'PY'
import json, math, sys
before, after = json.loads(sys.argv[1]), json.loads(sys.argv[2])
wall = float(sys.argv[4]) - float(sys.argv[3])
latency = float(sys.argv[5]) / 1000 + 0.2   # run time plus the emulator's default 200 ms queue wait
concurrency = int(sys.argv[6])
jobs = after["submits_accepted"] - before["submits_accepted"]
status = after["requests"]["status"] - before["requests"]["status"]
floor = latency * math.ceil(jobs / concurrency)
print(f"generate --all: {jobs} jobs, concurrency {concurrency}, job latency {latency:.1f} s")
print(f"wall {wall:.1f} s vs floor {floor:.1f} s (L x ceil(jobs/concurrency)): ratio {wall / floor:.2f}")
print(f"status calls: {status} ({status / jobs:.1f} per job)")
PY
