"""Time the equal-gain exchange model, and the Decide exchange model (the peer) in the same run.

    .venv/bin/python benchmarks/bench_exchange.py          # all sizes; peer on 10x5 and 30x20
    .venv/bin/python benchmarks/bench_exchange.py --quick  # peer on 10x5 only
    .venv/bin/python benchmarks/bench_exchange.py --peer 10x5,30x20,100x20 --rounds 10

Inputs are random (seeded), rounded as in real input files, and written as a Decide input file
that both models read. The peer runs through tests/golden/exchange/make_golden.py on its own
interpreter (``POURPARLER_DECIDE_PYTHON`` or ``.venv-decide``); its time is the model's own
(parsing and process start excluded). Agreement is reported as the number of leading realised
exchanges of round 0 that are identical, and the number of leading rounds whose outcomes agree
to 1e-6 (they part at the first knife edge the peer's decimals decide, see tests/test_exchange.py).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from pourparler.forecast.exchange import ExchangeResult, run_exchange
from pourparler.scenario.interop_decide import read_decide

ROOT = Path(__file__).resolve().parents[1]
MAKE_GOLDEN = ROOT / "tests" / "golden" / "exchange" / "make_golden.py"
SIZES = ((10, 5), (30, 20), (100, 20))
REPEATS = {10: 7, 30: 3, 100: 1}


def _make_golden() -> Any:
    spec = importlib.util.spec_from_file_location("make_golden", MAKE_GOLDEN)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def decide_input(n_actors: int, n_issues: int, seed: int) -> str:
    """Random inputs as a Decide file: positions to 0.1, saliences to 0.01, integer power."""
    rng = np.random.default_rng([seed, n_actors, n_issues])
    pos = rng.uniform(0, 100, (n_actors, n_issues)).round(1)
    sal = rng.uniform(0.05, 1.0, (n_actors, n_issues)).round(2)
    power = np.repeat(rng.integers(1, 101, (n_actors, 1)).astype(float), n_issues, axis=1)
    return str(
        _make_golden().decide_text(
            [f"actor{k}" for k in range(n_actors)],
            [f"issue{k}" for k in range(n_issues)],
            pos.tolist(),
            sal.tolist(),
            power.tolist(),
        )
    )


def run_peer(text: str, rounds: int) -> dict[str, Any] | None:
    python = _make_golden().peer_python()
    if python is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        path, out = Path(tmp) / "input.txt", Path(tmp) / "peer.json"
        path.write_text(text)
        cmd = [str(python), str(MAKE_GOLDEN), "--input", str(path), "--json", str(out)]
        subprocess.run([*cmd, "--rounds", str(rounds), "--no-watch"], check=True)
        record: dict[str, Any] = json.loads(out.read_text())
        return record


def agreement(ours: ExchangeResult, peer: dict[str, Any]) -> str:
    r0, p0 = ours.rounds[0], peer["rounds"][0]
    same = 0
    for e, pe in zip(r0.realised, p0["realised"], strict=False):
        if abs(e.gain - pe["gain"]) > 1e-9 or abs(e.y_i - pe["y_i"]) > 1e-9:
            break
        same += 1
    rounds_ok = 0
    for r, pr in zip(ours.rounds, peer["rounds"], strict=False):
        if np.abs(r.outcome_voting - np.array(pr["outcome_voting"])).max() > 1e-6:
            break
        rounds_ok += 1
    final = np.abs(ours.forecast() - np.array(peer["rounds"][-1]["outcome_voting"])).max()
    cands = "same" if r0.n_candidates == p0["n_candidates"] else "DIFFERENT"
    return (
        f"round 0: candidates {cands} ({r0.n_candidates}), first {same}/{len(p0['realised'])} "
        f"exchanges identical; outcomes agree for {rounds_ok}/{len(peer['rounds'])} rounds; "
        f"final forecast max |diff| {final:.3g}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--quick", action="store_true", help="run the peer on 10x5 only")
    parser.add_argument("--peer", default=None, help="sizes the peer runs on, e.g. 10x5,30x20")
    parser.add_argument("--sizes", default=None, help="sizes to time, e.g. 10x5,30x20,100x20")
    args = parser.parse_args()
    sizes = SIZES
    if args.sizes:
        sizes = tuple(tuple(int(v) for v in s.split("x")) for s in args.sizes.split(","))  # type: ignore[misc]
    if args.peer is not None:
        peer_sizes = {tuple(int(v) for v in s.split("x")) for s in args.peer.split(",") if s}
    else:
        peer_sizes = {(10, 5)} if args.quick else {(10, 5), (30, 20)}
    print(f"equal-gain exchange model, {args.rounds} rounds, seed {args.seed}")
    for n_actors, n_issues in sizes:
        text = decide_input(n_actors, n_issues, args.seed)
        d = read_decide(text, "bench")
        times = []
        for _ in range(REPEATS.get(n_actors, 1)):
            start = time.perf_counter()
            ours = run_exchange(d.position, d.salience, d.power_raw, rounds=args.rounds)
            times.append(time.perf_counter() - start)
        t_ours = statistics.median(times)
        n_real = sum(len(r.realised) for r in ours.rounds)
        line = (
            f"{n_actors:>4} x {n_issues:<3} ours {t_ours:8.3f} s (median of {len(times)}; "
            f"{ours.rounds[0].n_candidates} candidates in round 0, {n_real} exchanges)"
        )
        print(line, flush=True)
        if (n_actors, n_issues) not in peer_sizes:
            continue
        peer = run_peer(text, args.rounds)
        if peer is None:
            print("           peer not installed (.venv-decide or POURPARLER_DECIDE_PYTHON)")
            continue
        t_peer = float(peer["seconds"])
        print(f"           peer {t_peer:8.3f} s   ratio peer/ours {t_peer / t_ours:8.1f}x")
        print(f"           {agreement(ours, peer)}", flush=True)


if __name__ == "__main__":
    main()
