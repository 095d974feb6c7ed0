"""``pourparler durability``: how long agreements last in the UCDP Peace Agreement data
(Kaplan–Meier curves) and the proportional-hazards fit the simulation uses."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from pourparler.errors import InputError

if TYPE_CHECKING:
    from pourparler.report.durability import DurabilityReport
    from pourparler.report.table import TextTable

BY_OPT = typer.Option(
    "--by",
    help="Provision whose curves (with/without) are shown; repeat for several (default: cease, "
    "pko, third_party).",
)
AMONG_OPT = typer.Option(
    "--among", help="Only agreements containing this provision (e.g. cease) in the curves."
)
JSON_OPT = typer.Option("--json", help="Print one JSON object.")
CSV_OPT = typer.Option("--csv", help="Print a CSV table, one row per estimate (needs pandas).")


def register(app: typer.Typer) -> None:
    app.command("durability")(durability)


def durability(
    by: Annotated[list[str] | None, BY_OPT] = None,
    among_: Annotated[list[str] | None, AMONG_OPT] = None,
    as_json: Annotated[bool, JSON_OPT] = False,
    as_csv: Annotated[bool, CSV_OPT] = False,
) -> None:
    """Survival of peace agreements (UCDP v22.1, 1975–2021; in force: censored at 2021-12-31)
    at 6, 12, 24 and 60 months with 95% intervals, and each provision's hazard ratio in the
    fitted Cox model (below 1: agreements containing it break down less often)."""
    from pourparler.cli.common import check_output, emit_result
    from pourparler.report.durability import DEFAULT_BY, durability_report
    from pourparler.scenario.model import PROVISIONS

    check_output(as_json=as_json, as_csv=as_csv)
    if among_ and len(among_) > 1:
        raise InputError(f"--among: {', '.join(among_)}: give one provision")
    among = among_[0] if among_ else None
    for same in by or ():
        if among is not None and same == among:
            raise InputError(
                f"--by {same}: every agreement counted has it already (--among {among})"
            )
    for option, code in [*(("--by", c) for c in by or ()), ("--among", among)]:
        if code is not None and code not in PROVISIONS:
            raise InputError(
                f"{option}: {code}: unknown provision (known: {', '.join(PROVISIONS)})"
            )
    report = durability_report(by=tuple(by) if by else DEFAULT_BY, among=among)
    if emit_result(report, as_json=as_json, as_csv=as_csv):
        return
    _print(report)


def _num(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _bound(value: float) -> str:
    """An interval bound in [0, 1] without its leading zero (.81), to fit 80 columns."""
    return f"{value:.2f}".removeprefix("0") if value < 1.0 else "1"


def survival_table(report: DurabilityReport) -> TextTable:
    """The Kaplan–Meier curves: per group a row of survivals and a row of their intervals."""
    from pourparler.report.table import Column, TextTable

    times = report.provenance.parameters["times"]
    columns = (
        Column("agreements", whole=True),
        Column("n", numeric=True),
        Column("ends", numeric=True),
        Column("held", numeric=True),
        *(Column(f"{t} mo", numeric=True) for t in times),
        Column("median", numeric=True),
    )
    rows: list[tuple[str, ...]] = []
    for c in report.curves:
        rows.append(
            (
                c.label,
                str(c.n),
                str(c.events),
                f"{c.held:.0%}",
                *(_num(s.survival) for s in c.at),
                _num(c.median, 0),
            )
        )
        median = "" if c.median is None else f"{_num(c.median_low, 0)}–{_num(c.median_high, 0)}"
        rows.append(
            ("  95%", "", "", "", *(f"{_bound(s.low)}–{_bound(s.high)}" for s in c.at), median)
        )
    return TextTable(
        title="Kaplan–Meier survival",
        columns=columns,
        rows=tuple(rows),
        notes=(
            "held: share not ended by the censoring date; median: months, — where over half "
            "still hold.",
        ),
        compact=True,
    )


def hazards_table(report: DurabilityReport) -> TextTable:
    """The proportional-hazards coefficients, with the fit's figures and provenance as notes."""
    from pourparler.report.table import Column, TextTable

    fit, prov = report.fit, report.provenance
    rows = tuple(
        (
            k.code,
            f"{k.coef:+.2f}",
            f"{k.hazard_ratio:.2f}",
            f"{k.low:.2f}–{k.high:.2f}",
            f"{k.p:.3f}",
            str(k.n_with),
            str(k.events_with),
        )
        for k in report.coefficients
    )
    notes = [
        f"Concordance {fit['concordance']:.3f}; ridge penalty {prov.parameters['penalizer']}; "
        f"standard errors {fit['variance']}."
    ]
    doubtful = [f"{k.code} {k.ph_p:.3f}" for k in report.coefficients if k.ph_p < 0.05]
    if doubtful:
        notes.append(
            "Hazard ratio changing over time (proportional-hazards test p < 0.05): "
            + ", ".join(doubtful)
            + "."
        )
    notes += [f"Left out: {code} ({reason})." for code, reason in report.dropped]
    notes.append(
        f"Fitted with {prov.library} {prov.library_version}; pourparler {prov.version}; "
        f"data {prov.data} sha256 {prov.data_sha256}."
    )
    return TextTable(
        title=f"Proportional hazards: {fit['n']} agreements, {fit['events']} ended",
        columns=(
            Column("provision", whole=True),
            *(
                Column(h, numeric=True)
                for h in ("coef", "hazard ratio", "95% interval", "p", "with", "ended")
            ),
        ),
        rows=rows,
        notes=tuple(notes),
        compact=True,
    )


def _print(report: DurabilityReport) -> None:
    from pourparler.cli.common import console, inert
    from pourparler.cli.fitted_table import print_in_blocks

    out = console()
    prov = report.provenance
    out.print(f"[bold]How long agreements last: UCDP Peace Agreements v{prov.data_version}[/bold]")
    censor = prov.parameters["censor_date"]
    out.print(f"{report.n} agreements, {report.events} ended; in force: censored at {censor}.")
    odd = [f"{v} {k}" for k, v in report.odd_rows.items() if v]
    if odd:
        out.print(inert("Odd rows: " + "; ".join(odd) + "."))
    print_in_blocks(survival_table(report), out)
    print_in_blocks(hazards_table(report), out)
