#!/usr/bin/env python3
"""A corpus of real articles that share no text: each file of SRC rewritten with every word
tagged with the file's own number ("The" -> "Thebq"), so no five-word run is in two files.
What `check --copies` costs where copies are rare (docs/benchmarks.md, issue 33).

With --every N only every Nth word is tagged (N at most 5, so every five-word run still holds
one): the rest of the text stays as written, and the rules find its names, quotations and outlets
as in the real articles, where a corpus with every word tagged makes the check itself cheaper.

  python3 tools/bench/copy-free.py /tmp/real-txt /tmp/nocopy20k
  python3 tools/bench/copy-free.py /tmp/real-txt /tmp/nocopy20k-5 --every 5
"""
import os
import re
import sys

source, target = sys.argv[1], sys.argv[2]
every = int(sys.argv[sys.argv.index("--every") + 1]) if "--every" in sys.argv else 1
if not 1 <= every <= 5:
    sys.exit("--every takes 1 to 5: a five-word run must hold a tagged word")
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
    seen = [0]

    def tagged(match):
        seen[0] += 1
        return match.group(0) + suffix if seen[0] % every == 0 else match.group(0)

    with open(out, "w", encoding="utf-8") as f:
        f.write(word.sub(tagged, text))
print(f"{len(files)} files written to {target}")
