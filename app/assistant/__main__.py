"""Command line for training, evaluating and measuring the assistant.

    python -m app.assistant evaluate --train T.csv --test S.csv --text 留言主题,留言详情 --label 一级分类
    python -m app.assistant triage "楼下着火了"
    python -m app.assistant train --data T.csv --text ... --label ... --out model.npz
    python -m app.assistant predict --model model.npz "小区路灯坏了"
    python -m app.assistant cv | units | dups | triage-eval [--cases tests/core/assistant/triage_frozen.csv]
    python -m app.assistant nested          # every choice inside the training folds + learning curve
    python -m app.assistant categories-frozen  # the outsiders' frozen ids (texts in ../shared)
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import replace
from pathlib import Path

from app.assistant.category import (
    TARGET_SAMPLE,
    CategoryModel,
    DocFrequencies,
    TrainConfig,
    document_frequencies,
    spread_sample,
    train,
)
from app.assistant.dataset import SHARED_DATA, read_labeled, read_texts
from app.assistant.evaluation import (
    cross_validate,
    learning_curve,
    nested_cv,
    score,
    served_mix,
    unit_agreement,
)
from app.assistant.service import DEFAULT_CONFIG, load_prior
from app.assistant.text import join_fields, normalize
from app.assistant.triage import Triager
from app.assistant.triage_eval import evaluate_triage
from app.assistant.units import UnitRules, weak_labels

TEXT_COLS = "留言主题,留言详情"
CASES = Path(__file__).resolve().parents[2] / "tests" / "core" / "assistant" / "triage_cases.csv"


def _cols(value: str) -> list[str]:
    return [c.strip() for c in value.split(",") if c.strip()]


def _unlabeled(paths: Sequence[Path], cols: list[str]) -> list[str]:
    return [t for p in paths for t in read_texts(p, cols)]


def cmd_evaluate(a: argparse.Namespace) -> None:
    cols = _cols(a.text)
    train_pairs = read_labeled(a.train, cols, a.label)
    test_pairs = read_labeled(a.test, cols, a.label)
    model = train(train_pairs, unlabeled=_unlabeled(a.unlabeled, cols), prior=load_prior(),
                  config=DEFAULT_CONFIG, source=str(a.train))
    report = score([lab for _, lab in test_pairs], [model.predict_label(t) for t, _ in test_pairs])
    print("\n".join(report.lines()))


def cmd_train(a: argparse.Namespace) -> None:
    cols = _cols(a.text)
    model = train(read_labeled(a.data, cols, a.label), unlabeled=_unlabeled(a.unlabeled, cols),
                  prior=load_prior(), config=DEFAULT_CONFIG, source=str(a.data))
    model.save(a.out)
    meta = {k: model.meta[k] for k in ("n_labeled", "n_unlabeled", "label_counts")}
    print(json.dumps({"model": str(a.out), **meta}, ensure_ascii=False))


def cmd_predict(a: argparse.Namespace) -> None:
    model = CategoryModel.load(a.model)
    top = model.predict(a.text)
    for s in top:
        print(f"{s.label}\t{s.probability:.2f}\t{s.reason}")
    print(json.dumps([{"label": s.label, "probability": round(s.probability, 3),
                       "cues": list(s.cues)} for s in top], ensure_ascii=False))


def cmd_triage(a: argparse.Namespace) -> None:
    print(json.dumps(Triager.from_file().triage(a.text).as_json(), ensure_ascii=False))


def cmd_cv(a: argparse.Namespace) -> None:
    cols = _cols(TEXT_COLS)
    pairs = read_labeled(a.data, cols, "一级分类")
    unl = _unlabeled(a.unlabeled, cols)
    floor = TrainConfig(idf_on_unlabeled=False, min_df=1, c=1.0)
    steps = [
        ("char 1-2gram TF-IDF + LinearSVC, labeled only (floor)", floor),
        ("+ vocabulary/IDF fit on unlabeled text, C=10", TrainConfig(c=10.0)),
        ("+ keyword prior (taxonomy names + cue words)", TrainConfig(c=10.0, keyword_prior=True)),
        ("+ jieba word features (final)", DEFAULT_CONFIG),
        ("  alt: + self-training on unlabeled (not kept)", replace(DEFAULT_CONFIG,
                                                                   self_training=True)),
    ]
    print(f"5-fold stratified CV on {len(pairs)} labeled rows, {len(unl)} unlabeled texts")
    print(f"{'idea':<56}{'macro_f1':>9}{'accuracy':>9}{'secs':>6}")
    final = None
    for name, cfg in steps:
        t0 = time.perf_counter()
        r = cross_validate(pairs, unl, cfg, prior=load_prior(), k=5, seed=a.seed)
        print(f"{name:<56}{r.macro_f1:>9.3f}{r.accuracy:>9.3f}{time.perf_counter() - t0:>6.0f}",
              flush=True)
        if cfg == DEFAULT_CONFIG:
            final = r
    assert final is not None
    print("\n".join(final.lines()))


# The choices the nested CV makes inside its training folds (features and prior stay as measured
# by `cv`): C, class weights, and whether the class priors move to those the unlabeled texts
# show. Reply labels (weak_weight) were never picked by an earlier grid and are left out of it.
GRID = tuple(replace(DEFAULT_CONFIG, c=c, balanced=b, target_prior=t)
             for c in (1.0, 10.0) for b in (False, True) for t in (False, True))


def _target(keys: Sequence[str]) -> list[str]:
    """The unlabeled texts (each once) that stand for the messages a seat serves."""
    return spread_sample(list(dict.fromkeys(k for k in keys if k)), TARGET_SAMPLE)


def _corpus(unlabeled: Sequence[Path], replies: Path, *, leave_out: Collection[str] = frozenset(),
            ) -> tuple[DocFrequencies, frozenset[str], list[tuple[str, str]], list[str]]:
    """Unlabeled texts counted once, their keys, and reply-labeled texts; rows whose 留言编号
    is in ``leave_out`` (a frozen test set) are used for neither."""
    texts: list[str] = []
    for path in unlabeled:
        with path.open(encoding="utf-8-sig", newline="") as f:
            texts.extend(join_fields([r["留言主题"], r["留言详情"]]) for r in csv.DictReader(f)
                         if r["留言编号"].strip() not in leave_out)
    with replies.open(encoding="utf-8-sig", newline="") as f:
        items = [(join_fields([r["留言主题"], r["留言详情"]]), r["答复意见"])
                 for r in csv.DictReader(f) if r["留言编号"].strip() not in leave_out]
    labels = list(load_prior())
    weak = weak_labels(items, UnitRules.from_files(), labels)
    keys = [normalize(t) for t in texts if t]
    return document_frequencies(keys, DEFAULT_CONFIG), frozenset(keys), weak, keys


def _describe(c: TrainConfig) -> str:
    return (f"C={c.c:g} balanced={c.balanced} weak={c.weak_weight:g} "
            f"target_prior={c.target_prior}")


def cmd_nested(a: argparse.Namespace) -> None:
    pairs = read_labeled(a.data, _cols(TEXT_COLS), "一级分类")
    unl, keys, weak, texts = _corpus(a.unlabeled, a.replies)
    target = _target(texts)
    prior = load_prior()
    print(f"nested CV: outer 5 folds, inner 3 folds over {len(GRID)} configurations; "
          f"{len(pairs)} labeled, {unl.n} unlabeled ({len(target)} of them for the class mix), "
          f"{len(weak)} reply-labeled", flush=True)
    t0 = time.perf_counter()
    r = nested_cv(pairs, unl, GRID, prior=prior, weak=weak, unl_texts=keys, target=target,
                  seed=a.seed)
    print("rows counted by the class mix each fold estimates for the unlabeled texts:")
    print("\n".join(r.report.lines()))
    print(f"every row once (the labels' own mix): accuracy={r.plain.accuracy:.3f} "
          f"macro_f1={r.plain.macro_f1:.3f}")
    print("chosen per outer fold: " + "; ".join(_describe(c) for c in r.chosen))
    print(f"nested macro_f1={r.report.macro_f1:.3f} plain_macro_f1={r.plain.macro_f1:.3f} "
          f"({time.perf_counter() - t0:.0f} s)", flush=True)
    if a.curve:
        final = Counter(r.chosen).most_common(1)[0][0]
        mix = served_mix(pairs, unl, final, prior=prior, target=target)
        print(f"learning curve (5-fold CV, training part cut to n; {_describe(final)}; rows "
              f"counted by the class mix of all 450: "
              + ", ".join(f"{k} {v:.2f}" for k, v in sorted(mix.items())) + "):")
        for n, rep_n in learning_curve(pairs, unl, final, a.curve, prior=prior, weak=weak,
                                       unl_texts=keys, target=target, weights=mix, seed=a.seed):
            print(f"  n={n:<4} macro_f1={rep_n.macro_f1:.3f} accuracy={rep_n.accuracy:.3f}",
                  flush=True)


def cmd_categories_frozen(a: argparse.Namespace) -> None:
    """Train as the app does on the 450 labels, measure on the outsiders' frozen ids."""
    with a.ids.open(encoding="utf-8", newline="") as f:
        frozen = list(csv.DictReader(f))
    wanted = {(r["file"], r["留言编号"].strip()) for r in frozen}
    texts: dict[tuple[str, str], str] = {}
    for name in {r["file"] for r in frozen}:
        with (a.shared / name).open(encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                key = (name, row["留言编号"].strip())
                if key in wanted:
                    texts[key] = join_fields([row["留言主题"], row["留言详情"]])
    leave_out = {i for _, i in wanted}
    pairs = read_labeled(a.data, _cols(TEXT_COLS), "一级分类")
    unl, _, weak, unl_texts = _corpus(a.unlabeled, a.replies, leave_out=leave_out)
    model = train(pairs, prior=load_prior(), config=DEFAULT_CONFIG, unlabeled_df=unl, weak=weak,
                  target=_target(unl_texts))
    labels = set(model.labels)
    print(f"trained on {len(pairs)} labeled + {model.meta['n_weak']} reply-labeled, "
          f"{unl.n} unlabeled (frozen rows left out); {_describe(DEFAULT_CONFIG)}")
    for name, rows in (("7 classes, all", [r for r in frozen if r["一级分类"] in labels]),
                       ("7 classes, confidence=high",
                        [r for r in frozen if r["一级分类"] in labels and r["confidence"] == "high"])):
        truth = [r["一级分类"] for r in rows]
        top = [model.predict(texts[(r["file"], r["留言编号"].strip())], k=3, n_cues=0)
               for r in rows]
        report = score(truth, [t[0].label for t in top])
        top3 = sum(r in {s.label for s in t} for r, t in zip(truth, top, strict=True)) / len(rows)
        print(f"{name}: {len(rows)} rows")
        print("\n".join(report.lines()))
        print(f"top3_accuracy={top3:.3f}")
    other = [r for r in frozen if r["一级分类"] not in labels]
    if other:
        preds = [model.predict(texts[(r["file"], r["留言编号"].strip())], k=1, n_cues=0)[0]
                 for r in other]
        print(f"其他 and other branches ({len(other)} rows, no class of their own): predicted as "
              f"{dict(Counter(p.label for p in preds).most_common())}; mean top probability "
              f"{sum(p.probability for p in preds) / len(preds):.2f}")


def cmd_units(a: argparse.Namespace) -> None:
    with a.replies.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    items = [(join_fields([r["留言主题"], r["留言详情"]]), r["答复意见"]) for r in rows]
    cols = _cols(TEXT_COLS)
    model = train(read_labeled(a.labeled, cols, "一级分类"), prior=load_prior(),
                  config=TrainConfig(c=10.0, keyword_prior=True))
    r = unit_agreement(items, model.predict_label, UnitRules.from_files(), seed=a.seed)
    print(f"replies {r.n_total}, with a named agency {r.n_with_label}, held out {r.n_test}")
    print(f"rules only: top1={r.rules_only_top1:.3f} top3={r.rules_only_top3:.3f}")
    print(f"rules + history: top1={r.top1:.3f} top3={r.top3:.3f}")


def cmd_dups(a: argparse.Namespace) -> None:
    from datetime import datetime

    from app.assistant.models import PastTicket
    from app.assistant.similar import DUPLICATE_AT, SimilarIndex

    with a.data.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    index = SimilarIndex()
    t0 = time.perf_counter()
    index.add_all(PastTicket(id=r["留言编号"], title=r["留言主题"], description=r["留言详情"],
                             created_at=datetime(2019, 1, 1)) for r in rows)
    build = time.perf_counter() - t0
    groups: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        groups[normalize(r["留言详情"])].add(r["留言编号"])
    found = n_dup = flagged = 0
    true_near = Counter[str]()
    for r in rows:
        hits = index.similar_text(r["留言主题"] + r["留言详情"], threshold=DUPLICATE_AT,
                                  exclude=r["留言编号"])
        group = groups[normalize(r["留言详情"])]
        if len(group) > 1:
            n_dup += 1
            found += any(t.id in group for t, _ in hits)
        elif hits:
            flagged += 1
            # Was the flag a real near-duplicate (a re-post with edits) or an LSH/MinHash error?
            exact = _jaccard(r["留言主题"] + r["留言详情"], hits[0][0].text)
            true_near["near-duplicate (true Jaccard >= 0.5)" if exact >= 0.5 else "false"] += 1
    n_unique = len(rows) - n_dup
    print(f"indexed {len(rows)} in {build:.1f}s; rows sharing their text with another: {n_dup}")
    print(f"duplicate recall: {found}/{n_dup} = {found / max(1, n_dup):.3f}")
    print(f"unique-text rows flagged as duplicate: {flagged}/{n_unique}; of these {dict(true_near)}")
    print(f"recall={found / max(1, n_dup):.3f} false_match_rate="
          f"{true_near['false'] / max(1, n_unique):.4f}")


def _jaccard(a: str, b: str) -> float:
    from app.assistant.similar import SHINGLE

    def grams(s: str) -> set[str]:
        t = normalize(s)[:600]
        return {t[i : i + SHINGLE] for i in range(max(1, len(t) - SHINGLE + 1))}

    ga, gb = grams(a), grams(b)
    return len(ga & gb) / max(1, len(ga | gb))


def cmd_triage_eval(a: argparse.Namespace) -> None:
    triager = Triager.from_file()
    with a.cases.open(encoding="utf-8", newline="") as f:
        # '#' lines say who wrote a set and whether it is tuned on.
        cases = list(csv.DictReader(line for line in f if not line.startswith("#")))
    if "group" in cases[0]:
        report = evaluate_triage(triager, cases)
        print("\n".join(report.lines(show_texts=a.show_misses)))
        return
    for column in ("emergency", "hotline"):
        labels = sorted({c[column] for c in cases if c[column]})
        preds = [getattr(triager.triage(c["text"]), column) or "" for c in cases]
        print(f"{column}: {len(cases)} cases")
        for lab in labels:
            tp = sum(p == lab and c[column] == lab for p, c in zip(preds, cases, strict=True))
            n_pred = sum(p == lab for p in preds)
            n_true = sum(c[column] == lab for c in cases)
            print(f"  {lab}: precision={tp / max(1, n_pred):.3f} recall={tp / n_true:.3f} "
                  f"(n={n_true})")
        any_tp = sum(bool(p) and bool(c[column]) for p, c in zip(preds, cases, strict=True))
        print(f"  any {column}: precision={any_tp / max(1, sum(map(bool, preds))):.3f} "
              f"recall={any_tp / max(1, sum(bool(c[column]) for c in cases)):.3f}")
    if a.scan:
        texts = _unlabeled(a.scan, _cols(TEXT_COLS))
        results = [(t, triager.triage(t)) for t in texts]
        flagged = [(t, r) for t, r in results if r.emergency]
        print(f"scan: {len(flagged)}/{len(texts)} flagged as emergency "
              f"({len(flagged) / max(1, len(texts)):.2%}); by service "
              f"{dict(Counter(r.emergency for _, r in flagged))}")
        for t, r in flagged[: a.show]:
            print(f"  [{r.emergency}] {r.reason} | {t[:60]}")
        print(f"hotlines: {dict(Counter(r.hotline for _, r in results if r.hotline))}")


def main(argv: Sequence[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m app.assistant")
    sub = p.add_subparsers(dest="cmd", required=True)
    ev = sub.add_parser("evaluate", help="train on TRAIN, report on TEST")
    ev.add_argument("--train", type=Path, required=True)
    ev.add_argument("--test", type=Path, required=True)
    ev.add_argument("--text", default=TEXT_COLS)
    ev.add_argument("--label", default="一级分类")
    ev.add_argument("--unlabeled", type=Path, nargs="*", default=[])
    ev.set_defaults(func=cmd_evaluate)
    tr = sub.add_parser("train", help="train and write a model file (.npz)")
    tr.add_argument("--data", type=Path, required=True)
    tr.add_argument("--text", default=TEXT_COLS)
    tr.add_argument("--label", default="一级分类")
    tr.add_argument("--unlabeled", type=Path, nargs="*", default=[])
    tr.add_argument("--out", type=Path, required=True)
    tr.set_defaults(func=cmd_train)
    pr = sub.add_parser("predict", help="top-3 categories from a model file")
    pr.add_argument("--model", type=Path, required=True)
    pr.add_argument("text")
    pr.set_defaults(func=cmd_predict)
    tg = sub.add_parser("triage", help="emergency and department line for a text")
    tg.add_argument("text")
    tg.set_defaults(func=cmd_triage)
    cv = sub.add_parser("cv", help="5-fold CV on the labeled demo data with the ablation table")
    cv.add_argument("--data", type=Path, default=SHARED_DATA / "messages_labeled.csv")
    cv.add_argument("--unlabeled", type=Path, nargs="*", default=[
        SHARED_DATA / "messages_unlabeled.csv", SHARED_DATA / "messages_with_replies.csv"])
    cv.add_argument("--seed", type=int, default=0)
    cv.set_defaults(func=cmd_cv)
    un = sub.add_parser("units", help="unit suggestion vs the agency named in replies")
    un.add_argument("--replies", type=Path, default=SHARED_DATA / "messages_with_replies.csv")
    un.add_argument("--labeled", type=Path, default=SHARED_DATA / "messages_labeled.csv")
    un.add_argument("--seed", type=int, default=0)
    un.set_defaults(func=cmd_units)
    du = sub.add_parser("dups", help="duplicate recall / false matches on repeated messages")
    du.add_argument("--data", type=Path, default=SHARED_DATA / "messages_unlabeled.csv")
    du.set_defaults(func=cmd_dups)
    ne = sub.add_parser("nested", help="nested CV (every choice inside the training folds) "
                        "and the learning curve")
    ne.add_argument("--data", type=Path, default=SHARED_DATA / "messages_labeled.csv")
    ne.add_argument("--unlabeled", type=Path, nargs="*", default=[
        SHARED_DATA / "messages_unlabeled.csv", SHARED_DATA / "messages_with_replies.csv"])
    ne.add_argument("--replies", type=Path, default=SHARED_DATA / "messages_with_replies.csv")
    ne.add_argument("--curve", type=int, nargs="*", default=[100, 200, 300, 450])
    ne.add_argument("--seed", type=int, default=0)
    ne.set_defaults(func=cmd_nested)
    cf = sub.add_parser("categories-frozen", help="the app's model on the frozen unseen ids")
    cf.add_argument("--ids", type=Path, default=CASES.with_name("categories_frozen.csv"))
    cf.add_argument("--shared", type=Path, default=SHARED_DATA)
    cf.add_argument("--data", type=Path, default=SHARED_DATA / "messages_labeled.csv")
    cf.add_argument("--unlabeled", type=Path, nargs="*", default=[
        SHARED_DATA / "messages_unlabeled.csv", SHARED_DATA / "messages_with_replies.csv"])
    cf.add_argument("--replies", type=Path, default=SHARED_DATA / "messages_with_replies.csv")
    cf.set_defaults(func=cmd_categories_frozen)
    te = sub.add_parser("triage-eval", help="precision/recall on the curated cases")
    te.add_argument("--cases", type=Path, default=CASES)
    te.add_argument("--scan", type=Path, nargs="*", default=[])
    te.add_argument("--show", type=int, default=20)
    te.add_argument("--show-misses", action="store_true",
                    help="print the texts of missed rows (never for the frozen set)")
    te.set_defaults(func=cmd_triage_eval)
    args = p.parse_args(argv)
    args.func(args)


if __name__ == "__main__":
    main()
