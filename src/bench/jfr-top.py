#!/usr/bin/env python3
"""Where a portal's CPU went, from a recording of `BENCH_JFR=1 bash src/bench/bench.sh`.

    python3 src/bench/jfr-top.py target/bench/portal-8190-<time>.jfr [--scenario NAME] [frame ...]

Reads the recording's execution samples with the JDK's `jfr print` and prints the top self frames,
the innermost frame of the portal's own code in each sample, and the packages on the stack. Each
further argument is a frame (any part of a class or method name): it prints the share of samples with
that frame anywhere on the stack, e.g. `renderData NativeSql.list MessageBundles`.

`--scenario 1-doctors` keeps only the samples taken while that scenario was measured (its window in
target/bench/report.json beside the recording), so each page's profile stands apart from the others;
`--between FROM TO` does the same for two epoch seconds.
"""
import datetime
import json
import os
import collections
import re
import subprocess
import sys


def samples(recording, window=None):
    out = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '96', recording],
                         capture_output=True, text=True, check=True).stdout
    for event in out.split('jdk.ExecutionSample'):
        if window:
            at = re.search(r'startTime = (\d\d:\d\d:\d\d)', event)
            if not at or not window[0] <= at.group(1) < window[1]:
                continue
        frames = [f for f in re.findall(r'^\s+([\w$.<>/]+)\(', event, re.M) if '.' in f]
        if frames:
            yield frames


def clock(epoch):
    """The time of day `jfr print` writes, in this machine's zone (a window never spans midnight here)."""
    return datetime.datetime.fromtimestamp(float(epoch)).strftime('%H:%M:%S')


def window_of(args, recording):
    if '--between' in args:
        i = args.index('--between')
        window = (clock(args[i + 1]), clock(args[i + 2]))
        del args[i:i + 3]
        return window
    if '--scenario' in args:
        i = args.index('--scenario')
        name = args[i + 1]
        del args[i:i + 2]
        with open(os.path.join(os.path.dirname(recording) or '.', 'report.json')) as f:
            report = json.load(f)
        found = [s for s in report.get('scenarios', []) if s.get('name') == name and s.get('measured')]
        if not found:
            sys.exit(f'no measured window for {name} in report.json')
        return tuple(clock(t) for t in found[0]['measured'])
    return None


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    args = sys.argv[2:]
    window = window_of(args, sys.argv[1])
    stacks = list(samples(sys.argv[1], window))
    total = len(stacks)
    if total == 0:
        sys.exit('no execution samples in ' + sys.argv[1] + (f' between {window[0]} and {window[1]}' if window else ''))

    def show(title, counter, n=25):
        print('\n# ' + title)
        for name, count in counter.most_common(n):
            print(f'{count * 100 / total:5.1f}%  {name}')

    asked = args
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
