"""Reading labeled and unlabeled tables (CSV) for training and evaluation."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from app.assistant.text import join_fields

# The public demo data lives beside the repository, never inside it.
SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "tipdm2020c"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def read_labeled(path: Path, text_cols: Sequence[str], label_col: str) -> list[tuple[str, str]]:
    """(text, label) pairs; rows with an empty text or label are skipped."""
    rows = _rows(path)
    if rows:
        missing = [c for c in (*text_cols, label_col) if c not in rows[0]]
        if missing:
            raise ValueError(f"{path}: missing columns {', '.join(missing)}")
    pairs = [(join_fields(r[c] or "" for c in text_cols), (r[label_col] or "").strip())
             for r in rows]
    return [(t, lab) for t, lab in pairs if t and lab]


def read_texts(path: Path, text_cols: Sequence[str]) -> list[str]:
    """Texts of an unlabeled table, using whichever of ``text_cols`` it has."""
    rows = _rows(path)
    cols = [c for c in text_cols if rows and c in rows[0]]
    if rows and not cols:
        raise ValueError(f"{path}: none of the columns {', '.join(text_cols)}")
    return [t for r in rows if (t := join_fields(r[c] or "" for c in cols))]
