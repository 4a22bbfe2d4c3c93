#!/usr/bin/env bash
# Installs what building and testing Trygg needs, skipping whatever is already present.
# A fresh machine has only rustup's Rust, node/npm and python; everything else comes from
# the package registries (crates.io, npm, Debian).
set -euo pipefail
cd "$(dirname "$0")/.."

need_browser=0
for arg in "$@"; do
  case "$arg" in
    --browser) need_browser=1 ;;
  esac
done

log() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# 1. The wasm32 target.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. Trunk 0.21.x (0.22 needs a newer rustc than 1.95).
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  log "installing trunk 0.21 (takes a few minutes the first time)"
  cargo install trunk --version '~0.21' --locked
fi

# 3. wasm-bindgen-cli at exactly the version in Cargo.lock. Not --locked: one of its
#    locked dependencies is missing from the registry.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$want" ]; then
  echo "setup: cannot find wasm-bindgen in Cargo.lock" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $want\$"; then
  log "installing wasm-bindgen-cli $want"
  cargo install wasm-bindgen-cli --version "=$want" --force
fi

# 4. npm packages for browser tests and wasm-opt, from the committed lock file.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.trygg-lock; then
  log "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.trygg-lock
fi

# 5. Debian's Chromium and ChromeDriver (browser tests), poppler and qpdf (PDF checks),
#    xmllint (SCORM manifests checked against their schemas).
if [ "$need_browser" = 1 ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  command -v qpdf >/dev/null || missing+=(qpdf)
  python3 -c 'import ensurepip' 2>/dev/null || missing+=(python3-venv)
  command -v xmllint >/dev/null || missing+=(libxml2-utils)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} with apt-get"
    sudo_cmd=""
    [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
  fi
fi

# 6. pikepdf and the pdfua checker, which the PDF/UA and PDF/A tests read the PDFs with
#    (core/tests/pdf_support/inspect_pdf.py), in a venv of their own under target/.
if [ "$need_browser" = 1 ]; then
  venv=target/pdf-check-venv
  if ! "$venv/bin/python" -c 'import pikepdf, pdfua' 2>/dev/null; then
    log "installing pikepdf and pdfua into $venv"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check 'pikepdf==10.18.0' 'pdfua==0.1.3'
  fi
fi

# 7. The PDF fonts: DejaVu Sans from npm, subset by the trygg CLI (web/fonts/, not committed).
scripts/font.sh
