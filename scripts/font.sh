#!/usr/bin/env bash
# Writes web/fonts/trygg-sans.ttf and trygg-sans-bold.ttf: DejaVu Sans (npm package
# dejavu-fonts-ttf, installed by `npm ci`) cut down by `trygg font subset` to Latin, Greek,
# Cyrillic and punctuation. The app fetches them only when it makes a PDF. A font is
# rebuilt when it is missing or older than its source (or than this script).
set -euo pipefail
cd "$(dirname "$0")/.."

src=node_modules/dejavu-fonts-ttf/ttf
out=web/fonts
pairs=("DejaVuSans.ttf:trygg-sans.ttf" "DejaVuSans-Bold.ttf:trygg-sans-bold.ttf")

if [ ! -f "$src/DejaVuSans.ttf" ] || [ ! -f "$src/DejaVuSans-Bold.ttf" ]; then
  echo "font.sh: $src is missing; run 'make setup' (it runs npm ci)" >&2
  exit 1
fi

stale=()
for pair in "${pairs[@]}"; do
  from="$src/${pair%%:*}"
  to="$out/${pair##*:}"
  if [ ! -f "$to" ] || [ "$from" -nt "$to" ] || [ "$0" -nt "$to" ]; then
    stale+=("$pair")
  fi
done
[ ${#stale[@]} -eq 0 ] && exit 0

# Cargo rebuilds the CLI only if its sources changed; the debug build is shared with the tests.
cargo build -q -p trygg-cli
trygg=target/debug/trygg

mkdir -p "$out"
for pair in "${stale[@]}"; do
  from="$src/${pair%%:*}"
  to="$out/${pair##*:}"
  "$trygg" font subset "$from" "$to.tmp"
  mv "$to.tmp" "$to"
done
# The fonts' licence travels with them (Bitstream Vera and Arev terms require it).
cp "$src/../LICENSE" "$out/LICENSE-DejaVu.txt"
