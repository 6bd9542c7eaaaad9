#!/usr/bin/env python3
"""Peer for the align bench: what a researcher scripting it would do with the standard library.

Word-level diffs of the base article (first *.txt in name order) against every other article
with difflib.SequenceMatcher (default settings), counting opcodes. Prints one JSON line.

    python3 tests/bench/difflib_peer.py DIR
"""
import difflib
import json
import os
import re
import sys
import time

WORD = re.compile(r"\w+|[^\w\s]")


def main() -> None:
    d = sys.argv[1]
    t0 = time.perf_counter()
    files = sorted(f for f in os.listdir(d) if f.endswith(".txt"))
    texts = [open(os.path.join(d, f), encoding="utf-8").read() for f in files]
    words = [WORD.findall(t.lower()) for t in texts]
    base = words[0]
    ops = 0
    for other in words[1:]:
        sm = difflib.SequenceMatcher(None, base, other)
        ops += sum(1 for op in sm.get_opcodes() if op[0] != "equal")
    print(json.dumps({"seconds": time.perf_counter() - t0, "diffs": len(words) - 1, "changedOpcodes": ops,
                      "words": sum(len(w) for w in words)}))


if __name__ == "__main__":
    main()
