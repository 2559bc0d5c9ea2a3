#!/usr/bin/env bash
# Extraction speed benchmark (not a test): one thread, against `wc -w`.
#   scripts/bench.sh CORPUS.jsonl [TARGET_MB]     (default 100; 1 MB = 1,000,000 bytes)
# Concatenates CORPUS.jsonl into a temporary file of at least TARGET_MB, warms the
# page cache, times `wc -w` (default locale and LC_ALL=C) and `quotegraph extract`,
# best of $REPS runs each (env REPS, default 3), and prints a markdown table.
# Target: extract / wc -w (default locale) <= 1.0.
set -euo pipefail
usage="usage: scripts/bench.sh CORPUS.jsonl [TARGET_MB]"
corpus=$(realpath "${1:?$usage}")
target_mb=${2:-100}
reps=${REPS:-3}
[[ -s "$corpus" ]] || { echo "empty or missing corpus: $corpus" >&2; exit 1; }
[[ "$target_mb" =~ ^[0-9]+$ ]] || { echo "$usage" >&2; exit 1; }

cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=./target/release/quotegraph

# Temporary concatenated corpus, outside the repository (mktemp uses $TMPDIR or /tmp).
big=$(mktemp --suffix=.jsonl)
tlog=$(mktemp)
trap 'rm -f "$big" "$tlog"' EXIT
target_bytes=$((target_mb * 1000000))
if [[ -n "$(tail -c 1 "$corpus")" ]]; then   # keep JSON Lines intact across copies
  echo "corpus does not end with a newline" >&2; exit 1
fi
while (( $(stat -c %s "$big") < target_bytes )); do cat "$corpus" >> "$big"; done
bytes=$(stat -c %s "$big")
cat "$big" > /dev/null   # warm the page cache

# Single thread: use --jobs 1 when the CLI has it.
jobs_args=()
if "$bin" extract --help | grep -q -- --jobs; then
  jobs_args=(--jobs 1); threads="--jobs 1"
else
  threads="single-threaded (no --jobs flag yet)"
fi

have_time=0; [[ -x /usr/bin/time ]] && have_time=1

# best CMD...: run CMD (stdout to /dev/null) $reps times; sets BEST (s) and BEST_RSS (KB).
best() {
  BEST=""; BEST_RSS=""
  local i secs rss t0 t1
  for ((i = 0; i < reps; i++)); do
    if (( have_time )); then
      /usr/bin/time -f '%e %M' -o "$tlog" "$@" > /dev/null
      read -r secs rss < "$tlog"
    else
      t0=$(date +%s.%N); "$@" > /dev/null; t1=$(date +%s.%N)
      secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }'); rss=""
    fi
    if [[ -z "$BEST" ]] || awk -v a="$secs" -v b="$BEST" 'BEGIN { exit !(a < b) }'; then
      BEST=$secs; BEST_RSS=$rss
    fi
  done
}

words=$(wc -w < "$big")
# two threads and the report command, when the CLI has --jobs
ex2=""; rep=""; rep_rss=""
if [[ ${#jobs_args[@]} -gt 0 ]]; then
  best "$bin" extract --format jsonl --jobs 2 "$big"; ex2=$BEST
  best "$bin" report --jobs 1 "$big"; rep=$BEST; rep_rss=$BEST_RSS
fi
best wc -w "$big";           wc_def=$BEST
best env LC_ALL=C wc -w "$big"; wc_c=$BEST
best "$bin" extract --format jsonl "${jobs_args[@]}" "$big"
ex=$BEST; ex_rss=$BEST_RSS

calc() { awk "BEGIN { $1 }"; }
mb=$(calc "printf \"%.1f\", $bytes / 1e6")
mbps=$(calc "printf \"%.1f\", ($ex > 0) ? $bytes / 1e6 / $ex : 0")
ratio=$(calc "printf \"%.2f\", ($wc_def > 0) ? $ex / $wc_def : 0")
rss_mb="n/a (no /usr/bin/time)"
[[ -n "$ex_rss" ]] && rss_mb=$(calc "printf \"%.1f\", $ex_rss / 1000")

echo "Corpus: $corpus x$(( bytes / $(stat -c %s "$corpus") )); extract $threads; best of $reps"
echo "Default locale: ${LC_ALL:-${LANG:-C}}; ratio is against the default-locale wc -w"
echo
echo "| file MB | words | wc -w s (default) | wc -w s (LC_ALL=C) | extract s | extract MB/s | extract / wc | extract peak RSS MB |"
echo "|---|---|---|---|---|---|---|---|"
echo "| $mb | $words | $wc_def | $wc_c | $ex | $mbps | $ratio | $rss_mb |"
if [[ -n "$ex2" ]]; then
  ratio2=$(calc "printf \"%.2f\", ($wc_def > 0) ? $ex2 / $wc_def : 0")
  rep_ratio=$(calc "printf \"%.2f\", ($ex > 0) ? $rep / $ex : 0")
  rep_mb="n/a"; [[ -n "$rep_rss" ]] && rep_mb=$(calc "printf \"%.1f\", $rep_rss / 1000")
  echo
  echo "| extract --jobs 2 s | / wc -w | report (1 thread) s | report / extract | report peak RSS MB |"
  echo "|---|---|---|---|---|"
  echo "| $ex2 | $ratio2 | $rep | $rep_ratio | $rep_mb |"
fi
