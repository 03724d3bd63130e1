#!/usr/bin/env python3
"""Plain-Python peer of `persona-host dataset tag` / `dataset stats` (standard library only).

    peer_plain.py tag IN.jsonl[.gz]... --out DIR   # one DIR/NAME.jsonl per input
    peer_plain.py stats DIR/*.jsonl                # JSON summary on stdout

Single process, streaming: one line in, one line out; json.loads / json.dumps(ensure_ascii=False).
"""

import argparse
import gzip
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rules  # noqa: E402


def open_text(path):
    """A JSONL file, gzip-compressed or not, as UTF-8 text lines."""
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, "r", encoding="utf-8")


def examples(path):
    """The JSON objects of one JSONL file; whitespace-only lines are skipped."""
    with open_text(path) as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def tag(paths, out):
    os.makedirs(out, exist_ok=True)
    names = [rules.file_source(p) for p in paths]
    if len(set(names)) < len(names):
        sys.exit("peer_plain.py: two inputs have the same name, their outputs would collide: " + " ".join(paths))
    for path in paths:
        source = rules.file_source(path)
        target = os.path.join(out, source + ".jsonl")  # a .jsonl.gz input is written uncompressed
        with open(target, "w", encoding="utf-8") as w:
            for record in examples(path):
                w.write(json.dumps(rules.tag(record, source), ensure_ascii=False, separators=(",", ":")))
                w.write("\n")


def stats(paths):
    counts = rules.Stats()
    for path in paths:
        for record in examples(path):
            traits = record.get("_traits")
            counts.add(record.get("_persona", "untagged"), traits if isinstance(traits, list) else [])
    print(counts.dumps())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("tag", help="tag examples with a persona and traits")
    t.add_argument("inputs", nargs="+")
    t.add_argument("--out", required=True)
    s = sub.add_parser("stats", help="count personas, categories and traits of tagged files")
    s.add_argument("inputs", nargs="+")
    s.add_argument("--json", action="store_true", help="accepted for symmetry with persona-host (always JSON)")
    args = parser.parse_args()
    if args.command == "tag":
        tag(args.inputs, args.out)
    else:
        stats(args.inputs)


if __name__ == "__main__":
    main()
