#!/usr/bin/env python3
"""Where the bytes go in each release wasm module, by kind of code.

Run after `make dist` (it reads the release builds under target/, which keep their function
names): each module is passed through wasm-bindgen and `wasm-opt -Oz -g` as the release is,
but with names kept, then `twiggy top` sizes every function and data segment, and this script
sums them by what they are. Needs twiggy (`cargo install twiggy --locked`).
"""
import collections
import csv
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RELEASE = os.path.join(ROOT, "target", "wasm32-unknown-unknown", "release")
MODULES = ["trygg-app", "trygg_course", "trygg_manager", "trygg_pdf"]
FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int",
            "--enable-sign-ext", "--enable-mutable-globals"]
# First match wins, so the specific kinds come before the crates they live in.
KINDS = [
    ("names section (not shipped)", r'function names|"name"'),
    ("data: strings, tables, field names", r"^data segment"),
    ("component views (monomorphised in yew)",
     r"CompStateInner<COMP> as yew::html::component::lifecycle::Stateful>::view"
     r"|FunctionProvider>::run|trygg_app::"),
    ("serde and serde_json", r"serde"),
    ("content parsing and validation", r"trygg_core::content"),
    ("progress", r"trygg_core::progress"),
    ("quiz engine", r"trygg_core::quiz"),
    ("certificate and PDF", r"trygg_core::certificate|pdf_writer"),
    ("roster", r"trygg_core::roster"),
    ("other trygg-core", r"trygg_core"),
    ("yew runtime (vdom, hooks, scheduler)", r"yew|implicit_clone|prokio"),
    ("formatting, Debug, panics", r"core::fmt|Debug|panic|fmt::"),
    ("allocator and collections", r"alloc::|hashbrown|dlmalloc|indexmap"),
    ("wasm-bindgen, web-sys, js-sys, gloo", r"web_sys|js_sys|wasm_bindgen|gloo"),
    ("sha2", r"sha2|digest"),
    ("core library (str, iter, …)", r"^core::|<core::"),
    ("other (std, tables, types)", r""),
]


def breakdown(name, tmp):
    subprocess.run(["wasm-bindgen", "--target", "web", "--no-typescript", "--keep-debug",
                    "--out-dir", tmp, os.path.join(RELEASE, name + ".wasm")], check=True)
    named = os.path.join(tmp, name + ".named.wasm")
    subprocess.run(["wasm-opt", "-Oz", "-g", *FEATURES, os.path.join(tmp, name + "_bg.wasm"),
                    "-o", named], check=True)
    out = subprocess.run(["twiggy", "top", "-n", "1000000", "-f", "csv", named],
                         capture_output=True, text=True, check=True).stdout
    sums = collections.Counter()
    for row in csv.DictReader(out.splitlines()):
        kind = next(k for k, pattern in KINDS if re.search(pattern, row["Name"]))
        sums[kind] += int(row["ShallowSize"])
    shipped = sum(v for k, v in sums.items() if not k.startswith("names"))
    print(f"{name}_bg.wasm: {shipped / 1024:.1f} KB raw without names")
    for kind, size in sums.most_common():
        if not kind.startswith("names"):
            print(f"  {kind:42s} {size / 1024:7.1f} KB {100 * size / shipped:5.1f} %")


def main():
    names = sys.argv[1:] or MODULES
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            breakdown(name, tmp)


if __name__ == "__main__":
    main()
