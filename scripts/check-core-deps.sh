#!/usr/bin/env bash
# The engine must never depend on the GUI: no egui, eframe, rfd or winit in
# wirescope-core's dependency tree or source.
set -euo pipefail
cd "$(dirname "$0")/.."
if cargo tree -p wirescope-core --edges normal,build --prefix none --locked | grep -Ei '^(egui|eframe|epaint|rfd|winit|egui_[a-z]+) '; then
  echo "check-core-deps: wirescope-core depends on a GUI crate (above)" >&2
  exit 1
fi
if grep -rEn '\b(egui|eframe|rfd|winit)::' crates/core/src; then
  echo "check-core-deps: GUI code referenced in crates/core/src (above)" >&2
  exit 1
fi
echo "check-core-deps: wirescope-core is GUI-free"
