#!/usr/bin/env bash
# Report scaling benchmark (not a test): does each export grow linearly with the corpus?
#   scripts/bench-report.sh CORPUS.jsonl [MB]     (default 20; 1 MB = 1,000,000 bytes)
# Takes the first MB of CORPUS.jsonl and the first 2×MB (whole lines; the corpus is repeated
# when it is shorter), runs `report` in every format and network on both, and prints the times
# and their ratio. A ratio near 2 is linear; well above 2 means some step compares every
# statement (or actor, or edge) with every other one, which a whole archive cannot afford.
set -euo pipefail
usage="usage: scripts/bench-report.sh CORPUS.jsonl [MB]"
corpus=$(realpath "${1:?$usage}")
mb=${2:-20}
[[ -s "$corpus" ]] || { echo "empty or missing corpus: $corpus" >&2; exit 1; }
[[ "$mb" =~ ^[0-9]+$ ]] || { echo "$usage" >&2; exit 1; }
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=./target/release/quotegraph

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# the first N bytes of the (repeated) corpus, cut back to whole lines
cut_to() {
  local bytes=$1 out=$2
  while (( $(stat -c %s "$tmp/all" 2>/dev/null || echo 0) < bytes )); do cat "$corpus" >> "$tmp/all"; done
  head -c "$bytes" "$tmp/all" | head -n -1 > "$out"
}
cut_to $((mb * 1000000)) "$tmp/small.jsonl"
cut_to $((2 * mb * 1000000)) "$tmp/large.jsonl"

secs() { /usr/bin/time -f '%e' -o "$tmp/t" "$@" > /dev/null 2>&1 || true; tail -n 1 "$tmp/t"; }
echo "Corpus: $corpus, first $mb MB and $((2 * mb)) MB; report --jobs 1"
echo
echo "| command | $mb MB s | $((2 * mb)) MB s | ratio |"
echo "|---|---|---|---|"
run() {
  local a b
  a=$(secs "$bin" report --jobs 1 -q "$@" "$tmp/small.jsonl" -o "$tmp/out")
  b=$(secs "$bin" report --jobs 1 -q "$@" "$tmp/large.jsonl" -o "$tmp/out")
  echo "| report $* | $a | $b | $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", (a > 0) ? b / a : 0 }') |"
}
for f in json html svg graphml gexf dot csv text; do run -f "$f"; done
for n in conflict congruence affiliation quotes; do run -f html --network "$n"; done
run -f html --level organization
run -f html --timeline
run -f csv --window month
