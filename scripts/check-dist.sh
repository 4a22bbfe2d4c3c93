#!/usr/bin/env bash
# Guards the release folder: relative URLs only (works from any sub-path), no inline script
# or style (works under a strict CSP), and a service worker that lists the folder's files.
set -euo pipefail
dir=${1:-dist}
index="$dir/index.html"
fail() { echo "check-dist: $*" >&2; exit 1; }
[ -f "$index" ] || fail "$index is missing"
# Release builds minify index.html, which drops the quotes around attribute values.
grep -Eq '(src|href)=["'"'"']?/' "$index" && fail "$index has an absolute URL; set public_url = \"./\""
grep -Eq '<script(>| type=["'"'"']?module["'"'"']?>)' "$index" && fail "$index has an inline script"
grep -Eq '[[:space:]]style=' "$index" && fail "$index has an inline style attribute"
for f in boot.js trygg-app.js trygg-app_bg.wasm trygg_course.js trygg_course_bg.wasm trygg_records.js \
  trygg_records_bg.wasm trygg_pdf.js \
  trygg_pdf_bg.wasm trygg_manager.js trygg_manager_bg.wasm content/organisation.json; do
  [ -f "$dir/$f" ] || fail "$dir/$f is missing"
done
# Offline use and installing: the worker, its withdraw twin, the manifest and its icons, and
# a worker whose file list matches the folder.
for f in sw.js sw-withdraw.js manifest.json icons/icon-192.png icons/icon-512.png icons/icon-maskable-512.png; do
  [ -f "$dir/$f" ] || fail "$dir/$f is missing"
done
grep -q 'rel="\?manifest' "$index" || fail "$index does not link manifest.json"
node "$(dirname "$0")/make-worker.mjs" --check "$dir" >/dev/null || fail "$dir/sw.js does not match the folder"
echo "check-dist: $dir is relative-URL only and CSP-clean, with a worker that lists its files"
