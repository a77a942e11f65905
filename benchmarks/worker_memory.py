"""A long run: does each worker's memory level off, and its speed hold, as its memos fill?

Run:  .venv/bin/python benchmarks/worker_memory.py [--rounds 8] [--per-round 3000]
      [--certificates 20] [--workers N]

Starts `certsignal serve` (gunicorn) on a free loopback port and sends rounds of /api/v1/score
requests, each candidate different (benchmarks/_profiles.py), from 8 concurrent clients. After
each round it prints the round's requests/s, p99 and slowest request, and each worker's
resident memory as a ratio to its size after the first round. The scorer's memos are bounded,
so the ratios should level off well before the last round; throughput should not fall as they
fill. Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._gunicorn import serving
from benchmarks.load_throughput import bodies, phase
from server.config import default_workers

CLIENTS = 8


def worker_memory_mb(master: int) -> dict[int, float]:
    """Resident memory of each child (worker) of the gunicorn master, in MB."""
    children = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True,
                              check=False).stdout.split()
    sizes = {}
    for pid in map(int, children):
        try:
            status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
        except OSError:  # a worker restarting between the listing and the read
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                sizes[pid] = int(line.split()[1]) / 1024
    return sizes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--per-round", type=int, default=3000)
    parser.add_argument("--certificates", type=int, default=20)
    parser.add_argument("--workers", type=int, default=default_workers())
    args = parser.parse_args()

    candidates = bodies(args.rounds * args.per_round, 11, args.certificates)
    errors = 0
    first: dict[int, float] = {}
    with serving(workers=args.workers) as (port, master):
        print(f"gunicorn workers={args.workers} clients={CLIENTS} "
              f"certificates/profile={args.certificates} (loopback)")
        for number in range(args.rounds):
            chunk = candidates[number * args.per_round:(number + 1) * args.per_round]
            result = phase(port, CLIENTS, len(chunk) // CLIENTS, 600.0, "POST",
                           "/api/v1/score", chunk)
            errors += int(result["errors"])
            memory = worker_memory_mb(master)
            first = first or memory
            growth = " ".join(f"{memory[pid] / first[pid]:.2f}" for pid in sorted(memory)
                              if pid in first)
            print(f"  after {(number + 1) * args.per_round:6d} requests: "
                  f"{result['rps']:6.1f} req/s  p99 {result['p99_ms']:5.1f} ms  "
                  f"slowest {result['max_ms']:6.1f} ms  "
                  f"worker memory {' '.join(f'{mb:.0f}' for mb in memory.values())} MB "
                  f"= {growth} x the first round's")
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
