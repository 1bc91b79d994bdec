"""Hold claimx to a floor on the lockbox: read the JSON line ../shared/tools/lockbox --json
prints last, compare each figure with its floor, and exit 1 naming every figure below it.

Usage: ../shared/tools/lockbox --json | python .ci/gate_lockbox.py claim_F1=0.63 cue_F1=0.90 ...
"""

import json
import sys


def main(argv: list[str]) -> int:
    lines = [line for line in sys.stdin.read().splitlines() if line.startswith("{")]
    if not lines:
        print("lockbox gate: no JSON line from ../shared/tools/lockbox", file=sys.stderr)
        return 1
    figures = json.loads(lines[-1])
    if figures.get("command_failures"):
        failed = figures["command_failures"]
        print(f"lockbox gate: claimx failed on {failed} passages", file=sys.stderr)
        return 1
    below = []
    for floor in argv:
        name, _, value = floor.partition("=")
        got = figures[name]
        print(f"lockbox {name} {got:.3f} (floor {float(value):.3f})")
        if got < float(value):
            below.append(name)
    if below:
        print(f"lockbox gate: below the floor: {', '.join(below)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
