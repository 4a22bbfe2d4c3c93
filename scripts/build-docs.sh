#!/usr/bin/env bash
# Trunk post-build hook: builds the PDF maker (docs/, package trygg-docs) into its own wasm
# module next to the app, so the app's first load does not carry the PDF code. boot.js loads
# it on the first PDF request.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}
if [ "${TRUNK_PROFILE:-debug}" = "release" ]; then
  cargo build -q --release --target wasm32-unknown-unknown -p trygg-docs
  wasm=target/wasm32-unknown-unknown/release/trygg_docs.wasm
else
  cargo build -q --target wasm32-unknown-unknown -p trygg-docs
  wasm=target/wasm32-unknown-unknown/debug/trygg_docs.wasm
fi
wasm-bindgen --target web --no-typescript --out-dir "$out" "$wasm"
if [ "${TRUNK_PROFILE:-debug}" = "release" ]; then
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals "$out/trygg_docs_bg.wasm" -o "$out/trygg_docs_bg.wasm"
fi
