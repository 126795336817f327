"""What a ticket's problem is, as character pairs: the words the similarity of two tickets is measured on.

Chinese has no spaces, and paraphrases share characters more than words (搅拌站/搅拌厂, 噪音/
噪声扰民): each run of Chinese characters, letters or digits becomes its overlapping character
pairs, as the search index does. The title counts twice (it says what the ticket is about), the
description's first ``DESCRIPTION_CHARS`` characters once; the place names and districts found
in the text are cut out first, so that two tickets about one estate are not alike for naming it.

The pairs of a batch of texts are found with numpy over the code points (no Python loop per
character) and kept compactly: for each ticket its pair ids and counts (``Features``). Weights
(tf-idf over the period) and cosine similarities are computed per block of tickets in
``grouping``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

DESCRIPTION_CHARS = 40
# Separators inside and between documents; neither is a content character.
_INSIDE, _BETWEEN = "\x01", "\x00"


UNIGRAMS = True


def _cjk(codes: npt.NDArray[np.uint32]) -> npt.NDArray[np.bool_]:
    return (codes >= 0x4E00) & (codes <= 0x9FFF)


def _content(codes: npt.NDArray[np.uint32]) -> npt.NDArray[np.bool_]:
    cjk = (codes >= 0x4E00) & (codes <= 0x9FFF)
    digit = (codes >= 0x30) & (codes <= 0x39)
    upper = (codes >= 0x41) & (codes <= 0x5A)
    lower = (codes >= 0x61) & (codes <= 0x7A)
    return cjk | digit | upper | lower


@dataclass
class Features:
    """Character-pair counts of every ticket read so far (rows in reading order)."""

    vocabulary: dict[int, int] = field(default_factory=dict)  # pair code -> id
    indptr: list[npt.NDArray[np.int64]] = field(default_factory=list)
    ids: list[npt.NDArray[np.int32]] = field(default_factory=list)
    counts: list[npt.NDArray[np.uint8]] = field(default_factory=list)
    rows: int = 0

    def add(self, texts: list[str]) -> None:
        """Append one row per text (``problem_text``'s output)."""
        joined = _BETWEEN.join(texts) + _BETWEEN
        codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
        doc = np.cumsum(codes == ord(_BETWEEN)) - (codes == ord(_BETWEEN))
        ok = _content(codes)
        pair = ok[:-1] & ok[1:]
        first = codes[:-1][pair].astype(np.uint64)
        code = (first << np.uint64(21)) | codes[1:][pair].astype(np.uint64)
        key = (doc[:-1][pair].astype(np.uint64) << np.uint64(42)) | code
        if UNIGRAMS:
            single = ok & _cjk(codes)
            key = np.concatenate([key, (doc[single].astype(np.uint64) << np.uint64(42)) | codes[single].astype(np.uint64)])
        unique, counts = np.unique(key, return_counts=True)
        rows = (unique >> np.uint64(42)).astype(np.int64)
        pair_codes = unique & np.uint64((1 << 42) - 1)
        distinct, inverse = np.unique(pair_codes, return_inverse=True)
        vocabulary = self.vocabulary
        lookup = np.fromiter(
            (vocabulary.setdefault(int(c), len(vocabulary)) for c in distinct.tolist()),
            dtype=np.int32, count=len(distinct),
        )
        per_row = np.bincount(rows, minlength=len(texts))
        indptr = np.zeros(len(texts) + 1, dtype=np.int64)
        np.cumsum(per_row, out=indptr[1:])
        self.indptr.append(indptr[1:] + (self._nnz()))
        self.ids.append(lookup[inverse])
        self.counts.append(np.minimum(counts, 255).astype(np.uint8))
        self.rows += len(texts)

    def _nnz(self) -> int:
        return int(self.indptr[-1][-1]) if self.indptr else 0

    def freeze(self) -> FrozenFeatures:
        indptr = np.concatenate([np.zeros(1, dtype=np.int64), *self.indptr])
        ids = np.concatenate(self.ids) if self.ids else np.zeros(0, dtype=np.int32)
        counts = np.concatenate(self.counts) if self.counts else np.zeros(0, dtype=np.uint8)
        return FrozenFeatures(indptr, ids, counts, len(self.vocabulary))


@dataclass(frozen=True)
class FrozenFeatures:
    indptr: npt.NDArray[np.int64]
    ids: npt.NDArray[np.int32]
    counts: npt.NDArray[np.uint8]
    size: int  # vocabulary size

    def document_frequency(self) -> npt.NDArray[np.int64]:
        return np.bincount(self.ids, minlength=self.size)


def problem_text(title: str, description: str, cut: list[str]) -> str:
    """The text whose character pairs describe the problem: title twice, description head once,
    with ``cut`` (place names, districts) replaced by a separator."""
    head = description[:DESCRIPTION_CHARS]
    text = f"{title}{_INSIDE}{title}{_INSIDE}{head}"
    for name in cut:
        if name:
            text = text.replace(name, _INSIDE)
    return text
