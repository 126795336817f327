"""One facade for the sidebar: everything the assistant says about one draft."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.assistant.category import CategoryModel, CategoryScore, TrainConfig, train
from app.assistant.knowledge import Answer, KnowledgeBase
from app.assistant.models import DraftInput, PastTicket
from app.assistant.quality import Finding, check_draft
from app.assistant.similar import Match, SimilarIndex
from app.assistant.triage import Routing, Triage, Triager
from app.assistant.units import (
    UnitHistory,
    UnitRules,
    UnitSuggestion,
    find_district,
    keyword_cues,
    suggest_units,
)
from app.resources import resource_path

log = logging.getLogger(__name__)
PRIOR_PATH = resource_path("assistant", "category_prior.json")
# Features and prior as measured by `python -m app.assistant cv`; C and class weights as the
# nested CV's procedure picks them on all 450 labels (`python -m app.assistant nested`: inner
# 3-fold CV over C, class weights and reply labels; reply labels never helped inside a fold).
DEFAULT_CONFIG = TrainConfig(c=10.0, keyword_prior=True, use_words=True, balanced=True)
PAST_ANSWER_CHARS = 200


@dataclass(frozen=True)
class Suggestions:
    categories: list[CategoryScore]
    units: list[UnitSuggestion]
    triage: Triage
    similar: list[Match]
    caller_history: list[PastTicket]
    knowledge: list[Answer]
    past_answers: list[Answer]
    findings: list[Finding] = field(default_factory=list)


def load_prior(path: Path = PRIOR_PATH) -> dict[str, list[str]]:
    """Cue words per category (taxonomy names + hand-written words) shipped with the app."""
    data: dict[str, list[str]] = json.loads(path.read_text(encoding="utf-8"))["categories"]
    return data


def train_default(training_pairs: Iterable[tuple[str, str]],
                  unlabeled: Sequence[str] = ()) -> CategoryModel:
    """The app's model: confirmed tickets + the bundled keyword prior (alone on a fresh install)."""
    pairs = list(training_pairs)
    return train(pairs, unlabeled=unlabeled, prior=load_prior(), config=DEFAULT_CONFIG,
                 source=f"confirmed tickets: {len(pairs)}")


def load_or_train_default(model_path: Path, training_pairs: Iterable[tuple[str, str]],
                          unlabeled: Sequence[str] = ()) -> CategoryModel:
    """Load the model file, or train one and write it when it is missing or unreadable.

    Pure and blocking: the caller runs it (and later retrains with :func:`train_default`) on a
    worker thread of its choice.
    """
    if model_path.exists():
        try:
            return CategoryModel.load(model_path)
        except (ValueError, OSError, KeyError) as exc:
            log.warning("category model %s unusable (%s); retraining", model_path, exc)
    model = train_default(training_pairs, unlabeled)
    model.save(model_path)
    return model


def _emergency_sentence(triage: Triage, then: str) -> str:
    return (f"来电是紧急情况（{triage.emergency_kind}），转接{triage.emergency}后，"
            f"工单按此类登记、{then}。")


def _also_sentence(triage: Triage, service: str, then: str) -> str:
    return (f"来电是紧急情况（{triage.emergency_kind}），除{triage.emergency}外还要通知{service}，"
            f"工单也可以按此类登记、{then}。")


def _emergency_first(categories: list[CategoryScore], routes: list[tuple[str, Routing]],
                     triage: Triage) -> list[CategoryScore]:
    """The emergency's own category first (a fire is not 城乡建设), then those of the other
    services on the banner (a road accident's 交通事故 beside 急救服务), then the model's."""
    own: list[CategoryScore] = []
    for s, r in routes:
        if all((c.label, *c.path) != r.category for c in own):
            own.append(CategoryScore(r.category[0], 1.0, path=r.category[1:], why=(
                _emergency_sentence(triage, f"派给{r.unit}") if s == triage.emergency
                else _also_sentence(triage, s, f"派给{r.unit}"))))
    labels = {c.label for c in own}
    return [*own, *[c for c in categories if c.label not in labels]][:3]


def _emergency_units(units: list[UnitSuggestion], routes: list[tuple[str, Routing]],
                     triage: Triage) -> list[UnitSuggestion]:
    """The units that take the emergency first, then the rules' and history's others."""
    own: list[UnitSuggestion] = []
    for s, r in routes:
        if all(u.unit != r.unit for u in own):
            own.append(UnitSuggestion(r.unit, 1.0, (
                _emergency_sentence(triage, "由该单位接手") if s == triage.emergency
                else _also_sentence(triage, s, "由该单位接手"),)))
    return [*own, *[u for u in units if u.unit not in {o.unit for o in own}]][:3]


class Assistant:
    """Holds the loaded models and the history index; :meth:`suggest` is cheap per keystroke.

    ``model`` may be None while the category model loads: every rule-based part still works.
    """

    def __init__(
        self,
        model: CategoryModel | None,
        *,
        triager: Triager | None = None,
        unit_rules: UnitRules | None = None,
        knowledge: KnowledgeBase | None = None,
    ) -> None:
        self.model = model
        self.triager = triager or Triager.from_file()
        self.unit_rules = unit_rules or UnitRules.from_files()
        self.knowledge = knowledge or KnowledgeBase.from_file()
        self.index = SimilarIndex()
        self.unit_history = UnitHistory()

    def remember(self, tickets: Iterable[PastTicket]) -> None:
        """Add past tickets (once each) to the duplicate index and the routing history."""
        for t in tickets:
            self.index.add(t)
            if t.unit:
                self.unit_history.add(category=t.category,
                                      district=t.district or find_district(t.text),
                                      cues=keyword_cues(t.text, self.unit_rules), unit=t.unit)

    def suggest(self, draft: DraftInput, history: Sequence[PastTicket] = ()) -> Suggestions:
        """All sidebar suggestions for a draft; ``history`` holds tickets not yet remembered."""
        if history:
            self.remember(history)
        text = draft.text
        model = self.model  # read once: a background load may replace it between calls
        categories = model.predict(text) if text and model is not None else []
        triage = self.triager.triage(text)
        routes = [(s, r) for s in ((triage.emergency, *triage.also) if triage.emergency else ())
                  if (r := self.triager.routing(s)) is not None]
        # Other units are looked up by what the text is about, not by the emergency's broad
        # level 1 (公共服务 would offer 市城市管理局 for a poisoning).
        category = draft.category or (categories[0].label if categories else "")
        if routes:
            categories = _emergency_first(categories, routes, triage)
        district = draft.district or find_district(f"{draft.address}。{text}")
        similar = self.index.matches(text, phone=draft.caller_phone, address=draft.address,
                                     category=category, now=draft.created_at)
        caller = [self.index.ticket(m.ticket_id) for m in similar if m.kind == "same_caller"]
        past = [self.index.ticket(m.ticket_id) for m in similar if m.kind != "same_caller"]
        past_answers = [
            Answer(t.title, t.result[:PAST_ANSWER_CHARS], f"历史工单 {t.id}" +
                   (f"（{t.unit}）" if t.unit else ""), m.score, t.id)
            for m, t in zip(
                (m for m in similar if m.kind != "same_caller"), past, strict=True)
            if t.result
        ]
        # An emergency's own level 1 (政法, 公共服务) names no unit of its own beside the one that
        # takes it: once the agent accepts 政法 for a fire, 市司法局 is no second choice.
        own = {r.category[0] for _, r in routes}
        units = suggest_units(text, "" if category in own else category, district,
                              self.unit_rules, self.unit_history) if text else []
        if routes:
            units = _emergency_units(units, routes, triage)
        return Suggestions(
            categories=categories,
            units=units,
            triage=triage,
            similar=similar,
            caller_history=caller,
            knowledge=self.knowledge.search(text) if text else [],
            past_answers=past_answers,
            # A form not yet started gets no list of everything missing; the save gate
            # (quality.save_gate) still checks every field when the agent saves.
            findings=check_draft(draft, categories) if text or draft.caller_phone else [],
        )
