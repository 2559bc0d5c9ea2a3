#!/usr/bin/env bash
# Scores extraction against an annotated gold file (JSON Lines with id, text, quotes).
#   scripts/eval.sh GOLD.jsonl SCORER.py [extra score.py args...]
# Builds the release binary, extracts to a temporary file, runs the scorer on
# all kinds and on direct+mixed quotes.
set -euo pipefail
gold=${1:?usage: scripts/eval.sh GOLD.jsonl SCORER.py [args]}
scorer=${2:?usage: scripts/eval.sh GOLD.jsonl SCORER.py [args]}
shift 2
cd "$(dirname "$0")/.."
cargo build --release --quiet
pred=$(mktemp --suffix=.jsonl)
trap 'rm -f "$pred"' EXIT
./target/release/quotegraph extract --format jsonl "$gold" -o "$pred"
echo "## all kinds"
python3 "$scorer" "$gold" "$pred" "$@"
echo "## direct,mixed"
python3 "$scorer" "$gold" "$pred" --kinds direct,mixed
