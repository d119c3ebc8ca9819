#!/usr/bin/env bash
# Load benchmark: the whole `wirescope stats DIR` process on the benchmark
# corpus (scripts/fetch-data.sh issue-shaped: the size and shape of the
# corpus issue #2 names), wall time and peak RSS, medians of
# RUNS runs, beside `cat` and `wc -w` over the same files in the same run.
# CPU time (user + system) is recorded too: on a shared machine it moves
# less than wall time does.
# Writes the "Loading" section of docs/PERFORMANCE.md (other sections kept).
#
#   scripts/bench-load.sh [DIR]      default DIR: data/issue-shaped
#                                    (data/bench: the same plus a 40 MB
#                                    dictionary, less the kernel sources)
#   RUNS=5 WIRESCOPE_BIN=target/release/wirescope scripts/bench-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
dir="${1:-data/issue-shaped}"
runs="${RUNS:-5}"
bin="${WIRESCOPE_BIN:-$root/target/release/wirescope}"
doc="$root/docs/PERFORMANCE.md"

if [ ! -x /usr/bin/time ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "bench-load: installing time"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends time >/dev/null
fi
case "$dir" in
  data/bench) scripts/fetch-data.sh bench ;;
  data/issue-shaped) scripts/fetch-data.sh issue-shaped ;;
esac
if [ -z "${WIRESCOPE_BIN:-}" ]; then
  echo "bench-load: building the release binary"
  cargo build --release --quiet
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
find "$dir" -type f -not -path '*/.*' -print0 | sort -z >"$work/files"
files=$(tr -cd '\0' <"$work/files" | wc -c)
bytes=$(xargs -0 cat <"$work/files" | wc -c)
# Warm the page cache so every contender reads from memory.
xargs -0 cat <"$work/files" >/dev/null

# measure NAME COMMAND...: appends "wall-seconds kilobytes user system"
# lines to $work/NAME.
measure() {
  local name="$1"
  shift
  /usr/bin/time -o "$work/one" -f '%e %M %U %S' "$@" >/dev/null 2>"$work/stderr" || {
    cat "$work/stderr" >&2
    echo "bench-load: $name failed" >&2
    exit 1
  }
  cat "$work/one" >>"$work/$name"
}

echo "bench-load: $files files, $bytes bytes in $dir; $runs runs each"
for i in $(seq "$runs"); do
  measure cat xargs -0 -a "$work/files" cat
  measure wc xargs -0 -a "$work/files" wc -w
  measure wirescope "$bin" stats "$dir"
  echo "bench-load: run $i: cat $(tail -n 1 "$work/cat" | cut -d' ' -f1) s," \
    "wc -w $(tail -n 1 "$work/wc" | cut -d' ' -f1) s," \
    "wirescope $(tail -n 1 "$work/wirescope" | cut -d' ' -f1) s"
done
"$bin" stats "$dir" >"$work/stats" 2>/dev/null

median() { # median COLUMN FILE
  cut -d' ' -f"$1" "$2" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
for name in cat wc wirescope; do
  printf -v "${name}_secs" '%s' "$(median 1 "$work/$name")"
  printf -v "${name}_kb" '%s' "$(median 2 "$work/$name")"
  awk '{printf "%.2f\n", $3 + $4}' "$work/$name" >"$work/$name.cpu"
  printf -v "${name}_cpu" '%s' "$(median 1 "$work/$name.cpu")"
done
load_avg=$(cut -d' ' -f1-3 /proc/loadavg)
stat_of() { awk -F'\t' -v k="$1" '$1 == k {print $2}' "$work/stats"; }
ratio_cat=$(awk -v a="$wirescope_secs" -v b="$cat_secs" 'BEGIN {printf "%.1f", (b > 0) ? a / b : 0}')
ratio_wc=$(awk -v a="$wirescope_secs" -v b="$wc_secs" 'BEGIN {printf "%.1f", (b > 0) ? a / b : 0}')
rss_mb=$(awk -v k="$wirescope_kb" 'BEGIN {printf "%.0f", k * 1024 / 1e6}')
rss_ratio=$(awk -v k="$wirescope_kb" -v b="$bytes" 'BEGIN {printf "%.2f", k * 1024 / b}')
mb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}')
mb_per_s=$(awk -v b="$bytes" -v s="$wirescope_secs" 'BEGIN {printf "%.0f", (s > 0) ? b / 1e6 / s : 0}')

section="$work/section"
cat >"$section" <<EOF
## Loading

\`scripts/bench-load.sh\` on \`$dir\` ($files files, $mb MB of text, built by
\`scripts/fetch-data.sh $(basename "$dir")\`), page cache warm, $(nproc) cores, medians of
$runs runs, measured $(date -u +%Y-%m-%d) with \`/usr/bin/time -f '%e %M %U %S'\`.
The figure is the whole \`wirescope stats DIR\` process: walking, decoding,
parsing the article fields, tokenizing, interning and building the
positional index, printing, exiting.

| command | wall (s) | CPU (s) | peak RSS (MB) | wall vs \`cat\` |
| --- | ---: | ---: | ---: | ---: |
| \`cat\` (all files) | $cat_secs | $cat_cpu | $(awk -v k="$cat_kb" 'BEGIN {printf "%.0f", k * 1024 / 1e6}') | 1.0 |
| \`wc -w\` (all files) | $wc_secs | $wc_cpu | $(awk -v k="$wc_kb" 'BEGIN {printf "%.0f", k * 1024 / 1e6}') | $(awk -v a="$wc_secs" -v b="$cat_secs" 'BEGIN {printf "%.1f", (b > 0) ? a / b : 0}') |
| \`wirescope stats\` | $wirescope_secs | $wirescope_cpu | $rss_mb | $ratio_cat |

- wirescope: $mb_per_s MB/s; $ratio_wc x \`wc -w\`; peak RSS $rss_ratio x the
  text size (goal: at most 4.5 x \`cat\` and 2.5 x the text).
- Corpus: $(stat_of documents) documents, $(stat_of tokens) tokens,
  $(stat_of types) word types, $(stat_of 'files skipped') files skipped.
- Load average when the runs ended: $load_avg (other jobs on the machine
  inflate wall times; CPU time is steadier).
EOF
if [ -n "${BENCH_NOTES:-}" ] && [ -f "$BENCH_NOTES" ]; then
  { echo; cat "$BENCH_NOTES"; } >>"$section"
fi

mkdir -p "$(dirname "$doc")"
if [ -f "$doc" ]; then
  # Replace the old "## Loading" section (up to the next "## "), keep the rest.
  awk -v section="$section" '
    /^## / { if (skipping) skipping = 0 }
    /^## Loading[[:space:]]*$/ { while ((getline line < section) > 0) print line; print ""; skipping = 1; done = 1; next }
    !skipping { print }
    END { if (!done) { print ""; while ((getline line < section) > 0) print line } }
  ' "$doc" >"$work/doc"
  mv "$work/doc" "$doc"
else
  { echo "# Performance"; echo; cat "$section"; } >"$doc"
fi
echo "bench-load: wrote $doc"
cat "$section"
