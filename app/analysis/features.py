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
    """Character and character-pair counts of every ticket read so far (rows in reading order).

    A pair is coded in 32 bits (first << 16 | second; characters beyond the basic plane count as
    U+FFFF) and a single character by its code point, below every pair's code: no dictionary of
    strings, 5 bytes per (ticket, feature). ``freeze`` numbers the codes compactly.
    """

    codes: list[npt.NDArray[np.uint32]] = field(default_factory=list)
    counts: list[npt.NDArray[np.uint8]] = field(default_factory=list)
    lengths: list[npt.NDArray[np.int64]] = field(default_factory=list)
    vocabulary: npt.NDArray[np.uint32] = field(default_factory=lambda: np.zeros(0, dtype=np.uint32))
    pending: list[npt.NDArray[np.uint32]] = field(default_factory=list)  # not merged in yet
    rows: int = 0

    def add(self, texts: list[str]) -> None:
        """Append one row per text (``problem_text``'s output)."""
        joined = _BETWEEN.join(texts) + _BETWEEN
        codes = np.minimum(np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32), 0xFFFF)
        ends = codes == ord(_BETWEEN)
        doc = (np.cumsum(ends) - ends).astype(np.uint64)
        ok = _content(codes)
        pair = ok[:-1] & ok[1:]
        code = (codes[:-1][pair] << np.uint32(16)) | codes[1:][pair]
        key = (doc[:-1][pair] << np.uint64(32)) | code.astype(np.uint64)
        if UNIGRAMS:
            single = ok & _cjk(codes)
            key = np.concatenate([key, (doc[single] << np.uint64(32)) | codes[single].astype(np.uint64)])
        unique, counts = np.unique(key, return_counts=True)
        feature = (unique & np.uint64(0xFFFFFFFF)).astype(np.uint32)
        self.codes.append(feature)
        self.counts.append(np.minimum(counts, 255).astype(np.uint8))
        self.lengths.append(np.bincount((unique >> np.uint64(32)).astype(np.int64), minlength=len(texts)))
        self.pending.append(np.unique(feature))
        if sum(len(p) for p in self.pending) > 2_000_000:
            self._merge()
        self.rows += len(texts)

    def _merge(self) -> None:
        self.vocabulary = np.unique(np.concatenate([self.vocabulary, *self.pending]))
        self.pending = []

    def freeze(self) -> FrozenFeatures:
        """Codes numbered 0 .. size-1 (in code order), tf-idf weights and each row's norm, chunk
        by chunk; then the features found in one ticket only are dropped: they weigh in its
        norm (kept) but no two tickets share them, and they are a third of the pairs."""
        self._merge()
        size = len(self.vocabulary)
        # Each chunk's codes freed as soon as numbered, its counts as soon as kept: a year at a
        # million tickets holds tens of millions of (ticket, feature) entries.
        chunks: list[npt.NDArray[np.int32]] = []
        self.codes.reverse()
        while self.codes:
            chunks.append(np.searchsorted(self.vocabulary, self.codes.pop()).astype(np.int32))
        df = np.zeros(size, dtype=np.int64)
        for ids in chunks:
            df += np.bincount(ids, minlength=size)
        lengths = np.concatenate(self.lengths) if self.lengths else np.zeros(0, dtype=np.int64)
        documents = max(int((lengths > 0).sum()), 1)
        idf = (np.log((1.0 + documents) / (1.0 + df)) + 1.0).astype(np.float32)
        norms = np.zeros(len(lengths), dtype=np.float32)
        total = sum(int((df[ids] > 1).sum()) for ids in chunks)
        out_ids = np.empty(total, dtype=np.int32)
        out_counts = np.empty(total, dtype=np.uint8)
        kept_lengths: list[npt.NDArray[np.int64]] = []
        row = at = 0
        chunks.reverse()
        self.counts.reverse()
        for chunk_lengths in self.lengths:
            ids, counts = chunks.pop(), self.counts.pop()
            weights = ((1.0 + np.log(counts.astype(np.float32))) * idf[ids]).astype(np.float64)
            starts = np.concatenate([[0], np.cumsum(chunk_lengths)[:-1]])
            filled = chunk_lengths > 0
            if filled.any():
                norms[row : row + len(chunk_lengths)][filled] = np.sqrt(
                    np.add.reduceat(weights**2, starts[filled]))
            shared = df[ids] > 1
            kept = int(shared.sum())
            out_ids[at : at + kept] = ids[shared]
            out_counts[at : at + kept] = counts[shared]
            at += kept
            owner = np.repeat(np.arange(len(chunk_lengths)), chunk_lengths)
            kept_lengths.append(np.bincount(owner[shared], minlength=len(chunk_lengths)))
            row += len(chunk_lengths)
        kept_rows = np.concatenate(kept_lengths) if kept_lengths else np.zeros(0, dtype=np.int64)
        indptr = np.zeros(len(kept_rows) + 1, dtype=np.int64)
        np.cumsum(kept_rows, out=indptr[1:])
        return FrozenFeatures(
            indptr=indptr,
            ids=out_ids,
            counts=out_counts,
            size=size, df=df.astype(np.int32), idf=idf, norms=norms,
        )


@dataclass(frozen=True)
class FrozenFeatures:
    """Each row's features shared with another row (CSR: indptr, ids, counts), with the whole
    vocabulary's document frequency and idf and each row's norm over all its features."""

    indptr: npt.NDArray[np.int64]
    ids: npt.NDArray[np.int32]
    counts: npt.NDArray[np.uint8]
    size: int  # vocabulary size
    df: npt.NDArray[np.int32]
    idf: npt.NDArray[np.float32]
    norms: npt.NDArray[np.float32]


def problem_text(title: str, description: str, cut: list[str]) -> str:
    """The text whose character pairs describe the problem: title twice, description head once,
    with ``cut`` (place names, districts) replaced by a separator."""
    head = description[:DESCRIPTION_CHARS]
    text = f"{title}{_INSIDE}{title}{_INSIDE}{head}"
    for name in cut:
        if name:
            text = text.replace(name, _INSIDE)
    return text
