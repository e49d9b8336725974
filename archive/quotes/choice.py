"""Choosing a quote's speaker: the cue rules' answer, weighed with every other candidate.

The rules (archive.quotes.rules) give one answer; the ranker (archive.quotes.ranker) scores
it together with every other name, pronoun and description around the quote, and the best
wins. The winner is resolved to a member of the cast, and the choice keeps its evidence: the
cue, the rule or model that chose, the chain of a resolved reference, the runners-up, and the
numbers archive.quotes.confidence turns into a calibrated confidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from archive.quotes import antecedents, confidence, ranker
from archive.quotes.candidates import Candidate, Frame, gather
from archive.quotes.cast import Member
from archive.quotes.cues import Cue
from archive.quotes.rules import SAME_SENTENCE, RuleChoice
from archive.quotes.speakers import PARAGRAPH, resolve
from archive.quotes.state import State
from archive.quotes.view import restore

MAX_RUNNERS_UP = 5


@dataclass
class Choice:
    """Who speaks a quote, and why."""

    member: Member | None
    cue: str | None
    rule: str
    chain: list[dict[str, Any]] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)  # best first
    chosen: Candidate | None = None
    probability: float = 0.0  # the ranker's, for the chosen candidate
    margin: float = 0.0  # over the runner-up
    rule_agrees: bool = True
    confidence: float = 0.0
    # for "he"/"she": the people it may refer to, with their features (for training)
    antecedents: list[tuple[Member, dict[str, float]]] = field(default_factory=list)
    proposal: RuleChoice | None = None  # what the cue rules proposed
    doubt: str | None = None  # why the choice is of a kind held for review (see `_doubt`)

    def runners_up(self) -> list[str]:
        """Other plausible speakers' names, best first (each once, the chosen one left out)."""
        names: list[str] = []
        for candidate in self.candidates:
            name = candidate.member.name if candidate.member else _plain_name(candidate)
            if not name or (self.member is not None and candidate.member is self.member):
                continue
            if name not in names:
                names.append(name)
        return names[:MAX_RUNNERS_UP]

    def evidence(self) -> dict[str, Any]:
        evidence = {
            "cue": self.cue,
            "rule": self.rule,
            "chain": self.chain,
            "candidates": self.runners_up(),
        }
        if self.doubt:  # for the librarian reviewing it: why it is not surer
            evidence["doubt"] = self.doubt
        return evidence


def _plain_name(candidate: Candidate) -> str | None:
    """A candidate's name when it resolved to no one yet (a name, not a pronoun)."""
    source = candidate.source
    return source.text if source is not None and source.is_name else None


def decide(
    state: State,
    frame: Frame,
    rules: RuleChoice,
    *,
    use_model: bool = True,
) -> Choice:
    """The speaker of one top-level quote."""
    cue = rules.cue
    cue_span = (cue.start, cue.end) if cue is not None and cue.subject is not None else None
    candidates = gather(
        frame,
        state.sources,
        state.cast,
        state.common_words,
        continuation=rules.continuation,
        continuation_kind=rules.continuation_kind,
        rule=rules.member,
        cue_span=cue_span,
        last_speaker=state.last_speaker,
        quoted=state.quoted,
    )
    if cue is not None and cue.passive:  # "X was branded “...” by Y": X is not the speaker
        candidates = [c for c in candidates if c.position != "lead"] or candidates
    probabilities = ranker.rank(candidates, None if use_model else {})
    ranked = sorted(zip(probabilities, candidates, strict=True), key=lambda p: -p[0])
    choice = _from_rules(rules)
    if ranked:
        best_p, best = ranked[0]
        agrees = rules.member is not None and best.member is rules.member
        if (
            not agrees
            and not rules.unnamed
            and not rules.binding
            and not (rules.member is None and best.member is None and best.source is None)
        ):
            choice = _from_candidate(state, frame, best, choice, rules)
        choice.candidates = [c for _, c in ranked]
        choice.probability = best_p
        choice.margin = best_p - (ranked[1][0] if len(ranked) > 1 else 0.0)
        choice.chosen = best
        choice.rule_agrees = agrees or (rules.member is None and best.member is None)
    if choice.member is not None and choice.chosen is not None and not choice.chain:
        choice.chain = _chain(state, frame, choice.chosen, choice.member)
    source = choice.chosen.source if choice.chosen is not None else None
    if source is not None and source.kind == "pronoun" and source.text in ("he", "she"):
        at = choice.chosen.paragraph * PARAGRAPH + source.start
        gender = "m" if source.text == "he" else "f"
        choice.antecedents = antecedents.candidates(state.cast, at, gender)
    choice.doubt = _doubt(choice)
    choice.confidence = min(
        confidence.of(choice, frame),
        _continued_confidence(state, choice),
        UNPROVEN if choice.doubt else 1.0,
    )
    choice.proposal = rules
    return choice


# Rules under which a quote takes the speaker of the words it continues, and nothing else.
CONTINUING = frozenset(
    {
        "previous quote in the paragraph",
        "quote continued from the paragraph before",
        "last speaker",
        "continues the previous quote",
        SAME_SENTENCE,
    }
)


# Choices of a kind that is right less often than the citation threshold promises, in every
# sample measured (bench/quotes/README.md, rounds five and six): a speaker the ranker picked
# where the rules had none or another, one found through a description ("the director", "the
# group"), and one "he"/"she" stands for on weak grounds (antecedents.doubtful).
UNPROVEN = 0.89


def _doubt(choice: Choice) -> str | None:
    """Why a choice is of an unproven kind, so that it is reviewed before cited (its confidence
    at most UNPROVEN), or None."""
    if choice.member is None:
        return None
    source = choice.chosen.source if choice.chosen is not None else None
    if choice.rule.startswith(f"{ranker.NAME}:"):
        return "the model chose this speaker where the cue rules named another or no one"
    if source is not None and source.kind == "description":
        return f"found only through a description (“{source.text}”)"
    if choice.antecedents and antecedents.doubtful(choice.antecedents, choice.member):
        return f"“{source.text if source else 'the pronoun'}” may refer to someone else here"
    return None


def _continued_confidence(state: State, choice: Choice) -> float:
    """A quote that only continues someone's words is never surer than the quote it continues
    (so one doubtful attribution does not start a chain of confident ones)."""
    if choice.member is None or choice.rule not in CONTINUING:
        return 1.0
    for quote, member in zip(reversed(state.quotes), reversed(state.speakers), strict=True):
        if member is choice.member and quote.nested_in is None:
            return quote.confidence
    return 1.0


def _from_rules(rules: RuleChoice) -> Choice:
    cue: Cue | None = rules.cue
    return Choice(rules.member, restore(cue.phrase) if cue else None, rules.rule)


def _from_candidate(
    state: State, frame: Frame, best: Candidate, previous: Choice, rules: RuleChoice
) -> Choice:
    """Take the ranker's best candidate: resolve it for real and describe the choice."""
    if best.source is None:
        rule = "continues the previous quote" if best.position == "continuation" else rules.rule
        return Choice(best.member, previous.cue if best.position == "rule" else None, rule)
    at = best.paragraph * PARAGRAPH + best.source.start
    member = resolve(state.cast, best.subject, at, state.common_words) if best.subject else None
    if member is not None and best.source.is_name and best.source.kind != "single":
        member.add_alias(best.source.text)
    rule = f"{ranker.NAME}: {best.source.kind} {_WHERE[best.position]}"
    return Choice(member, _cue_phrase(frame, best), rule)


_WHERE = {
    "lead": "before the quote in its sentence",
    "trail": "after the quote in its sentence",
    "prev": "in the sentence before",
    "next": "in the sentence after",
    "before": "earlier in the paragraph",
    "after": "later in the paragraph",
    "prevpara": "in the paragraph before",
}


def _cue_phrase(frame: Frame, best: Candidate) -> str | None:
    """The words around the chosen source that introduce the quote ("Rubio fired back")."""
    source = best.source
    if source is None or best.paragraph != frame.index:
        return source.text if source else None
    text = frame.text
    if source.end <= frame.open_at:
        phrase = text[source.start : frame.open_at]
    else:
        tail = re.match(r"[^.;:!?“”\"(]{0,40}", text[source.end :])
        phrase = text[frame.close_at + 1 : source.end + (tail.end() if tail else 0)]
    phrase = restore(" ".join(phrase.split())).strip(" ,:;—–-")
    return phrase[:100] or None


def _chain(state: State, frame: Frame, chosen: Candidate, member: Member) -> list[dict[str, Any]]:
    """For a pronoun, description or short name: the mention and the one it resolved to."""
    source = chosen.source
    if source is None:
        return []
    short = source.kind in ("pronoun", "description") or (
        source.kind in ("single", "person") and source.text != member.name
    )
    if not short:
        return []
    at = chosen.paragraph * PARAGRAPH + source.start
    earlier = [a for a in member.named_at if a < at]
    link = {"paragraph": state.passage_n(chosen.paragraph), "text": source.text}
    if not earlier:
        return [link]
    antecedent = max(earlier) // PARAGRAPH
    return [link, {"paragraph": state.passage_n(antecedent), "text": member.name}]
