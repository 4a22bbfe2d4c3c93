#!/usr/bin/env bash
# Trunk post-build hook: builds the lazily loaded wasm modules next to the app: the course
# pages (course/, trygg-course), the certificate and my data (records/, trygg-records), the
# PDF maker (pdf/, trygg-pdf) and the manager view (manager/, trygg-manager). The first page of a visit carries none of them; boot.js fetches
# each on first use. Then the web app manifest, its icons and the service worker.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}
profile=${TRUNK_PROFILE:-debug}
flags=(-q --target wasm32-unknown-unknown -p trygg-course -p trygg-records -p trygg-pdf -p trygg-manager)
[ "$profile" = "release" ] && flags+=(--release)
cargo build "${flags[@]}"
for name in trygg_course trygg_records trygg_pdf trygg_manager; do
  wasm-bindgen --target web --no-typescript --out-dir "$out" "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$profile/$name.wasm"
  if [ "$profile" = "release" ]; then
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals "$out/${name}_bg.wasm" -o "$out/${name}_bg.wasm"
  fi
done
# Trunk's `minify` covers index.html and the CSS but not wasm-bindgen's JavaScript glue, which
# is 44-55 KB per module as written: terser takes a quarter of its gzip size off (boot.js
# imports each by name, so names stay as they are; no integrity hash covers them).
if [ "$profile" = "release" ]; then
  for name in trygg-app trygg_course trygg_records trygg_pdf trygg_manager; do
    terser "$out/$name.js" --module --compress --mangle --output "$out/$name.js"
  done
  # boot.js, which every first page waits for, is mostly comments as written (9.5 KB, 3.8 KB
  # gzip; 1.9 KB minified). A classic script: its top-level names stay as they are.
  terser "$out/boot.js" --compress --mangle --output "$out/boot.js"
fi
# The web app manifest and its icons, drawn from web/favicon.svg (index.html links them, so
# debug builds get them too). Then, in release builds and last of all, the service worker,
# made from the finished folder's own files so no list is kept by hand. Debug builds
# (`trunk serve`) have no worker: the page registers none there (src/shared/browser/worker.rs).
node scripts/make-manifest.mjs "$out"
if [ "$profile" = "release" ]; then
  node scripts/make-worker.mjs "$out"
fi
