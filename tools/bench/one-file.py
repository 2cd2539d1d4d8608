import subprocess, time, sys, statistics, random, os
# Whole-process time of "provenance check FILE" for several builds, rounds interleaved in a
# shuffled order so that drift in the machine falls on every build alike (docs/benchmarks.md).
# usage: one-file.py ROUNDS file label=dir ...
rounds=int(sys.argv[1]); target=sys.argv[2]; specs=[a.split('=',1) for a in sys.argv[3:]]
times={l:[] for l,_ in specs}
for r in range(rounds):
    order=specs[:] if r%2==0 else specs[::-1]
    random.Random(r).shuffle(order)
    for label,d in order:
        t=time.perf_counter()
        subprocess.run([os.path.join(d,'provenance'),'check',target,'--fail-on','none'],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)
        times[label].append((time.perf_counter()-t)*1000)
base=statistics.median(times[specs[0][0]])
for label,_ in specs:
    v=sorted(times[label]); n=len(v)
    print(f"{label:8s} median {statistics.median(v):6.1f} ms  mean {statistics.mean(v):6.1f}  p10 {v[n//10]:6.1f}  p90 {v[9*n//10]:6.1f}  vs base {statistics.median(v)-base:+5.1f}")
