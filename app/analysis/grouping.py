"""Grouping tickets about one concrete problem in one place (or for one group of people).

Two tickets are linked when

1. they name the same place (after ``canonical_places`` joined the ways it is written), are not
   placed in two different districts, and their problem texts are alike: cosine similarity of
   their tf-idf weighted character pairs (``features``) at least ``Thresholds.same_place``; or
2. their problem texts are nearly the same (at least ``Thresholds.same_text``) and they do not
   name two different places: the same request sent again, or a group of people (a company's
   workers, a school's parents) writing about one thing without a place.

Linked tickets form groups (connected components). A chain of links can drift from one problem
to another, so each group then keeps only the tickets whose similarity to the group's centre is
at least ``Thresholds.cohesion``; the rest stand alone again.

Similarities are computed only inside blocks of tickets sharing a place (1) or one of their
rarest character pairs (2), never over all pairs: a year of a big city's tickets has 10^11 pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse
from scipy.sparse import csgraph

from app.analysis.features import FrozenFeatures

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Thresholds:
    same_place: float = 0.15
    same_text: float = 0.55
    cohesion: float = 0.2
    # Near-duplicate blocks: rows sharing one of this many MinHash keys over their rare character
    # pairs, those in at most this share of the period's tickets (at least 10): two texts linked
    # without a shared place must share something rare, not just 路灯损坏 or 咨询社保.
    minhash_keys: int = 4
    rare_share: float = 0.005
    # ... and in at most this many tickets: a share alone grows the blocks with the store, and
    # their pairs with its square (a year of a million-ticket store: 2,500 tickets a pair).
    rare_most: int = 500
    # Blocks larger than this (a busy road's year) are split by their tickets' rarest character
    # pairs; a product of one block holds its size squared pairs (600: ~15 MB).
    max_block: int = 600
    min_group: int = 2


class UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = np.arange(size, dtype=np.int64)

    def find(self, item: int) -> int:
        parent = self.parent
        root = item
        while parent[root] != root:
            root = int(parent[root])
        while parent[item] != root:
            parent[item], item = root, int(parent[item])
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def split_by(keys: npt.NDArray[np.int64], rows: npt.NDArray[np.int64]) -> list[tuple[int, IntArray]]:
    """(key, its rows in ascending order) for each distinct key, by sorting (no Python dict)."""
    if not len(keys):
        return []
    order = np.lexsort((rows, keys))
    keys, rows = keys[order], rows[order]
    cuts = np.nonzero(np.diff(keys))[0] + 1
    starts = np.concatenate([[0], cuts])
    return list(zip(keys[starts].tolist(), np.split(rows, cuts), strict=True))


JOIN_LIMIT = 3


def canonical_places(keys: Sequence[str], counts: Sequence[int]) -> list[int]:
    """For each place key, the id of the key it is joined with.

    A key written inside a longer key (滨河苑 in 伊景园滨河苑, 魅力之城 in 万科魅力之城) names the
    same place when it has at least three characters, was itself written at least twice (a name
    people use on its own), and sits inside at most ``JOIN_LIMIT`` longer keys: an ending shared
    by many names (福花园 in 祥福花园, 康福花园, 永福花园 …) names none of them.
    """
    index = {key: i for i, key in enumerate(keys)}
    inside: dict[int, set[int]] = defaultdict(set)
    for i, key in enumerate(keys):
        for length in range(3, len(key)):
            for start in range(len(key) - length + 1):
                j = index.get(key[start : start + length])
                if j is not None and counts[j] >= 2:
                    inside[j].add(i)
    union = UnionFind(len(keys))
    for j, longer in inside.items():
        if len(longer) <= JOIN_LIMIT:
            for i in longer:
                union.union(i, j)
    # Each joined set is named by its most written key (the shorter when tied).
    best: dict[int, int] = {}
    for i in range(len(keys)):
        root = union.find(i)
        chosen = best.get(root)
        if chosen is None or (counts[i], -len(keys[i])) > (counts[chosen], -len(keys[chosen])):
            best[root] = i
    return [best[union.find(i)] for i in range(len(keys))]


def gather_rows(features: FrozenFeatures, rows: IntArray) -> tuple[IntArray, IntArray, IntArray]:
    """indptr, column ids and counts of ``rows`` as one small CSR."""
    starts = features.indptr[rows]
    lengths = features.indptr[rows + 1] - starts
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    offsets = np.repeat(starts - indptr[:-1], lengths) + np.arange(int(indptr[-1]), dtype=np.int64)
    return indptr, features.ids[offsets].astype(np.int64), features.counts[offsets].astype(np.int64)


class Weights:
    """tf-idf weights (sublinear tf) of the period's character pairs, as rows normalised by
    their full norm (``FrozenFeatures``)."""

    def __init__(self, features: FrozenFeatures) -> None:
        self.features = features
        self.df = features.df
        self.idf = features.idf
        self.norms = features.norms

    def rows(self, rows: IntArray) -> sparse.csr_matrix:
        """L2-normalised tf-idf rows as a CSR matrix over the whole vocabulary."""
        indptr, columns, counts = gather_rows(self.features, rows)
        data = (1.0 + np.log(counts.astype(np.float32))) * self.idf[columns]
        norms = np.repeat(np.maximum(self.norms[rows], 1e-12), np.diff(indptr))
        return sparse.csr_matrix((data / norms, columns, indptr), shape=(len(rows), self.features.size))

    def minhash_keys(self, first_row: int, count: int, max_df: int) -> npt.NDArray[np.int64]:
        """``count`` MinHash keys per row from ``first_row`` on (rows × count), over the pairs no
        more frequent than ``max_df``: near-duplicates share a key with high probability.
        Computed 10,000 rows at a time: a year's pairs would need a gigabyte at once, and
        50,000 rows' int64 temporaries were the peak of a 200,000-ticket store's run (+100 MB)."""
        indptr = self.features.indptr
        rows = len(indptr) - 1 - first_row
        keys = np.full((rows, count), -1, dtype=np.int64)
        rng = np.random.default_rng(20190101)
        factors = [tuple(int(x) for x in rng.integers(1, _PRIME - 1, size=2)) for _ in range(count)]
        for lo in range(first_row, first_row + rows, MINHASH_ROWS):
            hi = min(lo + MINHASH_ROWS, first_row + rows)
            start = int(indptr[lo])
            ids = self.features.ids[start : int(indptr[hi])].astype(np.int64)
            bounds = indptr[lo : hi + 1] - start
            filled = np.diff(bounds) > 0
            if not filled.any():
                continue
            rare = self.df[ids] <= max_df
            for k, (a, b) in enumerate(factors):
                hashed = np.where(rare, (ids * a + b) % _PRIME, _PRIME)
                column = np.full(hi - lo, _PRIME, dtype=np.int64)
                column[filled] = np.minimum.reduceat(hashed, bounds[:-1][filled])
                keys[lo - first_row : hi - first_row, k] = np.where(column < _PRIME, column * count + k, -1)
        return keys


_PRIME = 2_147_483_647
MINHASH_ROWS = 10_000


def compatible(block: IntArray, ptr: IntArray, values: IntArray) -> list[IntArray]:
    """``block`` cut into the parts whose rows may be linked: the rows holding one value (row
    r holds ``values[ptr[r]:ptr[r + 1]]``) with the rows holding none, which go with any. Rows
    sharing no value never meet; a block whose rows hold at most one value stays whole."""
    starts = ptr[block]
    lengths = ptr[block + 1] - starts
    held = lengths > 0
    if not held.any():
        return [block]
    offsets = np.repeat(starts - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths)
    keys = values[offsets + np.arange(int(lengths.sum()), dtype=np.int64)]
    if (keys == keys[0]).all():
        return [block]
    free = block[~held]
    return [np.concatenate([rows, free]) for _, rows in split_by(keys, np.repeat(block, lengths))
            if len(rows) + len(free) >= 2]


Accept = Callable[[IntArray, IntArray], npt.NDArray[np.bool_]]
# Blocks are compared together, as one block-diagonal matrix product, until their pairs or rows
# reach these (memory: ~12 bytes a pair, ~400 bytes a row).
PAIRS_PER_PRODUCT = 250_000
ROWS_PER_PRODUCT = 5_000


def links(
    weights: Weights, blocks: Iterable[IntArray], threshold: float, accept: Accept, max_block: int,
    parts: Callable[[IntArray], list[IntArray]] = lambda block: [block],
) -> Iterator[tuple[IntArray, IntArray]]:
    """Pairs of rows inside one of ``blocks``, at least ``threshold`` alike, that ``accept`` takes.

    ``parts``: a block (once no larger than ``max_block``) cut into parts holding every pair
    ``accept`` may take; only pairs inside a part are compared."""
    batch: list[IntArray] = []
    pairs = rows = 0
    for block in blocks:
        if len(block) < 2:
            continue
        if len(block) > max_block:
            yield from links(weights, _split(weights, block, max_block), threshold, accept, max_block, parts)
            continue
        for part in parts(block):
            batch.append(part)
            pairs += len(part) ** 2
            rows += len(part)
        if pairs >= PAIRS_PER_PRODUCT or rows >= ROWS_PER_PRODUCT:
            yield _similar_in_blocks(weights, batch, threshold, accept)
            batch, pairs, rows = [], 0, 0
    if batch:
        yield _similar_in_blocks(weights, batch, threshold, accept)


def _similar_in_blocks(
    weights: Weights, blocks: list[IntArray], threshold: float, accept: Accept,
) -> tuple[IntArray, IntArray]:
    """Alike pairs within each block, all blocks in one sparse product: each block's character
    pairs get columns of their own (block number × vocabulary + pair), so rows of different
    blocks share no column and the product holds only pairs within a block."""
    rows = np.concatenate(blocks)
    sizes = np.fromiter((len(b) for b in blocks), dtype=np.int64, count=len(blocks))
    matrix = weights.rows(rows)
    owner = np.repeat(np.repeat(np.arange(len(blocks), dtype=np.int64), sizes), np.diff(matrix.indptr))
    # Numbered compactly: a transpose allocates one slot per column.
    distinct, columns = np.unique(matrix.indices.astype(np.int64) + owner * weights.features.size,
                                  return_inverse=True)
    spread = sparse.csr_matrix((matrix.data, columns.ravel(), matrix.indptr), shape=(len(rows), len(distinct)))
    similar = (spread @ spread.T).tocoo()
    keep = (similar.row < similar.col) & (similar.data >= threshold)
    left, right = rows[similar.row[keep]], rows[similar.col[keep]]
    swap = left > right
    left, right = np.where(swap, right, left), np.where(swap, left, right)
    ok = accept(left, right)
    return left[ok], right[ok]


def _split(weights: Weights, block: IntArray, max_block: int) -> list[IntArray]:
    """A block too large to compare whole, split by each row's two rarest character pairs; a
    part still too large (a pair the whole block shares) is cut into overlapping windows of
    tickets in time order (neighbours in time are compared, far ones not)."""
    features = weights.features
    sub: dict[int, list[int]] = defaultdict(list)
    for row in block.tolist():
        columns = features.ids[features.indptr[row] : features.indptr[row + 1]]
        if len(columns) > 2:
            columns = columns[np.argpartition(-weights.idf[columns], 2)[:2]]
        for column in columns.tolist():
            sub[column].append(row)
    parts: list[IntArray] = []
    half = max_block // 2
    for rows in sub.values():
        part = np.asarray(rows, dtype=np.int64)
        if len(part) <= max_block:
            parts.append(part)
        else:
            parts += [part[at : at + max_block] for at in range(0, len(part) - half, half)]
    return [p for p in parts if len(p) >= 2]


def components(size: int, found: Iterable[tuple[IntArray, IntArray]]) -> list[IntArray]:
    """Connected components (of two or more rows, each in ascending order) of the link graph,
    merged batch by batch: a year's links are millions of pairs, never all held at once.

    A forest of parent pointers whose roots are each component's smallest row; a batch touches
    only the roots of its own rows (relabelling all rows per batch made a year quadratic: at a
    million tickets, hundreds of batches each walked half a million labels)."""
    parent = np.arange(size, dtype=np.int64)
    linked = False
    for left, right in found:
        if not len(left):
            continue
        linked = True
        ends = np.concatenate([left, right])
        roots = _roots(parent, ends)
        nodes, inverse = np.unique(roots, return_inverse=True)
        inverse = inverse.ravel()
        half = len(left)
        graph = sparse.coo_matrix(
            (np.ones(half, dtype=np.int8), (inverse[:half], inverse[half:])), shape=(len(nodes), len(nodes))
        ).tocsr()
        count, label = csgraph.connected_components(graph, directed=False)
        # nodes ascend, so a component's first node is its smallest root: the new root.
        first = np.full(count, len(nodes), dtype=np.int64)
        np.minimum.at(first, label, np.arange(len(nodes), dtype=np.int64))
        parent[nodes] = nodes[first[label]]
        parent[ends] = parent[roots]
    if not linked:
        return []
    labels = parent
    while True:  # every row's root: pointer doubling over the whole forest
        above = labels[labels]
        if (above == labels).all():
            break
        labels = above
    sizes = np.bincount(labels, minlength=size)
    order = np.argsort(labels, kind="stable")
    bounds = np.concatenate([[0], np.cumsum(sizes)])
    return [order[bounds[c] : bounds[c + 1]] for c in np.nonzero(sizes >= 2)[0].tolist()]


def _roots(parent: IntArray, rows: IntArray) -> IntArray:
    """The root of each of ``rows`` (pointer jumping, vectorised)."""
    found = parent[rows]
    while True:
        above = parent[found]
        if (above == found).all():
            return found
        found = above


def cohesive(group: IntArray, weights: Weights, threshold: float) -> IntArray:
    """The members of ``group`` at least ``threshold`` alike to its centre (refined twice)."""
    members = group
    for _ in range(2):
        if len(members) < 3:
            return members
        matrix = weights.rows(members)
        centre = np.asarray(matrix.sum(axis=0)).ravel()
        norm = float(np.linalg.norm(centre))
        if norm == 0:
            return members[:0]
        scores = matrix @ (centre / norm)
        kept = members[scores >= threshold]
        if len(kept) == len(members):
            return members
        members = kept
    return members
