"""Reads a PDF with pikepdf (QPDF) and prints, as JSON, what the PDF/UA and PDF/A tests
check: the structure tree with the text each element marks, text outside the tree, the
catalog's accessibility entries, the XMP identification, the output intent, the
associated files, and the findings of the `pdfua` checker when it is installed.

Independent of Trygg's own writer: the text is decoded from the content streams through
each font's ToUnicode map, as a screen reader's PDF library would.

Usage: python inspect_pdf.py FILE.pdf
"""

import json
import re
import sys

import pikepdf


def to_unicode_map(font):
    """Two-byte code -> text, from the font's ToUnicode CMap (bfchar and bfrange)."""
    mapping = {}
    cmap = font.get("/ToUnicode")
    if cmap is None:
        return mapping
    data = cmap.read_bytes().decode("latin-1")
    hexs = lambda h: bytes.fromhex(h).decode("utf-16-be")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(src, 16)] = hexs(dst)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            start = int(dst, 16)
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                mapping[code] = chr(start + i)
    return mapping


def page_marks(page):
    """Walks one page's content: text per MCID, artifact text, untagged text and paths."""
    fonts = {}
    res = page.obj.get("/Resources", pikepdf.Dictionary())
    for name, font in res.get("/Font", pikepdf.Dictionary()).items():
        fonts[name] = to_unicode_map(font)
    by_mcid, artifact_text, untagged = {}, [], []
    stack = []  # ("mcid", n) | ("artifact",) | ("other",)
    font = {}
    untagged_paths = 0
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op == "BDC":
            tag, props = operands
            mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
            if str(tag) == "/Artifact":
                stack.append(("artifact",))
            elif mcid is not None:
                stack.append(("mcid", int(mcid)))
            else:
                stack.append(("other",))
        elif op == "BMC":
            stack.append(("artifact",) if str(operands[0]) == "/Artifact" else ("other",))
        elif op == "EMC":
            if stack:
                stack.pop()
        elif op == "Tf":
            font = fonts.get(str(operands[0]), {})
        elif op in ("Tj", "TJ"):
            parts = operands[0] if op == "TJ" else [operands[0]]
            text = ""
            for part in parts:
                if isinstance(part, pikepdf.String):
                    raw = bytes(part)
                    for i in range(0, len(raw) - 1, 2):
                        text += font.get(int.from_bytes(raw[i:i + 2], "big"), "\ufffd")
            inner = stack[-1] if stack else None
            if any(s[0] == "artifact" for s in stack):
                artifact_text.append(text)
            elif inner and inner[0] == "mcid":
                by_mcid.setdefault(inner[1], []).append(text)
            else:
                untagged.append(text)
        elif op in ("S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh"):
            if not any(s[0] == "artifact" for s in stack) and not any(s[0] == "mcid" for s in stack):
                untagged_paths += 1
    return {k: "".join(v) for k, v in by_mcid.items()}, artifact_text, untagged, untagged_paths


def main(path):
    pdf = pikepdf.open(path)
    root = pdf.Root
    pages = list(pdf.pages)
    page_index = {p.obj.objgen: i for i, p in enumerate(pages)}
    marks = [page_marks(p) for p in pages]
    used = {}  # (page, mcid) -> the element that lists it

    def text_of(page_obj, mcid, owner):
        i = page_index.get(page_obj.objgen) if page_obj is not None else None
        if i is None:
            return None
        used[(i, mcid)] = owner.objgen
        return marks[i][0].get(mcid)

    def walk(node, page=None):
        role = str(node.get("/S", ""))
        page = node.get("/Pg", page)
        out = {"role": role.lstrip("/"), "kids": [], "text": []}
        for attr in (lambda a: a if isinstance(a, pikepdf.Array) else [a])(node.get("/A", pikepdf.Array())):
            if isinstance(attr, pikepdf.Dictionary) and "/Scope" in attr:
                out["scope"] = str(attr["/Scope"]).lstrip("/")
        for key in ("/Alt", "/Lang"):
            if key in node:
                out[key[1:].lower()] = str(node[key])
        kids = node.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else ([] if kids is None else [kids])
        for kid in kids:
            if isinstance(kid, int) or (isinstance(kid, pikepdf.Object) and kid._type_code == pikepdf.ObjectType.integer):
                out["text"].append(text_of(page, int(kid), node))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                out["text"].append(text_of(kid.get("/Pg", page), int(kid["/MCID"]), node))
            elif isinstance(kid, pikepdf.Dictionary):
                out["kids"].append(walk(kid, page))
        return out

    tree_root = root.get("/StructTreeRoot")
    tree = None
    parent_tree_ok = True
    if tree_root is not None:
        k = tree_root.get("/K")
        first = k[0] if isinstance(k, pikepdf.Array) else k
        tree = walk(first) if first is not None else None
        # Every MCID on every page must lead back, through the ParentTree, to an element
        # that lists it: that is how a reader finds the element for a piece of text.
        nums = list(tree_root["/ParentTree"].get("/Nums", []))
        parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        for i, p in enumerate(pages):
            key = p.obj.get("/StructParents")
            for mcid in marks[i][0]:
                arr = parents.get(int(key)) if key is not None else None
                if arr is None or mcid >= len(arr) or used.get((i, mcid)) != arr[mcid].objgen:
                    parent_tree_ok = False

    meta = pdf.open_metadata()
    xmp = {
        "title": meta.get("dc:title"),
        "pdfa_part": meta.get("pdfaid:part"),
        "pdfa_conformance": meta.get("pdfaid:conformance"),
        "pdfua_part": meta.get("pdfuaid:part"),
        "create_date": meta.get("xmp:CreateDate"),
        "modify_date": meta.get("xmp:ModifyDate"),
        "producer": meta.get("pdf:Producer"),
        "creator_tool": meta.get("xmp:CreatorTool"),
    }
    info = {k[1:]: str(v) for k, v in pdf.trailer.get("/Info", pikepdf.Dictionary()).items()}

    intents = []
    for oi in root.get("/OutputIntents", []):
        profile = oi.get("/DestOutputProfile")
        data = profile.read_bytes() if profile is not None else b""
        intents.append({
            "subtype": str(oi.get("/S")),
            "identifier": str(oi.get("/OutputConditionIdentifier", "")),
            "n": int(profile.get("/N", 0)) if profile is not None else 0,
            "profile_space": data[16:20].decode("latin-1"),
            "profile_class": data[12:16].decode("latin-1"),
            "profile_signature": data[36:40].decode("latin-1"),
            "profile_bytes": len(data),
        })

    files = []
    for spec in root.get("/AF", []):
        ef = spec.get("/EF", {}).get("/F")
        params = ef.get("/Params", {}) if ef is not None else {}
        files.append({
            "f": str(spec.get("/F", "")),
            "uf": str(spec.get("/UF", "")),
            "relationship": str(spec.get("/AFRelationship", "")),
            "subtype": str(ef.get("/Subtype", "")) if ef is not None else "",
            "mod_date": str(params.get("/ModDate", "")),
            "size": int(params.get("/Size", -1)),
            "length": len(ef.read_bytes()) if ef is not None else -1,
            "filter": str(ef.get("/Filter", "")) if ef is not None else "",
        })
    names = root.get("/Names", {}).get("/EmbeddedFiles", {}).get("/Names", [])

    pdfua = None
    try:
        from pdfua import validate
        report = validate(path)
        pdfua = {
            "findings": [f"{f.rule_id} {f.severity.name}: {f.message}" for f in report.findings],
            "skipped": [f"{o.rule_id}: {o.skipped_reason}" for o in report.outcomes if o.skipped_reason],
            "rules": len(report.outcomes),
        }
    except ImportError:
        pass

    vp = root.get("/ViewerPreferences", {})
    result = {
        "marked": bool(root.get("/MarkInfo", {}).get("/Marked", False)),
        "lang": str(root.get("/Lang", "")),
        "display_doc_title": bool(vp.get("/DisplayDocTitle", False)),
        "encrypted": pdf.is_encrypted,
        "id": [bytes(x).hex() for x in pdf.trailer.get("/ID", [])],
        "version": pdf.pdf_version,
        "tree": tree,
        "parent_tree_ok": parent_tree_ok,
        "untagged_text": [t for m in marks for t in m[2]],
        "untagged_paths": sum(m[3] for m in marks),
        "artifact_text": [t for m in marks for t in m[1]],
        "xmp": xmp,
        "info": info,
        "output_intents": intents,
        "associated_files": files,
        "embedded_names": [str(n) for n in names[0::2]],
        "pdfua": pdfua,
    }
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
