#!/usr/bin/env python3
"""Where a portal's CPU went, from a recording of `BENCH_JFR=1 bash src/bench/bench.sh`.

    python3 src/bench/jfr-top.py target/bench/portal-8190-<time>.jfr [frame ...]

Reads the recording's execution samples with the JDK's `jfr print` and prints the top self frames,
the innermost frame of the portal's own code in each sample, and the packages on the stack. Each
further argument is a frame (any part of a class or method name): it prints the share of samples with
that frame anywhere on the stack, e.g. `renderData NativeSql.list MessageBundles`.
"""
import collections
import re
import subprocess
import sys


def samples(recording):
    out = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '96', recording],
                         capture_output=True, text=True, check=True).stdout
    for event in out.split('jdk.ExecutionSample'):
        frames = [f for f in re.findall(r'^\s+([\w$.<>/]+)\(', event, re.M) if '.' in f]
        if frames:
            yield frames


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    stacks = list(samples(sys.argv[1]))
    total = len(stacks)
    if total == 0:
        sys.exit('no execution samples in ' + sys.argv[1])

    def show(title, counter, n=25):
        print('\n# ' + title)
        for name, count in counter.most_common(n):
            print(f'{count * 100 / total:5.1f}%  {name}')

    asked = sys.argv[2:]
    if asked:
        print(f'{total} samples')
        for frame in asked:
            count = sum(1 for frames in stacks if any(frame in f for f in frames))
            print(f'{count * 100 / total:5.1f}%  {frame}')
        return
    top, portal, packages = collections.Counter(), collections.Counter(), collections.Counter()
    for frames in stacks:
        top[frames[0]] += 1
        own = next((f for f in frames if f.startswith('health.leap.portal.')), None)
        if own:
            portal[own] += 1
        packages.update({re.sub(r'\.[A-Z].*', '', f) for f in frames})
    print(f'{total} samples')
    show('top self frames', top)
    show("innermost frame of the portal's own code", portal)
    show('packages on the stack (share of samples)', packages)


if __name__ == '__main__':
    main()
