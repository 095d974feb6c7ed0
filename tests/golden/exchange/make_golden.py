"""Regenerate the golden runs of the equal-gain exchange model from the reference peer.

The peer is the Decide exchange model (``decide-exchange-model==2025.3.1`` on PyPI, GPL-3.0), an
independent implementation of Stokman's equal-gain model; it is never a dependency of pourparler.
Install it into a separate environment and run this script there (or from any Python: it re-runs
itself with the peer's interpreter, taken from ``POURPARLER_DECIDE_PYTHON`` or ``.venv-decide``)::

    /root/.pyenv/versions/3.13.0/bin/python3 -m venv .venv-decide
    .venv-decide/bin/pip install decide-exchange-model==2025.3.1
    # or, on Python 3.11 (the peer declares 3.13 only but runs the same):
    python3 -m venv .venv-decide
    .venv-decide/bin/pip install --no-deps --ignore-requires-python \
        decide-exchange-model==2025.3.1 typesystem==0.2.5 peewee==3.14.4 structlog==25.5.0
    .venv-decide/bin/python tests/golden/exchange/make_golden.py            # both shared files
    .venv-decide/bin/python tests/golden/exchange/make_golden.py --input F --json OUT
    .venv-decide/bin/python tests/golden/exchange/make_golden.py --input F --precision 100 ...

Ties between equal gains are broken deterministically (``EqualGainModel.ALLOW_RANDOM = False``).
The golden files hold ids, outcomes, candidate counts, realised exchanges and the positions from
round 1 on (the positions of round 0 are the input file itself, which stays in ../shared)."""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SHARED_DECIDE = ROOT.parent / "shared" / "data" / "decide"
FILES = {"sample_data": "sample_data.txt", "copenhagen": "copenhagen.csv"}


def peer_python() -> Path | None:
    """The interpreter that has the peer installed, or None."""
    env = os.environ.get("POURPARLER_DECIDE_PYTHON")
    candidate = Path(env) if env else ROOT / ".venv-decide" / "bin" / "python"
    return candidate if candidate.exists() else None


KNIFE = 1e-9  # below this, the peer's decision rests on its 28-digit decimal rounding


def decide_text(
    actor_ids: list[str],
    issue_ids: list[str],
    position: list[list[float | None]],
    salience: list[list[float]],
    power: list[list[float]],
) -> str:
    """Inputs (positions on 0–100, None where absent) as a Decide input file."""
    lines = [f"'#A'\t'{a}'\t'{a}'\t''" for a in actor_ids]
    for i in issue_ids:
        lines += [f"'#P'\t'{i}'\t'{i}'\t''", f"'#M'\t'{i}'\t0", f"'#M'\t'{i}'\t100"]
    for a, actor in enumerate(actor_ids):
        for i, issue in enumerate(issue_ids):
            x = position[a][i]
            if x is not None:
                lines.append(
                    f"'#D'\t'{actor}'\t'{issue}'\t{x!r}\t{salience[a][i]!r}\t{power[a][i]!r}"
                )
    return "\n".join(lines) + "\n"


def _value_at(history: list[tuple[int, Any]], step: int) -> Any:
    value = history[0][1]
    for s, g in history:
        if s > step:
            break
        value = g
    return value


def _knife_tie(model: Any, history: dict[int, list[tuple[int, Any]]]) -> bool:
    """Whether the peer's choice among its best candidates rests on rounding: gains within
    KNIFE (relative) of the best that are not exactly equal, now or at the latest earlier step
    where an exactly tied candidate's gain differed from the best's (the peer's list keeps the
    order of its last stable sort)."""
    valid = [e for e in model.exchanges if e.is_valid]
    if len(valid) < 2:
        return False
    best = max(e.gain for e in valid)
    group = [e for e in valid if float(best - e.gain) <= KNIFE * float(best)]
    if any(e.gain != best for e in group):
        return True
    for a, b in itertools.pairwise(group):
        ha, hb = history[id(a)], history[id(b)]
        for step in sorted({s for s, _ in ha} | {s for s, _ in hb}, reverse=True):
            ga, gb = _value_at(ha, step), _value_at(hb, step)
            if ga != gb:
                if abs(float(ga - gb)) <= KNIFE * float(max(ga, gb)):
                    return True
                break
    return False


def run_peer(path: Path, rounds: int, watch: bool = True) -> dict[str, Any]:
    """Run the peer on one Decide file; return the record of every round."""
    import logging

    logging.disable(logging.CRITICAL)
    from decide.data.modelfactory import ModelFactory
    from decide.data.reader import InputDataFile
    from decide.model.base import AbstractExchangeActor
    from decide.model.equalgain import EqualGainModel
    from decide.model.utils import ModelLoop

    EqualGainModel.ALLOW_RANDOM = False
    model = ModelFactory(InputDataFile.open(path))(
        model_klass=EqualGainModel, randomized_value=None
    )
    actors = list(model.actors)
    issues = list(model.issues)
    record: dict[str, Any] = {
        "actor_ids": [a.actor_id for a in actors],
        "issue_ids": [i.name for i in issues],
        "rounds": [],
    }
    current: dict[str, Any] = {}
    phase = {"step": 0}

    def knife(step: int, kind: str) -> None:
        if watch and current.get("knife_edge") is None:
            current["knife_edge"] = {"step": step, "kind": kind}

    def positions() -> list[list[float | None]]:
        return [
            [
                float(model.actor_issues[i][a].position) if a in model.actor_issues[i] else None
                for i in issues
            ]
            for a in actors
        ]

    if watch:
        # knife edges: an outcome within KNIFE of the partner's position before a move
        # (whether the move is capped then rests on rounding), and near ties of gains
        check_nbs = AbstractExchangeActor.check_nbs

        def watched_check_nbs(self: Any) -> None:
            x = self.opposite_actor.demand.position
            a = x - self.adjust_nbs(self.supply.position)
            b = x - self.adjust_nbs(self.y)
            if abs(float(a)) <= KNIFE and abs(float(b)) > KNIFE:
                knife(phase["step"], "cap")
            check_nbs(self)

        AbstractExchangeActor.check_nbs = watched_check_nbs  # type: ignore[method-assign]
        highest_gain = model.highest_gain
        remove_invalid = model.remove_invalid_exchanges

        history: dict[int, list[tuple[int, Any]]] = {}

        def note_gains(step: int) -> None:
            for e in model.exchanges:
                h = history.setdefault(id(e), [(step, e.gain)])
                if h[-1][1] != e.gain:
                    h.append((step, e.gain))

        def watched_highest_gain() -> Any:
            if not current["realised"] and phase["step"] == 0:
                note_gains(0)
            if _knife_tie(model, history):
                knife(len(current["realised"]), "tie")
            return highest_gain()

        def watched_remove_invalid(res: Any) -> Any:
            phase["step"] = len(current["realised"]) + 1
            out = remove_invalid(res)
            note_gains(phase["step"])
            return out

        model.highest_gain = watched_highest_gain
        model.remove_invalid_exchanges = watched_remove_invalid

    class Recorder:
        def before_loop(self, iteration: int, repetition: int) -> None:
            current["round"] = iteration
            current["outcome_start"] = [float(model.nbs[i]) for i in issues]
            current["n_candidates"] = len(model.exchanges)
            current["realised"] = []
            if iteration > 0:
                current["positions"] = positions()
            for issue in issues:
                for ai in model.actor_issues[issue].values():
                    if abs(float(ai.position - model.nbs[issue])) <= KNIFE:
                        knife(0, "side")

        def removed_exchanges(self, removed: Any) -> None:
            pass

        def execute_exchange(self, e: Any) -> None:
            current["realised"].append(
                {
                    "i": e.i.actor.actor_id,
                    "j": e.j.actor.actor_id,
                    "supply_i": e.i.supply.issue.name,
                    "supply_j": e.j.supply.issue.name,
                    "gain": float(e.gain),
                    "move_i": float(e.i.move),
                    "move_j": float(e.j.move),
                    "y_i": float(e.i.y),
                    "y_j": float(e.j.y),
                }
            )

        def after_loop(self, realized: Any, iteration: int, repetition: int) -> None:
            pass

        def end_loop(self, iteration: int, repetition: int) -> None:
            current["outcome_voting"] = [float(model.nbs[i]) for i in issues]
            record["rounds"].append(dict(current))
            current.clear()
            current.update(knife_edge=None)
            phase["step"] = 0
            if watch:
                history.clear()

    current.update(knife_edge=None)
    loop = ModelLoop(model, Recorder(), 0)
    start = time.perf_counter()
    for _ in range(rounds):
        loop.loop()
        model.exchanges = []
    record["seconds"] = time.perf_counter() - start
    return record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--input", type=Path, help="one Decide file (default: the shared samples)")
    parser.add_argument("--json", type=Path, help="where to write the record of --input")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument(
        "--no-watch", action="store_true", help="do not look for knife edges (faster)"
    )
    parser.add_argument(
        "--precision",
        type=int,
        default=None,
        help="digits of the peer's decimal arithmetic (its default is 28); with --input only",
    )
    args = parser.parse_args(argv)
    try:
        import decide  # noqa: F401
    except ImportError:
        python = peer_python()
        if python is None:
            print("the peer (decide-exchange-model) is not installed", file=sys.stderr)
            return 1
        return subprocess.call([str(python), __file__, *(argv or sys.argv[1:])])
    if args.input is not None:
        if args.precision is not None:
            import decimal

            decimal.getcontext().prec = args.precision
        record = run_peer(args.input, args.rounds, watch=not args.no_watch)
        text = json.dumps(record, indent=1)
        if args.json is None:
            print(text)
        else:
            args.json.write_text(text + "\n")
        return 0
    for name, filename in FILES.items():
        record = run_peer(SHARED_DECIDE / filename, args.rounds)
        del record["seconds"]
        record["source"] = f"../shared/data/decide/{filename}"
        record["peer"] = "decide-exchange-model 2025.3.1, EqualGainModel.ALLOW_RANDOM = False"
        (HERE / f"{name}.json").write_text(json.dumps(record, indent=1) + "\n")
        print(f"wrote {name}.json: {len(record['rounds'])} rounds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
