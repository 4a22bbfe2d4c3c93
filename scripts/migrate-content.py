#!/usr/bin/env python3
"""Moves a content folder from the two-language layout (every text written as
{"sv": ..., "en": ...} inside organisation.json and modules/<id>.json) to languages as data:
structure in organisation.json and modules/<id>.json, and one folder of texts per language in
languages/<tag>/ (see content/README.md). Runs in place; a folder already moved is left alone.

Usage: python3 scripts/migrate-content.py content/

Every text gets a key from the ids around it. Blocks, list items, answer options, ordering
steps and scenario choices had no ids before, so each gets one from its position (p1, l2, c3
for blocks; a, b, c for items, options, steps and choices): later edits keep them.
"""

import hashlib
import json
import string
import sys
from pathlib import Path

SOURCE = "sv"
LANGUAGES = [
    {"tag": "sv", "name": "Svenska"},
    {"tag": "en", "name": "English"},
]
TAGS = [lang["tag"] for lang in LANGUAGES]


def is_text(value):
    return isinstance(value, dict) and set(value) <= set(TAGS) and len(value) > 0


def letter(i):
    return string.ascii_lowercase[i] if i < 26 else f"x{i + 1}"


class Texts:
    """The texts of one file in every language, as nested dicts in structure order."""

    def __init__(self):
        self.trees = {tag: {} for tag in TAGS}

    def put(self, path, text):
        for tag in TAGS:
            node = self.trees[tag]
            for key in path[:-1]:
                node = node.setdefault(key, {})
            node[path[-1]] = text.get(tag, "")


def migrate_module(module, texts):
    out = {}
    for key in ("$schema", "id", "minutes", "quiz_size", "role_draw"):
        if key in module:
            out[key] = module[key]
    course_texts = {"title": module["title"], "summary": module["summary"]}
    out["sections"] = []
    for section in module["sections"]:
        sid = section["id"]
        texts.put(["sections", sid, "title"], section["title"])
        s = {"id": sid}
        if section.get("roles"):
            s["roles"] = section["roles"]
        s["source"] = section["source"]
        s["blocks"] = []
        for b, block in enumerate(section["blocks"], start=1):
            kind = block["type"]
            if kind == "paragraph":
                bid = f"p{b}"
                texts.put(["sections", sid, bid], block["text"])
                s["blocks"].append({"type": kind, "id": bid})
            elif kind == "list":
                bid = f"l{b}"
                items = []
                for i, item in enumerate(block["items"]):
                    texts.put(["sections", sid, bid, letter(i)], item)
                    items.append({"id": letter(i)})
                new = {"type": kind, "id": bid}
                if block.get("ordered"):
                    new["ordered"] = True
                new["items"] = items
                s["blocks"].append(new)
            elif kind == "callout":
                bid = f"c{b}"
                new = {"type": kind, "id": bid, "tone": block.get("tone", "info")}
                if block.get("title"):
                    texts.put(["sections", sid, bid, "title"], block["title"])
                    new["title"] = True
                texts.put(["sections", sid, bid, "text"], block["text"])
                s["blocks"].append(new)
            else:
                s["blocks"].append(block)
        out["sections"].append(s)
    out["questions"] = []
    for question in module["questions"]:
        qid = question["id"]
        q = {"id": qid, "type": question["type"]}
        if question.get("roles"):
            q["roles"] = question["roles"]
        q["source"] = question["source"]
        texts.put(["questions", qid, "prompt"], question["prompt"])
        texts.put(["questions", qid, "explanation"], question["explanation"])
        kind = question["type"]
        if kind in ("single", "multiple"):
            q["options"] = []
            for i, option in enumerate(question["options"]):
                texts.put(["questions", qid, letter(i)], option["text"])
                new = {"id": letter(i)}
                if option.get("correct"):
                    new["correct"] = True
                q["options"].append(new)
        elif kind == "true_false":
            q["answer"] = question["answer"]
        elif kind == "ordering":
            q["steps"] = []
            for i, step in enumerate(question["steps"]):
                texts.put(["questions", qid, letter(i)], step)
                q["steps"].append({"id": letter(i)})
        elif kind == "scenario":
            q["steps"] = []
            for step in question["steps"]:
                stid = step["id"]
                texts.put(["questions", qid, stid, "text"], step["text"])
                new_step = {"id": stid, "choices": []}
                for c, choice in enumerate(step["choices"]):
                    cid = letter(c)
                    texts.put(["questions", qid, stid, cid, "text"], choice["text"])
                    texts.put(["questions", qid, stid, cid, "feedback"], choice["feedback"])
                    new = {"id": cid}
                    if choice.get("correct"):
                        new["correct"] = True
                    if choice.get("next"):
                        new["next"] = choice["next"]
                    new_step["choices"].append(new)
                q["steps"].append(new_step)
        out["questions"].append(q)
    return out, course_texts


def migrate_organisation(org, course):
    """Takes the texts out of organisation.json into `course` (a Texts), keeping the rest."""
    out = {}
    for key, value in org.items():
        if key == "name":
            course.put(["organisation", "name"], value)
            continue
        if isinstance(value, dict) and key in (
            "security_unit",
            "reporting",
            "emergency",
            "it_service_desk",
        ):
            kept = {}
            for field, inner in value.items():
                if is_text(inner):
                    course.put(["organisation", key, field], inner)
                    if field == "note":
                        kept["note"] = True  # optional: the structure says it is there
                else:
                    kept[field] = inner
            out[key] = kept
            continue
        out[key] = value
        if key == "example":
            out["languages"] = LANGUAGES
    if "languages" not in out:
        out = {"languages": LANGUAGES, **out}
    return out


def text_hash(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def flatten(tree, prefix=""):
    for key, value in tree.items():
        if key.startswith("$"):
            continue
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from flatten(value, path + ".")
        else:
            yield path, value


def dump(path, value):
    """Texts as `trygg content import` writes them: two-space indents, one text a line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def compact(value, indent=0, width=100):
    """Structure for people to read: a list or object on one line when it fits."""
    one = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    if not isinstance(value, (dict, list)) or len(one) + indent <= width or not value:
        return one
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        inner = [f"{pad}{json.dumps(k, ensure_ascii=False)}: {compact(v, indent + 2, width)}" for k, v in value.items()]
        return "{\n" + ",\n".join(inner) + "\n" + " " * indent + "}"
    inner = [pad + compact(v, indent + 2, width) for v in value]
    return "[\n" + ",\n".join(inner) + "\n" + " " * indent + "]"


def dump_structure(path, value):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(compact(value) + "\n", encoding="utf-8")


def main(folder):
    root = Path(folder)
    org = json.loads((root / "organisation.json").read_text(encoding="utf-8"))
    if "languages" in org:
        print(f"{root}: already in the languages layout; nothing to do")
        return
    course = Texts()
    new_org = migrate_organisation(org, course)
    module_texts = {}
    for mid in org["modules"]:
        file = root / "modules" / f"{mid}.json"
        if not file.exists():
            continue
        module = json.loads(file.read_text(encoding="utf-8"))
        texts = Texts()
        structure, titles = migrate_module(module, texts)
        course.put(["modules", mid, "title"], titles["title"])
        course.put(["modules", mid, "summary"], titles["summary"])
        module_texts[mid] = texts
        dump_structure(file, structure)
    dump_structure(root / "organisation.json", new_org)
    depth = {"course.json": "../../", "modules": "../../../"}
    for tag in TAGS:
        base = root / "languages" / tag
        dump(base / "course.json", {"$schema": f"{depth['course.json']}schema/texts.schema.json", **course.trees[tag]})
        for mid, texts in module_texts.items():
            dump(
                base / "modules" / f"{mid}.json",
                {"$schema": f"{depth['modules']}schema/texts.schema.json", **texts.trees[tag]},
            )
    for tag in TAGS:
        if tag == SOURCE:
            continue
        made_from = {}
        files = [("course.json", course)] + [
            (f"modules/{mid}.json", texts) for mid, texts in module_texts.items()
        ]
        for name, texts in files:
            translated = dict(flatten(texts.trees[tag]))
            made_from[name] = {
                key: text_hash(source)
                for key, source in flatten(texts.trees[SOURCE])
                if translated.get(key)
            }
        ui_hashes = {}
        existing = root / "languages" / tag / "translated-from.json"
        if existing.exists():
            ui_hashes = json.loads(existing.read_text(encoding="utf-8")).get("ui.json", {})
        dump(existing, {"ui.json": ui_hashes, **made_from} if ui_hashes else made_from)
    print(f"{root}: moved to the languages layout ({', '.join(TAGS)})")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
