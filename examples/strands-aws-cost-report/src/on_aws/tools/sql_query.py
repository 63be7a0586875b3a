"""The sql_query tool: read-only queries; SQLite through sqlite3, other databases through SQLAlchemy if installed."""

from __future__ import annotations

import os
import re
import sqlite3
import urllib.parse
from pathlib import Path
from typing import Any

MAX_ROWS = 100
ALLOWED = ("SELECT", "WITH", "EXPLAIN", "PRAGMA")
_COMMENTS = re.compile(r"--[^\n]*|/\*.*?\*/", re.DOTALL)


def check_read_only(query: str) -> str:
    """The single statement without comments; raises ValueError for anything but a read."""
    statement = _COMMENTS.sub(" ", str(query)).strip().rstrip(";").strip()
    if not statement:
        raise ValueError("the query is empty")
    if ";" in statement:
        raise ValueError("send one statement at a time")
    keyword = statement.split(None, 1)[0].upper()
    if keyword not in ALLOWED:
        raise ValueError(f"only read-only queries are allowed ({', '.join(ALLOWED)}), not {keyword}")
    if keyword == "PRAGMA" and "=" in statement:
        raise ValueError("PRAGMA assignments change the database; only reading PRAGMAs are allowed")
    return statement


def _table(columns: list[str], rows: list[Any]) -> str:
    def cell(value: Any) -> str:
        return "NULL" if value is None else " ".join(str(value).split()).replace("|", "\\|")

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows[:MAX_ROWS]]
    if len(rows) > MAX_ROWS:
        lines.append(f"(first {MAX_ROWS} rows shown)")
    return "\n".join(lines) if columns else "(no rows)"


def _sqlite(url: str, statement: str) -> str:
    location = url[len("sqlite:///") :]
    if not location or location == ":memory:":
        raise ValueError("DATABASE_URL must name a SQLite file, e.g. sqlite:///data/app.db")
    path = Path(urllib.parse.unquote(location))
    if not path.is_file():
        raise ValueError(f"no SQLite database at {path}")
    connection = sqlite3.connect(f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro", uri=True)
    try:
        connection.execute("PRAGMA query_only = ON")
        cursor = connection.execute(statement)
        columns = [column[0] for column in cursor.description or []]
        return _table(columns, cursor.fetchmany(MAX_ROWS + 1))
    finally:
        connection.close()


def _sqlalchemy(url: str, statement: str) -> str:
    try:
        from sqlalchemy import create_engine, text
    except ImportError:
        raise ValueError("this DATABASE_URL needs SQLAlchemy and a driver: pip install sqlalchemy <driver>") from None
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            result = connection.execute(text(statement))
            return _table(list(result.keys()), result.fetchmany(MAX_ROWS + 1))
    finally:
        engine.dispose()


def sql_query(query: str) -> str:
    """Runs read-only SQL against the database in DATABASE_URL (SQLite here; others through SQLAlchemy URLs).

    Args:
        query: One read-only SQL statement (SELECT, WITH, EXPLAIN or PRAGMA).
    """
    try:
        url = os.environ.get("DATABASE_URL", "").strip()
        if not url:
            return "error: DATABASE_URL is not set, e.g. sqlite:///data/app.db"
        statement = check_read_only(query)
        if url.startswith("sqlite:///"):
            return _sqlite(url, statement)
        return _sqlalchemy(url, statement)
    except Exception as error:  # the tool reports every failure to the model instead of raising
        return f"error: {error}"
