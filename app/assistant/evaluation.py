"""Classification metrics and cross-validation for the category model."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from app.assistant.category import CategoryModel, DocFrequencies, TrainConfig, train
from app.assistant.text import normalize
from app.assistant.units import (
    UnitHistory,
    UnitRules,
    find_district,
    keyword_cues,
    suggest_units,
)


@dataclass(frozen=True)
class ClassScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class Report:
    per_class: tuple[ClassScore, ...]
    accuracy: float
    macro_f1: float

    def lines(self) -> list[str]:
        out = [f"{'class':<12}{'precision':>10}{'recall':>8}{'f1':>8}{'support':>9}"]
        for c in self.per_class:
            out.append(f"{c.label:<12}{c.precision:>10.3f}{c.recall:>8.3f}{c.f1:>8.3f}"
                       f"{c.support:>9d}")
        out.append(f"accuracy={self.accuracy:.3f} macro_f1={self.macro_f1:.3f}")
        return out


def score(y_true: Sequence[str], y_pred: Sequence[str]) -> Report:
    """Per-class precision/recall/F1 over the true labels; macro-F1 averages those classes."""
    if len(y_true) != len(y_pred) or not y_true:
        raise ValueError("need equally long, non-empty label lists")
    per: list[ClassScore] = []
    for lab in sorted(set(y_true)):
        tp = sum(t == lab and p == lab for t, p in zip(y_true, y_pred, strict=True))
        n_pred = sum(p == lab for p in y_pred)
        n_true = sum(t == lab for t in y_true)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_true
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per.append(ClassScore(lab, prec, rec, f1, n_true))
    acc = sum(t == p for t, p in zip(y_true, y_pred, strict=True)) / len(y_true)
    return Report(tuple(per), acc, float(np.mean([c.f1 for c in per])))


def stratified_folds(labels: Sequence[str], k: int, seed: int) -> list[list[int]]:
    """Deterministic stratified k-fold split: each class dealt round-robin after a shuffle."""
    rng = np.random.default_rng(seed)
    folds: list[list[int]] = [[] for _ in range(k)]
    offset = 0
    for lab in sorted(set(labels)):
        idx = [i for i, y in enumerate(labels) if y == lab]
        rng.shuffle(idx)
        for j, i in enumerate(idx):
            folds[(j + offset) % k].append(i)
        offset += len(idx)
    return folds


def cross_validate(
    pairs: Sequence[tuple[str, str]],
    unlabeled: Sequence[str],
    config: TrainConfig,
    *,
    prior: Mapping[str, Sequence[str]] | None = None,
    k: int = 5,
    seed: int = 0,
) -> Report:
    """k-fold CV; unlabeled texts equal to a test-fold text are left out of that fold (leakage)."""
    labels = [lab for _, lab in pairs]
    y_true: list[str] = []
    y_pred: list[str] = []
    norm_unl = [normalize(u) for u in unlabeled]
    cache: dict[str, list[str]] = {}
    for fold in stratified_folds(labels, k, seed):
        test = set(fold)
        test_keys = {normalize(pairs[i][0]) for i in fold}
        train_pairs = [p for i, p in enumerate(pairs) if i not in test]
        unl = [u for u in norm_unl if u not in test_keys]
        model = train(train_pairs, unlabeled=unl, prior=prior, config=config,
                      feature_cache=cache)
        for i in fold:
            y_true.append(labels[i])
            y_pred.append(model.predict_label(pairs[i][0]))
    return score(y_true, y_pred)


@dataclass(frozen=True)
class UnitAgreement:
    top1: float
    top3: float
    rules_only_top1: float
    rules_only_top3: float
    n_test: int
    n_with_label: int
    n_total: int


def unit_agreement(
    items: Sequence[tuple[str, str]],
    categorize: Callable[[str], str],
    rules: UnitRules,
    *,
    holdout: float = 0.2,
    seed: int = 0,
) -> UnitAgreement:
    """Agreement of suggested units with the agency named in each (text, reply) pair.

    History is fit on the other part; the named agency is only a weak label (replies written by
    a district office may name the bureau that passed the case on).
    """
    labeled: list[tuple[str, str, str, str]] = []
    for text, reply in items:
        unit = rules.agency_in(reply)
        if unit:
            labeled.append((text, unit, categorize(text), find_district(text)))
    order = np.random.default_rng(seed).permutation(len(labeled))
    n_test = round(holdout * len(labeled))
    test = [labeled[i] for i in order[:n_test]]
    history = UnitHistory()
    for i in order[n_test:]:
        text, unit, cat, district = labeled[i]
        history.add(category=cat, district=district, cues=keyword_cues(text, rules), unit=unit)
    hits = {"h1": 0, "h3": 0, "r1": 0, "r3": 0}
    for text, unit, cat, district in test:
        with_history = [s.unit for s in suggest_units(text, cat, district, rules, history)]
        rules_only = [s.unit for s in suggest_units(text, cat, district, rules)]
        hits["h1"] += with_history[:1] == [unit]
        hits["h3"] += unit in with_history
        hits["r1"] += rules_only[:1] == [unit]
        hits["r3"] += unit in rules_only
    n = max(1, len(test))
    return UnitAgreement(hits["h1"] / n, hits["h3"] / n, hits["r1"] / n, hits["r3"] / n,
                         len(test), len(labeled), len(items))


# -- honest estimates: every choice inside the training folds --------------------------------

@dataclass(frozen=True)
class NestedResult:
    report: Report
    chosen: tuple[TrainConfig, ...]  # the configuration each outer fold's inner CV picked


def _fold_model(pairs: Sequence[tuple[str, str]], unl: DocFrequencies, config: TrainConfig, *,
                prior: Mapping[str, Sequence[str]] | None, weak: Sequence[tuple[str, str]],
                cache: dict[str, list[str]]) -> CategoryModel:
    return train(pairs, prior=prior, config=config, feature_cache=cache, unlabeled_df=unl,
                 weak=weak)


def _inner_f1(pairs: Sequence[tuple[str, str]], unl: DocFrequencies, config: TrainConfig, *,
              prior: Mapping[str, Sequence[str]] | None, weak: Sequence[tuple[str, str]],
              cache: dict[str, list[str]], k: int, seed: int) -> float:
    labels = [lab for _, lab in pairs]
    y_true: list[str] = []
    y_pred: list[str] = []
    for fold in stratified_folds(labels, k, seed):
        test = set(fold)
        model = _fold_model([p for i, p in enumerate(pairs) if i not in test], unl, config,
                            prior=prior, weak=weak, cache=cache)
        y_true.extend(labels[i] for i in fold)
        y_pred.extend(model.predict_label(pairs[i][0]) for i in fold)
    return score(y_true, y_pred).macro_f1


def choose_config(pairs: Sequence[tuple[str, str]], unl: DocFrequencies,
                  grid: Sequence[TrainConfig], *, prior: Mapping[str, Sequence[str]] | None,
                  weak: Sequence[tuple[str, str]], cache: dict[str, list[str]] | None = None,
                  k: int = 3, seed: int = 0) -> TrainConfig:
    """The configuration with the best k-fold macro-F1 on ``pairs`` alone."""
    cache = {} if cache is None else cache
    scored = [(_inner_f1(pairs, unl, c, prior=prior, weak=weak, cache=cache, k=k, seed=seed), i)
              for i, c in enumerate(grid)]
    return grid[max(scored)[1]]


def nested_cv(pairs: Sequence[tuple[str, str]], unl: DocFrequencies, grid: Sequence[TrainConfig],
              *, prior: Mapping[str, Sequence[str]] | None, weak: Sequence[tuple[str, str]] = (),
              unl_texts: frozenset[str] = frozenset(), k_outer: int = 5, k_inner: int = 3,
              seed: int = 0) -> NestedResult:
    """Outer k-fold estimate of the whole procedure: each outer fold picks its configuration by
    an inner CV on its own training part. Unlabeled (and weakly labeled) texts equal to an outer
    test text are left out of that fold, as the tested text would not be known in advance."""
    config0 = grid[0]
    labels = [lab for _, lab in pairs]
    cache: dict[str, list[str]] = {}
    y_true: list[str] = []
    y_pred: list[str] = []
    chosen: list[TrainConfig] = []
    for fold in stratified_folds(labels, k_outer, seed):
        test = set(fold)
        keys = {normalize(pairs[i][0]) for i in fold}
        fold_unl = unl.without([t for t in keys if t in unl_texts], config0)
        fold_weak = [(t, lab) for t, lab in weak if normalize(t) not in keys]
        train_pairs = [p for i, p in enumerate(pairs) if i not in test]
        best = choose_config(train_pairs, fold_unl, grid, prior=prior, weak=fold_weak,
                             cache=cache, k=k_inner, seed=seed)
        chosen.append(best)
        model = _fold_model(train_pairs, fold_unl, best, prior=prior, weak=fold_weak, cache=cache)
        y_true.extend(labels[i] for i in fold)
        y_pred.extend(model.predict_label(pairs[i][0]) for i in fold)
    return NestedResult(score(y_true, y_pred), tuple(chosen))


def _stratified_cut(rows: Sequence[int], labels: Sequence[str], n: int, seed: int) -> list[int]:
    """``n`` of ``rows`` with the classes in their proportions: each class shuffled, then rows
    taken in order of their rank within their class relative to its size."""
    rng = np.random.default_rng(seed)
    ranked: list[tuple[float, int]] = []
    for lab in sorted({labels[i] for i in rows}):
        idx = [i for i in rows if labels[i] == lab]
        rng.shuffle(idx)
        ranked.extend(((k + 0.5) / len(idx), i) for k, i in enumerate(idx))
    return [i for _, i in sorted(ranked)[:n]]


def learning_curve(pairs: Sequence[tuple[str, str]], unl: DocFrequencies, config: TrainConfig,
                   sizes: Sequence[int], *, prior: Mapping[str, Sequence[str]] | None,
                   weak: Sequence[tuple[str, str]] = (), unl_texts: frozenset[str] = frozenset(),
                   k: int = 5, seed: int = 0) -> list[tuple[int, Report]]:
    """Macro-F1 when a seat has only ``n`` confirmed tickets: k-fold CV, each fold's training
    part cut to ``n`` rows (stratified, at most the whole part)."""
    labels = [lab for _, lab in pairs]
    cache: dict[str, list[str]] = {}
    out: list[tuple[int, Report]] = []
    folds = stratified_folds(labels, k, seed)
    for n in sizes:
        y_true: list[str] = []
        y_pred: list[str] = []
        for fold in folds:
            test = set(fold)
            keys = {normalize(pairs[i][0]) for i in fold}
            rest = [i for i in range(len(pairs)) if i not in test]
            train_pairs = [pairs[i] for i in _stratified_cut(rest, labels, n, seed)]
            model = _fold_model(
                train_pairs, unl.without([t for t in keys if t in unl_texts], config), config,
                prior=prior, weak=[(t, lab) for t, lab in weak if normalize(t) not in keys],
                cache=cache)
            y_true.extend(labels[i] for i in fold)
            y_pred.extend(model.predict_label(pairs[i][0]) for i in fold)
        out.append((n, score(y_true, y_pred)))
    return out
