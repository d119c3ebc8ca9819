#!/usr/bin/env bash
# Runs every test: fetches the real test corpora (into the ignored data/
# folder), then the whole workspace's tests in release mode.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-data.sh
WIRESCOPE_REQUIRE_DATA=1 cargo test --release --locked --workspace "$@"
