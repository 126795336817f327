"""Category (一级分类) model: TF-IDF features + a linear classifier, stored without pickle.

Training uses scikit-learn; the learned arrays (vocabulary, idf, weights) are written to an
``.npz`` file that is read back with ``allow_pickle=False`` and applied with numpy alone, so a
model file can never run code and the app does not import scikit-learn to predict.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from app.assistant.text import MAX_CHARS, char_ngrams, normalize, whole_words, words
from app.messages import Text
from app.paths import make_private

FORMAT = "hotline-desk/category-model"
FORMAT_VERSION = 1

FloatArray = npt.NDArray[np.float32]
# A word with this many digits in a row is a phone, ID or plate number: it says nothing of the
# category, and the model file (a cache beside the encrypted store) must not keep callers' numbers.
_NUMBER = re.compile(r"\d{5,}")


@dataclass(frozen=True)
class TrainConfig:
    """What goes into a model; each switch is one idea measured by ``cv``."""

    ngram_max: int = 2
    use_words: bool = False
    # Fit the vocabulary and IDF on unlabeled text too, not only on the labeled rows.
    idf_on_unlabeled: bool = True
    # Add the category names (taxonomy + hand-written cues) as small pseudo-documents.
    keyword_prior: bool = False
    prior_weight: float = 0.5
    # Self-training: add confidently predicted unlabeled texts as weighted pseudo-labels.
    self_training: bool = False
    pseudo_threshold: float = 0.5
    pseudo_ratio: float = 3.0
    pseudo_weight: float = 0.5
    c: float = 0.5
    min_df: int = 2
    # Weight each class by the inverse of its size so the biggest (城乡建设) does not swallow
    # its neighbours.
    balanced: bool = False
    # Weight of texts labeled by the agency their official reply names (0: not used).
    weak_weight: float = 0.0
    # Shift the class priors to those of the texts the model will serve, estimated from the
    # unlabeled texts (estimate_prior): the 450 demo labels are near balanced, the messages a
    # seat meets are about half 城乡建设 by the model's own count.
    target_prior: bool = False

    def describe(self) -> dict[str, Any]:
        return asdict(self)


# Why a category is suggested (app.messages).
KEYWORDS = Text("assistant.keywords", "诉求里说到{cues}，这类说法在已确认的{category}工单中最常见。")
TEXT_FEATURES = Text("assistant.text_features", "没有一个词特别突出，按整段诉求的用词，与已确认的{category}工单最接近。")


@dataclass(frozen=True)
class CategoryScore:
    label: str
    probability: float
    cues: tuple[str, ...] = field(default=())
    # Set when the suggestion does not come from the model (an emergency's own category):
    # the levels below ``label`` and the sentence the agent reads.
    path: tuple[str, ...] = field(default=())
    why: str = ""

    @property
    def reason(self) -> str:
        """Why this category, as a sentence an agent reads between two calls (a message, said in
        the agent's language; an emergency's own sentence comes from the taxonomy as it is)."""
        if self.why:
            return self.why
        if self.cues:
            return KEYWORDS(cues="".join(f"“{c}”" for c in self.cues), category=self.label)
        return TEXT_FEATURES(category=self.label)


def extract(text: str, *, ngram_max: int, use_words: bool) -> list[str]:
    """Feature strings of one already-normalised text."""
    head = text[:MAX_CHARS]
    feats = char_ngrams(head, ngram_max)
    if use_words:
        feats.extend("w:" + w for w in words(head) if not _NUMBER.search(w))
    return feats


class CategoryModel:
    """A trained, immutable linear model over sublinear TF-IDF features."""

    def __init__(
        self,
        *,
        labels: Sequence[str],
        vocabulary: Sequence[str],
        idf: FloatArray,
        coef: FloatArray,
        intercept: FloatArray,
        meta: Mapping[str, Any],
    ) -> None:
        if coef.shape != (len(labels), len(vocabulary)) or idf.shape != (len(vocabulary),):
            raise ValueError("model arrays do not match the vocabulary and labels")
        if intercept.shape != (len(labels),):
            raise ValueError("intercept does not match the labels")
        self.labels = tuple(labels)
        self.vocabulary = tuple(vocabulary)
        self._index = {t: i for i, t in enumerate(self.vocabulary)}
        self.idf = idf
        self.coef = coef
        self.intercept = intercept
        self.meta: dict[str, Any] = dict(meta)
        cfg = self.meta.get("config", {})
        self._ngram_max = int(cfg.get("ngram_max", 2))
        self._use_words = bool(cfg.get("use_words", False))

    # -- prediction -------------------------------------------------------------------------
    def _vector(self, text: str) -> tuple[npt.NDArray[np.intp], FloatArray]:
        feats = extract(normalize(text), ngram_max=self._ngram_max, use_words=self._use_words)
        counts = Counter(i for f in feats if (i := self._index.get(f)) is not None)
        idx = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        vals: FloatArray = ((1.0 + np.log(tf)) * self.idf[idx]).astype(np.float32)
        norm = np.float32(np.linalg.norm(vals))
        return idx, vals / norm if norm else vals

    def predict(self, text: str, k: int = 3, n_cues: int = 3) -> list[CategoryScore]:
        """Top-k labels with softmax probabilities and the features that weighed most."""
        idx, vals = self._vector(text)
        scores = self.coef[:, idx] @ vals + self.intercept
        # Cues an agent can read: whole words of the text, never a fragment across a comma
        # ("，有") or inside a word ("音扰" of 噪音扰民).
        whole = whole_words(normalize(text)[:MAX_CHARS]) if n_cues else set()
        probs = np.exp(scores - scores.max())
        probs /= probs.sum()
        out: list[CategoryScore] = []
        for c in np.argsort(-probs)[:k]:
            contrib = self.coef[c, idx] * vals
            cues: list[str] = []
            for j in np.argsort(-contrib):
                if contrib[j] <= 0 or len(cues) == n_cues:
                    break
                term = self.vocabulary[idx[j]].removeprefix("w:")
                # Single characters and fragments of an already chosen cue explain nothing.
                if term in whole and not any(
                        term in c2 or c2 in term for c2 in cues):
                    cues.append(term)
            out.append(CategoryScore(self.labels[c], float(probs[c]), tuple(cues)))
        return out

    def predict_label(self, text: str) -> str:
        return self.predict(text, k=1, n_cues=0)[0].label

    # -- persistence ------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        """Write the model as a compressed ``.npz`` of plain arrays (no Python objects)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp.npz")
        np.savez_compressed(
            tmp,
            meta=np.array(json.dumps({**self.meta, "format": FORMAT,
                                      "format_version": FORMAT_VERSION}, ensure_ascii=False)),
            labels=np.array(self.labels, dtype=str),
            vocabulary=np.array(self.vocabulary, dtype=str),
            idf=self.idf,
            coef=self.coef,
            intercept=self.intercept,
        )
        # Learned from ticket texts: readable by its owner only (POSIX), like the store beside it.
        make_private(tmp)
        # Replace atomically so a background retrain never leaves a half-written model.
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> CategoryModel:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            if meta.get("format") != FORMAT:
                raise ValueError(f"{path} is not a category model")
            if meta.get("format_version") != FORMAT_VERSION:
                raise ValueError(f"unsupported model version {meta.get('format_version')}")
            return cls(
                labels=[str(x) for x in data["labels"]],
                vocabulary=[str(x) for x in data["vocabulary"]],
                idf=data["idf"].astype(np.float32),
                coef=data["coef"].astype(np.float32),
                intercept=data["intercept"].astype(np.float32),
                meta=meta,
            )


# -- training -------------------------------------------------------------------------------
def train(
    pairs: Iterable[tuple[str, str]],
    *,
    unlabeled: Sequence[str] = (),
    prior: Mapping[str, Sequence[str]] | None = None,
    config: TrainConfig = TrainConfig(),
    source: str = "",
    feature_cache: dict[str, list[str]] | None = None,
    unlabeled_df: DocFrequencies | None = None,
    weak: Sequence[tuple[str, str]] = (),
    target: Sequence[str] = (),
) -> CategoryModel:
    """Train from (text, label) pairs, optional unlabeled texts and a keyword prior.

    With no pairs at all (a fresh install), the prior alone gives a usable keyword model.
    ``feature_cache`` lets cross-validation extract each text's features once across folds.
    ``unlabeled_df`` (from :func:`document_frequencies`) stands for ``unlabeled`` already counted.
    ``weak`` are (text, label) pairs labeled by the agency their reply names, weighted by
    ``config.weak_weight`` (only for labels the labeled pairs use).
    ``target`` are texts of the population the model will serve, for ``config.target_prior``
    (default: the unlabeled texts); at most :data:`TARGET_SAMPLE` of them are used.
    """
    from scipy import sparse

    labeled = [(normalize(t), lab) for t, lab in pairs if t.strip() and lab.strip()]
    texts = [t for t, _ in labeled]
    y = [lab for _, lab in labeled]
    weights = [1.0] * len(y)
    if prior is not None and (config.keyword_prior or not labeled):
        known = set(y)
        for lab, cues in prior.items():
            if labeled and lab not in known:
                continue  # never invent a class the labeled history does not use
            for cue in cues:
                texts.append(normalize(cue))
                y.append(lab)
                weights.append(config.prior_weight)
    if len(set(y)) < 2:
        raise ValueError("need at least two categories to train")
    n_weak = 0
    if config.weak_weight > 0:
        known = set(y[: len(labeled)]) or set(y)
        for t, lab in weak:
            if lab in known and t.strip():
                texts.append(normalize(t))
                y.append(lab)
                weights.append(config.weak_weight)
                n_weak += 1
    unl = [normalize(t) for t in unlabeled if t.strip()]
    cache: dict[str, list[str]] = {} if feature_cache is None else feature_cache

    def analyzer(doc: str) -> list[str]:
        feats = cache.get(doc)
        if feats is None:
            feats = cache[doc] = [sys.intern(f) for f in extract(
                doc, ngram_max=config.ngram_max, use_words=config.use_words)]
        return feats

    # Document frequencies counted as the texts stream by: the unlabeled texts' features are
    # never all held at once (that was most of training's 465-546 MB).
    df: Counter[str] = Counter()
    n_docs = len(texts)
    for doc in texts:
        df.update(set(analyzer(doc)))
    if config.idf_on_unlabeled:
        counted = unlabeled_df or document_frequencies(unl, config)
        df.update(counted.df)
        n_docs += counted.n
    min_df = config.min_df if n_docs > 200 else 1
    vocab = sorted(t for t, n in df.items() if n >= min_df)
    index = {t: i for i, t in enumerate(vocab)}
    idf = (np.log((1.0 + n_docs) / (1.0 + np.array([df[t] for t in vocab], dtype=np.float64)))
           + 1.0).astype(np.float32)
    del df

    def transform(docs: Sequence[str]) -> Any:
        return _tfidf_rows([analyzer(d) for d in docs], index, idf)

    x = transform(texts)
    w = np.asarray(weights, dtype=np.float64)
    if config.balanced:
        # Each class weighs as much in total as any other (its labeled rows and pseudo-docs).
        per_class = Counter[str]()
        for lab, wt in zip(y, w, strict=True):
            per_class[lab] += wt
        mean = sum(per_class.values()) / len(per_class)
        w = w * np.array([mean / per_class[lab] for lab in y])
    clf = _fit(x, y, w, config.c)
    temperature, held_out = _fit_temperature(x, y, w, len(labeled), config.c)

    n_pseudo = 0
    if config.self_training and unl:
        xu = _tfidf_rows([extract(u, ngram_max=config.ngram_max, use_words=config.use_words)
                          for u in unl], index, idf)
        proba = _softmax(clf.decision_function(xu) * temperature)
        best = proba.argmax(axis=1)
        conf = proba.max(axis=1)
        counts = Counter(y[: len(labeled)] or y)
        chosen: list[int] = []
        for ci, lab in enumerate(clf.classes_):
            cand = np.flatnonzero((best == ci) & (conf >= config.pseudo_threshold))
            cand = cand[np.argsort(-conf[cand])]
            # Cap per class relative to its labeled size so big classes do not swamp the rest.
            chosen.extend(cand[: int(config.pseudo_ratio * counts[lab])].tolist())
        if chosen:
            n_pseudo = len(chosen)
            x = sparse.vstack([x, xu[chosen]]).tocsr()
            y = y + [str(clf.classes_[best[i]]) for i in chosen]
            w = np.concatenate([w, np.full(len(chosen), config.pseudo_weight)])
            clf = _fit(x, y, w, config.c)

    source_prior = _class_shares(clf.classes_, y, w)
    prior_shift = np.zeros(len(clf.classes_))
    target_prior: dict[str, float] = {}
    if config.target_prior and held_out is not None:
        pool = spread_sample([normalize(t) for t in target if t.strip()] or unl, TARGET_SAMPLE)
        if len(pool) >= TARGET_MIN:
            # In slices, and cached only when the caller keeps a cache across trainings (CV):
            # 2,000 texts' rows at once took training's peak RSS from 315 to 396 MB.
            def margins(docs: Sequence[str]) -> Any:
                feats = [analyzer(d) if feature_cache is not None else extract(
                    d, ngram_max=config.ngram_max, use_words=config.use_words) for d in docs]
                return clf.decision_function(_tfidf_rows(feats, index, idf))

            predicted = np.concatenate([np.asarray(margins(pool[i : i + 200]))
                                        for i in range(0, len(pool), 200)])
            if predicted.ndim == 1:  # two classes: one signed margin
                predicted = np.column_stack([-predicted, predicted])
            estimate = estimate_prior(held_out, predicted.argmax(axis=1), len(clf.classes_))
            prior_shift = np.log(estimate / source_prior)
            target_prior = {str(c): round(float(p), 4)
                            for c, p in zip(clf.classes_, estimate, strict=True)}

    import sklearn

    meta = {
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "source": source,
        "n_labeled": len(labeled),
        "n_unlabeled": len(unl) or (unlabeled_df.n if unlabeled_df else 0),
        "n_weak": n_weak,
        "n_pseudo": n_pseudo,
        "label_counts": dict(Counter(lab for _, lab in labeled)),
        "temperature": temperature,
        "target_prior": target_prior,
        "config": config.describe(),
        "trainer": f"scikit-learn {sklearn.__version__} LinearSVC",
    }
    classes = [str(c) for c in clf.classes_]
    coef = np.asarray(clf.coef_, dtype=np.float32)
    intercept = np.asarray(clf.intercept_, dtype=np.float32)
    if len(classes) == 2:  # sklearn keeps one row for binary problems; make it two-sided
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2], dtype=np.float32)
    # Fold the temperature (and the prior shift) into the weights: prediction is a plain softmax.
    return CategoryModel(
        labels=classes,
        vocabulary=vocab,
        idf=idf,
        coef=coef * np.float32(temperature),
        intercept=(intercept * temperature + prior_shift).astype(np.float32),
        meta=meta,
    )


# Texts scored to estimate the served population's class priors: enough for seven shares, and
# a bounded cost (features and one decision per text) however large the seat's store is; with
# fewer than TARGET_MIN the shares would be noise, and the priors stay as trained.
TARGET_SAMPLE = 2000
TARGET_MIN = 100


def spread_sample(items: Sequence[str], n: int) -> list[str]:
    """At most ``n`` of ``items``, evenly spread (deterministic, no clustering in time)."""
    if len(items) <= n:
        return list(items)
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def _class_shares(classes: Sequence[Any], y: Sequence[str],
                  w: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Each class's share of the training weight: the prior the fitted margins carry."""
    total: dict[str, float] = {}
    for lab, wt in zip(y, w, strict=True):
        total[lab] = total.get(lab, 0.0) + float(wt)
    shares = np.array([total.get(str(c), 0.0) for c in classes], dtype=np.float64)
    out: npt.NDArray[np.float64] = shares / shares.sum()
    return out


def estimate_prior(confusion: npt.NDArray[np.float64], predicted: npt.NDArray[np.intp],
                   n_classes: int) -> npt.NDArray[np.float64]:
    """Class shares of unlabeled texts from how often each class is predicted, corrected by the
    held-out confusion matrix (black-box shift estimation, Lipton et al. 2018): predicted shares
    = confusion @ true shares. On the 450 labels resampled to known mixes it came within 0.02
    of each share where EM on the probabilities drifted to the biggest class."""
    counted = np.bincount(predicted, minlength=n_classes) / max(1, len(predicted))
    # Least squares: a class never predicted held out leaves the matrix singular.
    shares = np.linalg.lstsq(confusion, counted, rcond=None)[0]
    # A class the texts hardly show keeps a sliver, so one odd sample cannot silence it.
    shares = np.maximum(shares, 0.01)
    out: npt.NDArray[np.float64] = shares / shares.sum()
    return out


@dataclass(frozen=True)
class DocFrequencies:
    """In how many unlabeled texts each feature occurs, and how many texts were counted."""

    df: Counter[str]
    n: int

    def without(self, docs: Iterable[str], config: TrainConfig) -> DocFrequencies:
        """The counts with ``docs`` (normalised unlabeled texts) taken out again."""
        df = Counter(self.df)
        n = self.n
        for d in docs:
            df.subtract(set(extract(d, ngram_max=config.ngram_max, use_words=config.use_words)))
            n -= 1
        return DocFrequencies(+df, n)


def document_frequencies(texts: Iterable[str], config: TrainConfig) -> DocFrequencies:
    """Count, text by text, the documents each feature occurs in (texts already normalised)."""
    df: Counter[str] = Counter()
    n = 0
    for t in texts:
        df.update(set(extract(t, ngram_max=config.ngram_max, use_words=config.use_words)))
        n += 1
    return DocFrequencies(df, n)


def _tfidf_rows(docs: Sequence[Sequence[str]], index: Mapping[str, int], idf: FloatArray) -> Any:
    """Sublinear TF-IDF rows, L2-normalised (what the model computes for one text at a time)."""
    from scipy import sparse

    indptr = [0]
    cols: list[int] = []
    vals: list[float] = []
    for feats in docs:
        counts = Counter(index[f] for f in feats if f in index)
        row = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        v = (1.0 + np.log(tf)) * idf[row]
        norm = float(np.linalg.norm(v))
        cols.extend(row.tolist())
        vals.extend((v / norm if norm else v).tolist())
        indptr.append(len(cols))
    return sparse.csr_matrix((np.asarray(vals, dtype=np.float32), np.asarray(cols, dtype=np.intp),
                              np.asarray(indptr, dtype=np.intp)), shape=(len(docs), len(idf)))


def _fit(x: Any, y: Sequence[str], w: npt.NDArray[np.float64], c: float) -> Any:
    from sklearn.svm import LinearSVC

    return LinearSVC(C=c, random_state=0).fit(x, y, sample_weight=w)  # reproducible figures


def _softmax(scores: npt.NDArray[np.floating[Any]]) -> npt.NDArray[np.float64]:
    z = np.asarray(scores, dtype=np.float64)
    z = np.exp(z - z.max(axis=1, keepdims=True))
    out: npt.NDArray[np.float64] = z / z.sum(axis=1, keepdims=True)
    return out


def _fit_temperature(x: Any, y: Sequence[str], w: npt.NDArray[np.float64], n_labeled: int,
                     c: float) -> tuple[float, npt.NDArray[np.float64] | None]:
    """Scale for SVM margins so softmax(margin * t) is roughly calibrated (out-of-fold NLL), and
    the out-of-fold confusion matrix (row: predicted, column: true class, columns sum to 1;
    None when too little data).

    Only the first ``n_labeled`` rows are held out; prior pseudo-documents stay in every training
    fold, as they do in the final model, so the margins match those it will produce.
    """
    counts = Counter(y[:n_labeled])
    if len(counts) < 2 or min(counts.values()) < 3:
        return 3.0, None  # too little data to fit: a moderate default
    classes = sorted(set(y))
    folds = 3
    labeled_y = list(y[:n_labeled])
    order = np.argsort([f"{lab}{i % folds}" for i, lab in enumerate(labeled_y)], kind="stable")
    scores = np.zeros((n_labeled, len(classes)))
    ys = np.asarray(y)
    for f in range(folds):
        test = order[f::folds]
        mask = np.ones(len(y), dtype=bool)
        mask[test] = False
        if len(set(ys[mask])) < len(classes):
            return 3.0, None
        clf = _fit(x[mask], ys[mask].tolist(), w[mask], c)
        margin = clf.decision_function(x[test])
        # Two classes: sklearn gives one signed margin; make it two-sided as the model does.
        scores[test] = np.column_stack([-margin / 2, margin / 2]) if margin.ndim == 1 else margin
    truth = np.array([classes.index(lab) for lab in labeled_y])
    best_t, best_nll = 1.0, math.inf
    for t in np.geomspace(0.3, 30.0, 40):
        p = _softmax(scores * t)[np.arange(n_labeled), truth]
        nll = float(-np.log(np.maximum(p, 1e-12)).mean())
        if nll < best_nll:
            best_t, best_nll = float(t), nll
    confusion = np.zeros((len(classes), len(classes)))
    np.add.at(confusion, (scores.argmax(axis=1), truth), 1.0)
    confusion /= np.maximum(confusion.sum(axis=0, keepdims=True), 1.0)
    return best_t, confusion
