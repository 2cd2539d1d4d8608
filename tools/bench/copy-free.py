#!/usr/bin/env python3
"""A corpus of real articles that share no text: each file of SRC rewritten with every word
tagged with the file's own number ("The" -> "Thebq"), so no five-word run is in two files.
What `check --copies` costs where copies are rare (docs/benchmarks.md, issue 33).

  python3 tools/bench/copy-free.py /tmp/real-txt /tmp/nocopy20k
"""
import os
import re
import sys

source, target = sys.argv[1], sys.argv[2]
files = sorted(os.path.join(root, name) for root, _, names in os.walk(source) for name in names)
word = re.compile(r"[A-Za-z]+")


def tag(number):
    letters, number = "", number + 1
    while number:
        letters += chr(97 + number % 26)
        number //= 26
    return letters


for number, path in enumerate(files):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    suffix = tag(number)
    out = os.path.join(target, os.path.relpath(path, source))
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write(word.sub(lambda m: m.group(0) + suffix, text))
print(f"{len(files)} files written to {target}")
