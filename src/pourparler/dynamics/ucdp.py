"""The UCDP Peace Agreement Dataset v22.1 (Pettersson, Högbladh & Öberg 2019, "Organized
violence, 1989–2018 and peace agreements", JPR 56(4)) read as survival data: each agreement's
length in months, whether it ended, and the provisions it contains.

An agreement's length is ``duration − pa_date`` when ``ended`` is "True"; an agreement still in
force (``ended`` blank or "False") is censored at :data:`CENSOR_DATE`. Odd rows are handled
as follows, and counted in :attr:`AgreementData.odd_rows`:

- no valid signing date, or signed after the censoring date: left out;
- ended but no end date (``ended`` "True", ``duration`` blank): left out (its length is unknown);
- an end date before the signing date: left out (a coding error; its length is unknown);
- an end date after the censoring date: in force at the censoring date, so censored there;
- ``ended`` "False": in force, censored like a blank;
- zero length (ended the day it was signed): kept, as ending half a day after signing, so that
  it breaks down in its first month and every curve starts at 1.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from pourparler.errors import InputError
from pourparler.scenario.model import PROVISIONS

VERSION = "22.1"
FILE_NAME = "ucdp_peace_agreements_v22.1.csv"
CENSOR_DATE = dt.date(2021, 12, 31)
DAYS_PER_MONTH = 365.25 / 12
ZERO_LENGTH_DAYS = 0.5

# Provision code -> the dataset's column (the names carry no trailing space here; the file's
# "ref " and "return " are stripped when read). third_party is derived from pa_3rd.
COLUMN = {code: code for code in PROVISIONS if code != "third_party"}
THIRD_PARTY = "pa_3rd"

ODD_ROWS = (
    "no signing date",
    "signed after the censoring date",
    "ended without an end date",
    "ends before it was signed",
    "ends after the censoring date (censored)",
    "ended 'False' (in force)",
    "zero length (ends in month 1)",
)


@dataclass(frozen=True)
class AgreementData:
    """Agreements as survival data: ``months`` (length or time to censoring), ``ended`` (True:
    the agreement broke down at ``months``; False: censored), ``provisions`` (0/1, one column
    per code of :data:`codes`), ``conflict`` (UCDP conflict id, for clustering) and ``paid``."""

    paid: np.ndarray
    months: np.ndarray
    ended: np.ndarray
    provisions: np.ndarray
    codes: tuple[str, ...]
    conflict: tuple[str, ...]
    odd_rows: dict[str, int]
    sha256: str
    source: str

    @property
    def n(self) -> int:
        return int(self.months.size)

    @property
    def events(self) -> int:
        return int(self.ended.sum())

    def has(self, code: str) -> np.ndarray:
        """Boolean mask of the agreements containing provision ``code``."""
        try:
            return self.provisions[:, self.codes.index(code)].astype(bool)
        except ValueError:
            raise InputError(
                f"provision: {code}: unknown (known: {', '.join(self.codes)})"
            ) from None


def shipped_path() -> Path:
    """The copy of the dataset shipped in the package."""
    return Path(str(resources.files("pourparler") / "data" / FILE_NAME))


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


def read_agreements(path: Path | None = None, censor: dt.date = CENSOR_DATE) -> AgreementData:
    """The agreements of ``path`` (default: the shipped file) as survival data in months."""
    path = shipped_path() if path is None else Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        rows = list(csv.DictReader(raw.decode("utf-8").splitlines(keepends=True)))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{path}: not a UTF-8 CSV file: {exc}") from None
    codes = tuple(PROVISIONS)
    odd = dict.fromkeys(ODD_ROWS, 0)
    paid: list[int] = []
    days: list[float] = []
    ended: list[bool] = []
    matrix: list[list[int]] = []
    conflict: list[str] = []
    for line, row in enumerate(rows, start=2):
        row = {(k or "").strip(): (v or "") for k, v in row.items()}
        for need in ("paid", "pa_date", "ended", "duration", THIRD_PARTY, *COLUMN.values()):
            if need not in row:
                raise InputError(f"{path}: column {need!r}: missing")
        start = _date(row["pa_date"])
        if start is None:
            odd["no signing date"] += 1
            continue
        if start > censor:
            odd["signed after the censoring date"] += 1
            continue
        flag = row["ended"].strip()
        if flag == "True":
            end = _date(row["duration"])
            if end is None:
                odd["ended without an end date"] += 1
                continue
            if end < start:
                odd["ends before it was signed"] += 1
                continue
            if end > censor:
                odd["ends after the censoring date (censored)"] += 1
                end, broke = censor, False
            else:
                broke = True
        elif flag in ("", "False"):
            if flag == "False":
                odd["ended 'False' (in force)"] += 1
            end, broke = censor, False
        else:
            raise InputError(f"{path}: line {line}: ended: {flag!r}: not True, False or blank")
        length = float((end - start).days)
        if length == 0.0:
            odd["zero length (ends in month 1)"] += 1
            length = ZERO_LENGTH_DAYS
        values = []
        for code in codes:
            if code == "third_party":
                values.append(int(bool(row[THIRD_PARTY].strip())))
                continue
            cell = row[COLUMN[code]].strip()
            if cell not in ("0", "1"):
                raise InputError(f"{path}: line {line}: {COLUMN[code]}: {cell!r}: not 0 or 1")
            values.append(int(cell))
        try:
            paid.append(int(row["paid"]))
        except ValueError:
            raise InputError(f"{path}: line {line}: paid: {row['paid']!r}: not an id") from None
        days.append(length)
        ended.append(broke)
        matrix.append(values)
        conflict.append(row.get("conflict_id", "").strip())
    if not days:
        raise InputError(f"{path}: no agreement with a usable signing date")
    return AgreementData(
        paid=np.asarray(paid, dtype=np.int64),
        months=np.asarray(days) / DAYS_PER_MONTH,
        ended=np.asarray(ended, dtype=bool),
        provisions=np.asarray(matrix, dtype=np.int8).reshape(len(days), len(codes)),
        codes=codes,
        conflict=tuple(conflict),
        odd_rows=odd,
        sha256=hashlib.sha256(raw).hexdigest(),
        source=path.name,
    )
