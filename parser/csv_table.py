"""Loose reading of the export's CSV files: find the header row, map drifting names, yield rows.

The standard ``csv`` module does the quoting (commas and newlines inside quotes); this module adds
what LinkedIn's files need on top: a header row that may follow a preamble, header names matched
through ``csv_schema``'s alias table, ``""`` read as missing, and every csv failure turned into a
``MalformedInput`` with the file and line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field

from parser.csv_schema import HEADER_SCAN_ROWS, TABLES, TABLES_BY_FILENAME, Table, header_key
from parser.errors import MalformedInput
from parser.text import squash

Row = dict[str, str | None]
# Enough of a file's start to hold a preamble and its header row, for cheap sniffing.
_SNIFF_CHARS = 16 * 1024


@dataclass
class TableRows:
    table: Table
    rows: list[Row]
    warnings: list[str] = field(default_factory=list)


def detect(text: str, filename: str | None = None) -> Table | None:
    """Which export table ``text`` is, judged from its header row; None if it is none of them.

    Reads only the start of ``text`` and never raises: sniffing must be cheap and quiet.
    """
    head = text[:_SNIFF_CHARS]
    if "\n" not in head and len(text) > _SNIFF_CHARS:
        return None  # one endless line: minified HTML or JSON, not a CSV
    try:
        found = _find_header(csv.reader(io.StringIO(head)), _candidates(filename))
    except csv.Error:
        return None
    return found[0] if found else None


def read_table(text: str, filename: str | None = None, table: Table | None = None) -> TableRows:
    """Every data row of an export CSV, keyed by canonical column; ``MalformedInput`` if none fit.

    ``table`` forces the kind (a ZIP member is known by its file name); otherwise the header
    decides, with ``filename`` as a tie-breaker.
    """
    where = filename or "the CSV"
    reader = csv.reader(io.StringIO(text))
    try:
        found = _find_header(reader, (table,) if table else _candidates(filename))
        if found is None:
            expected = table.filename if table else "a LinkedIn export file"
            raise MalformedInput(f"{where} has no header row of {expected} in its first "
                                 f"{HEADER_SCAN_ROWS} rows")
        kind, columns, width = found
        result = TableRows(kind, [])
        too_wide: list[int] = []
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > width:
                too_wide.append(reader.line_num)
            result.rows.append({key: squash(cells[i]) if i < len(cells) else None
                                for key, i in columns.items()})
    except csv.Error as error:
        raise MalformedInput(f"{where}, line {reader.line_num}: {error}") from None
    if too_wide:
        lines = ", ".join(map(str, too_wide[:5])) + (" …" if len(too_wide) > 5 else "")
        result.warnings.append(f"{where}: {len(too_wide)} row(s) have more fields than the "
                               f"header (line {lines}); the extra fields were ignored")
    return result


def _candidates(filename: str | None) -> tuple[Table, ...]:
    """The file name, when LinkedIn's own, settles the kind; otherwise every table is tried."""
    base = (filename or "").replace("\\", "/").rsplit("/", 1)[-1].casefold()
    named = TABLES_BY_FILENAME.get(base)
    return (named, *(t for t in TABLES if t is not named)) if named else TABLES


def _find_header(
    reader: Iterator[list[str]], tables: tuple[Table, ...]
) -> tuple[Table, dict[str, int], int] | None:
    for number, cells in enumerate(reader):
        if number >= HEADER_SCAN_ROWS:
            return None
        keys = [header_key(c) for c in cells]
        for table in tables:
            columns = _columns(table, keys)
            if not all(k in columns for k in table.signature):
                continue
            if table.exact and sum(1 for k in keys if k) != len(table.signature):
                continue
            return table, columns, len(cells)
    return None


def _columns(table: Table, keys: list[str]) -> dict[str, int]:
    """Canonical column -> index in the row, for the columns of ``table`` present in ``keys``."""
    found: dict[str, int] = {}
    for canonical, aliases in table.columns.items():
        for i, key in enumerate(keys):
            if key in aliases:
                found[canonical] = i
                break
    return found
