"""Service throughput: /api/v1/score against /api/v1/health, by the size of the profile.

Run:  .venv/bin/python benchmarks/load_throughput.py [--clients 8] [--requests 150] [--workers N]
      [--profiles N] [--certificates 0,1,3,5,10,20]

Starts `certsignal serve` (gunicorn) on a free loopback port and, for each profile size in
--certificates, drives each endpoint with N concurrent clients for a bounded number of requests
(and at most --max-seconds per phase), then prints requests/s for both, the ratio score/health
(target >= 0.5) and p50/p99 latency. Both phases of a size hit the same server one after the
other, so the ratio does not depend on the machine. The sizes show where the target holds: the
HTTP work of a request is the same at any size, the scorer's grows with each certificate.
Each score request carries a different fictional candidate from benchmarks/_profiles.py (by
default as many as there are requests, so no profile is sent twice; roles and certificate names
recur as in real traffic), and the workers are warmed with other candidates first, so the
scorer's memos help only as much as real traffic would let them. Request bodies are encoded
before the clock starts, so the client's own work is not counted. Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._gunicorn import gunicorn, request
from benchmarks._profiles import pool
from server.config import default_workers
from server.rulebook import load_rulebook

TARGET_RATIO = 0.5


AS_OF = "2025-06-01"


def bodies(count: int, seed: int, certificates: int = 20) -> list[bytes]:
    """``count`` encoded /api/v1/score bodies, each a different candidate."""
    book = load_rulebook(None)
    return [json.dumps(r.body(AS_OF)).encode()
            for r in pool(count, book, certificates=certificates, seed=seed)]


def phase(port: int, clients: int, per_client: int, max_seconds: float, method: str,
          path: str, payloads: list[bytes] | None = None) -> dict[str, float]:
    deadline = time.monotonic() + max_seconds

    def client(number: int) -> tuple[list[float], int]:
        latencies, errors = [], 0
        for i in range(per_client):
            if time.monotonic() > deadline:
                break
            body = payloads[(number * per_client + i) % len(payloads)] if payloads else None
            started = time.perf_counter()
            try:
                status, _body = request(port, method, path, body)
            except OSError:
                status = 0
            latencies.append(time.perf_counter() - started)
            errors += status != 200
        return latencies, errors

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        outcomes = list(pool.map(client, range(clients)))
    elapsed = time.perf_counter() - started
    latencies = sorted(x for lats, _ in outcomes for x in lats)
    return {
        "requests": len(latencies),
        "errors": sum(errors for _, errors in outcomes),
        "rps": len(latencies) / elapsed,
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
        "max_ms": latencies[-1] * 1000,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=150, help="per client and endpoint")
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--max-seconds", type=float, default=60.0, help="per phase")
    parser.add_argument("--profiles", type=int, default=0,
                        help="distinct candidates to cycle through [default: one per request]")
    parser.add_argument("--certificates", type=_sizes, default=_sizes("0,1,3,5,10,20"),
                        help="certificates per candidate, one run per size (comma-separated) "
                             "[default: 0,1,3,5,10,20; 20 is a heavy profile]")
    parser.add_argument("--ceiling", action="store_true",
                        help="replace scoring by one precomputed Report (benchmarks/_ceiling.py): "
                             "the ratio no faster scorer can pass")
    args = parser.parse_args()

    preamble = "import benchmarks._ceiling; " if args.ceiling else ""
    print(f"gunicorn workers={args.workers} clients={args.clients} "
          f"requests/client={args.requests} (loopback)"
          + (" CEILING: scoring replaced by a precomputed Report" if args.ceiling else ""))
    errors = 0
    with gunicorn(workers=args.workers, preamble=preamble) as port:
        for size in args.certificates:
            measured = bodies(args.profiles or args.clients * args.requests, 1, size)
            # Other candidates first: the measured ones arrive unseen, and every worker has
            # built its catalogue and imported everything before the clock starts.
            for body in bodies(20, 2, size):
                request(port, "GET", "/api/v1/health")
                request(port, "POST", "/api/v1/score", body)
            health = phase(port, args.clients, args.requests, args.max_seconds, "GET",
                           "/api/v1/health")
            score = phase(port, args.clients, args.requests, args.max_seconds, "POST",
                          "/api/v1/score", measured)
            errors += int(health["errors"] + score["errors"])
            ratio = score["rps"] / health["rps"]
            verdict = "ok" if ratio >= TARGET_RATIO else "BELOW TARGET"
            print(f"{size} certificates/profile, {len(measured)} distinct profiles: "
                  f"ratio score/health = {ratio:.2f} (target >= {TARGET_RATIO}) {verdict}")
            for name, result in (("health", health), ("score ", score)):
                print(f"  {name}  {result['rps']:8.1f} req/s   p50 {result['p50_ms']:6.1f} ms   "
                      f"p99 {result['p99_ms']:6.1f} ms   {result['requests']:.0f} requests, "
                      f"{result['errors']:.0f} errors")
    return 0 if errors == 0 else 1


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text!r}") from None
    if not sizes or min(sizes) < 0:
        raise argparse.ArgumentTypeError("sizes are counts of certificates, 0 or more")
    return sizes

if __name__ == "__main__":
    sys.exit(main())
