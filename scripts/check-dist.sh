#!/usr/bin/env bash
# Guards the release folder: relative URLs only (works from any sub-path) and no inline
# script or style (works under a strict CSP).
set -euo pipefail
dir=${1:-dist}
index="$dir/index.html"
fail() { echo "check-dist: $*" >&2; exit 1; }
[ -f "$index" ] || fail "$index is missing"
# Release builds minify index.html, which drops the quotes around attribute values.
grep -Eq '(src|href)=["'"'"']?/' "$index" && fail "$index has an absolute URL; set public_url = \"./\""
grep -Eq '<script(>| type=["'"'"']?module["'"'"']?>)' "$index" && fail "$index has an inline script"
grep -Eq '[[:space:]]style=' "$index" && fail "$index has an inline style attribute"
for f in boot.js trygg-app.js trygg-app_bg.wasm trygg_course.js trygg_course_bg.wasm trygg_pdf.js \
  trygg_pdf_bg.wasm trygg_manager.js trygg_manager_bg.wasm content/organisation.json; do
  [ -f "$dir/$f" ] || fail "$dir/$f is missing"
done
echo "check-dist: $dir is relative-URL only and CSP-clean"
