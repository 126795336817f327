"""Classification metrics and cross-validation for the category model."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

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


def score(y_true: Sequence[str], y_pred: Sequence[str],
          weights: Sequence[float] | None = None) -> Report:
    """Per-class precision/recall/F1 over the true labels; macro-F1 averages those classes.

    ``weights`` count each row that much (rows reweighted to another class mix); support stays
    the number of rows.
    """
    if len(y_true) != len(y_pred) or not y_true:
        raise ValueError("need equally long, non-empty label lists")
    w = [1.0] * len(y_true) if weights is None else list(weights)
    if len(w) != len(y_true):
        raise ValueError("need one weight per row")
    rows = list(zip(y_true, y_pred, w, strict=True))
    per: list[ClassScore] = []
    for lab in sorted(set(y_true)):
        tp = sum(wt for t, p, wt in rows if t == lab and p == lab)
        n_pred = sum(wt for _, p, wt in rows if p == lab)
        n_true = sum(wt for t, _, wt in rows if t == lab)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_true if n_true else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per.append(ClassScore(lab, prec, rec, f1, sum(t == lab for t in y_true)))
    acc = sum(wt for t, p, wt in rows if t == p) / sum(w)
    return Report(tuple(per), acc, float(np.mean([c.f1 for c in per])))


def shift_weights(model: CategoryModel, labels: Sequence[str]) -> dict[str, float]:
    """Per class, its share among the texts served (the model's EM estimate, meta
    ``target_prior``) over its share of ``labels``: a row of class c then counts as the class
    mix of the served texts would count it. Without an estimate every row counts once."""
    target = model.meta.get("target_prior") or {}
    counts = Counter(labels)
    n = len(labels)
    return {lab: float(target[lab]) * n / k if lab in target else 1.0
            for lab, k in counts.items()}


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
    report: Report  # rows counted by the class mix of the served texts (when ``target`` given)
    chosen: tuple[TrainConfig, ...]  # the configuration each outer fold's inner CV picked
    plain: Report  # every row counted once (the labeled rows' own class mix)


Weights = Mapping[str, float]


def _fold_model(pairs: Sequence[tuple[str, str]], unl: DocFrequencies, config: TrainConfig, *,
                prior: Mapping[str, Sequence[str]] | None, weak: Sequence[tuple[str, str]],
                cache: dict[str, list[str]], target: Sequence[str] = ()) -> CategoryModel:
    return train(pairs, prior=prior, config=config, feature_cache=cache, unlabeled_df=unl,
                 weak=weak, target=target)


def _inner_f1(pairs: Sequence[tuple[str, str]], unl: DocFrequencies, config: TrainConfig, *,
              prior: Mapping[str, Sequence[str]] | None, weak: Sequence[tuple[str, str]],
              cache: dict[str, list[str]], k: int, seed: int, target: Sequence[str],
              weights: Weights | None) -> float:
    labels = [lab for _, lab in pairs]
    y_true: list[str] = []
    y_pred: list[str] = []
    for fold in stratified_folds(labels, k, seed):
        test = set(fold)
        model = _fold_model([p for i, p in enumerate(pairs) if i not in test], unl, config,
                            prior=prior, weak=weak, cache=cache, target=target)
        y_true.extend(labels[i] for i in fold)
        y_pred.extend(model.predict_label(pairs[i][0]) for i in fold)
    w = None if weights is None else [weights.get(t, 1.0) for t in y_true]
    return score(y_true, y_pred, w).macro_f1


def choose_config(pairs: Sequence[tuple[str, str]], unl: DocFrequencies,
                  grid: Sequence[TrainConfig], *, prior: Mapping[str, Sequence[str]] | None,
                  weak: Sequence[tuple[str, str]], cache: dict[str, list[str]] | None = None,
                  k: int = 3, seed: int = 0, target: Sequence[str] = (),
                  weights: Weights | None = None) -> TrainConfig:
    """The configuration with the best k-fold macro-F1 on ``pairs`` alone (rows counted by
    ``weights`` per class, when given)."""
    cache = {} if cache is None else cache
    scored = [(_inner_f1(pairs, unl, c, prior=prior, weak=weak, cache=cache, k=k, seed=seed,
                         target=target, weights=weights), i)
              for i, c in enumerate(grid)]
    return grid[max(scored)[1]]


def served_mix(pairs: Sequence[tuple[str, str]], unl: DocFrequencies, config: TrainConfig, *,
               prior: Mapping[str, Sequence[str]] | None, target: Sequence[str],
               cache: dict[str, list[str]] | None = None) -> dict[str, float]:
    """Row weights that make ``pairs`` count as the class mix of ``target`` (EM estimate of a
    model trained on ``pairs`` alone), or every row once when there is no target."""
    if not target:
        return {lab: 1.0 for _, lab in pairs}
    model = _fold_model(pairs, unl, replace(config, target_prior=True), prior=prior, weak=(),
                        cache={} if cache is None else cache, target=target)
    return shift_weights(model, [lab for _, lab in pairs])


def nested_cv(pairs: Sequence[tuple[str, str]], unl: DocFrequencies, grid: Sequence[TrainConfig],
              *, prior: Mapping[str, Sequence[str]] | None, weak: Sequence[tuple[str, str]] = (),
              unl_texts: frozenset[str] = frozenset(), target: Sequence[str] = (),
              k_outer: int = 5, k_inner: int = 3, seed: int = 0) -> NestedResult:
    """Outer k-fold estimate of the whole procedure: each outer fold picks its configuration by
    an inner CV on its own training part. Unlabeled (and weakly labeled) texts equal to an outer
    test text are left out of that fold, as the tested text would not be known in advance.

    With ``target`` (normalised texts of the population served), each outer fold estimates that
    population's class mix from its own training part and the target texts, and both its inner
    choice and its test rows count each class by that mix (label shift: the labels are near
    balanced, the messages served are not)."""
    config0 = grid[0]
    labels = [lab for _, lab in pairs]
    cache: dict[str, list[str]] = {}
    y_true: list[str] = []
    y_pred: list[str] = []
    weights: list[float] = []
    chosen: list[TrainConfig] = []
    for fold in stratified_folds(labels, k_outer, seed):
        test = set(fold)
        keys = {normalize(pairs[i][0]) for i in fold}
        fold_unl = unl.without([t for t in keys if t in unl_texts], config0)
        fold_weak = [(t, lab) for t, lab in weak if normalize(t) not in keys]
        fold_target = [t for t in target if t not in keys]
        train_pairs = [p for i, p in enumerate(pairs) if i not in test]
        mix = served_mix(train_pairs, fold_unl, config0, prior=prior, target=fold_target,
                         cache=cache)
        best = choose_config(train_pairs, fold_unl, grid, prior=prior, weak=fold_weak,
                             cache=cache, k=k_inner, seed=seed, target=fold_target,
                             weights=mix if target else None)
        chosen.append(best)
        model = _fold_model(train_pairs, fold_unl, best, prior=prior, weak=fold_weak, cache=cache,
                            target=fold_target)
        y_true.extend(labels[i] for i in fold)
        y_pred.extend(model.predict_label(pairs[i][0]) for i in fold)
        weights.extend(mix[labels[i]] for i in fold)
    return NestedResult(score(y_true, y_pred, weights), tuple(chosen), score(y_true, y_pred))


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
                   target: Sequence[str] = (), weights: Weights | None = None,
                   k: int = 5, seed: int = 0) -> list[tuple[int, Report]]:
    """Macro-F1 when a seat has only ``n`` confirmed tickets: k-fold CV, each fold's training
    part cut to ``n`` rows (stratified, at most the whole part); rows counted by ``weights``
    per class when given."""
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
                cache=cache, target=[t for t in target if t not in keys])
            y_true.extend(labels[i] for i in fold)
            y_pred.extend(model.predict_label(pairs[i][0]) for i in fold)
        w = None if weights is None else [weights.get(t, 1.0) for t in y_true]
        out.append((n, score(y_true, y_pred, w)))
    return out
