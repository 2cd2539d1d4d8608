#!/usr/bin/env python3
"""Where a run of the published (composite ReadyToRun) tool spends its time, by method.

perf cannot name the methods of a composite ReadyToRun image: it is not an ELF file. Published
with `-p:PublishReadyToRunEmitSymbols=true`, the image comes with a map of each method's address
(`provenance.r2r.ni.r2rmap`); this script names the image's samples from that map and sums each
method's samples over whole call stacks (inclusive) and as the innermost frame (self).

  dotnet publish src/Provenance.Cli -c Release -p:PublishProfile=fast-start-linux-x64 \\
      -p:PublishReadyToRunEmitSymbols=true -o /tmp/sym
  DOTNET_PerfMapEnabled=1 perf record -F 2999 -g -o /tmp/perf.data /tmp/sym/provenance check DIR ...
  python3 tests/bench/r2r-profile.py /tmp/sym /tmp/perf.data [REGEX] [TOP]

Prints "inclusive% self%  method", most inclusive first, for the methods whose name matches REGEX.
"""
import bisect
import collections
import re
import struct
import subprocess
import sys


def text_section_delta(image):
    """How far the .text section's addresses (RVAs) are from its place in the file, which perf reports."""
    with open(image, "rb") as f:
        data = f.read(4096)
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    sections = struct.unpack_from("<H", data, pe + 6)[0]
    optional = struct.unpack_from("<H", data, pe + 20)[0]
    table = pe + 24 + optional
    for i in range(sections):
        name, _, rva, _, raw = struct.unpack_from("<8sIIII", data, table + 40 * i)
        if name.rstrip(b"\0") == b".text":
            return rva - raw
    raise SystemExit(f"{image}: no .text section")


def read_map(path):
    """The map's methods by address; lines are 'RVA SIZE NAME' in hexadecimal, header lines above 0xF0000000."""
    entries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split(" ", 2)
            if len(parts) == 3 and int(parts[0], 16) < 0xF0000000:
                entries.append((int(parts[0], 16), parts[2]))
    entries.sort()
    return [a for a, _ in entries], [n for _, n in entries]


def short(name):
    name = re.sub(r"System\.(Collections\.Generic\.|Text\.RegularExpressions\.)", "", name)
    match = re.search(r"([\w`.<>+\[\], ]*::[\w.<>`|]+)\(", name)
    return (match.group(1) if match else name)[-120:]


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    folder, data = sys.argv[1].rstrip("/"), sys.argv[2]
    pattern = re.compile(sys.argv[3]) if len(sys.argv) > 3 else None
    top = int(sys.argv[4]) if len(sys.argv) > 4 else 60
    image = f"{folder}/provenance.r2r.dll"
    delta = text_section_delta(image)
    addresses, names = read_map(f"{folder}/provenance.r2r.ni.r2rmap")
    inclusive, own, total = collections.Counter(), collections.Counter(), 0
    script = subprocess.Popen(["perf", "script", "-i", data, "-F", "ip,sym,dso"], stdout=subprocess.PIPE, text=True, stderr=subprocess.DEVNULL)
    stack = []

    def flush():
        nonlocal total
        if stack:
            total += 1
            own[stack[0]] += 1
            for frame in set(stack):
                inclusive[frame] += 1

    for line in script.stdout:
        if not line.strip():
            flush()
            stack = []
            continue
        frame = re.match(r"\s*([0-9a-f]+)\s+(.*)\s+\((.*)\)$", line.rstrip())
        if not frame:
            continue
        address, symbol, dso = frame.groups()
        if dso.endswith("provenance.r2r.dll"):
            i = bisect.bisect_right(addresses, int(address, 16) + delta) - 1
            stack.append(short(names[i]) if i >= 0 else "?")
        elif "[unknown]" in symbol:
            stack.append(dso.rsplit("/", 1)[-1])
        else:
            stack.append(short(symbol))
    flush()
    shown = 0
    for name, count in inclusive.most_common():
        if pattern and not pattern.search(name):
            continue
        print(f"{100 * count / total:6.2f} {100 * own[name] / total:6.2f}  {name}")
        shown += 1
        if shown >= top:
            break


if __name__ == "__main__":
    main()
