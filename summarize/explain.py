"""Explain: why each line of a briefing is there, and why the next candidates are not.

Read off the selection's own record (:class:`summarize.select.Choice`), never recomputed another
way, so the explanation cannot disagree with the briefing it explains.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .model import EXPLAINED_PASSED, EXPLAINED_RESTATEMENTS, Chosen, Explanation, Passed, Restatement, Sentence
from .rank import Ranking
from .represent import Representation
from .select import Choice, Selection, Selector

__all__ = ["explain"]

_DIGITS = 6  # as the briefing's own scores


def explain(
    sentences: Sequence[Sentence],
    representation: Representation,
    ranking: Ranking,
    prior: np.ndarray,
    choice: Choice,
    arranged: Sequence[Selection],
    selector: Selector,
) -> Explanation:
    """The explanation of the briefing whose lines are ``arranged`` (reading order), chosen by
    ``choice``; ``prior`` is the ranker's teleport weights (:meth:`TextRank.prior`)."""
    line_of = {selection.index: line for line, selection in enumerate(arranged, start=1)}
    rank_of = {index: rank for rank, index in enumerate(choice.order.tolist(), start=1)}
    restated: dict[int, list[int]] = {}
    for other, by in choice.covered_by.items():
        if other != by:
            restated.setdefault(by, []).append(other)
    facts = representation.fact_matrix
    mean_prior = float(prior.mean()) or 1.0

    def penalties(index: int) -> tuple[tuple[str, float], ...]:
        found = []
        if representation.dependent[index]:
            found.append(('cannot stand alone (opens with words that point back, such as "But" or "In return,", '
                          'or a broken quote)', selector.dependent_weight))
        if representation.framing[index]:
            found.append(("frames the story instead of reporting it", selector.framing_weight))
        return tuple(found)

    def similarity(index: int, others: Sequence[int]) -> np.ndarray:
        return np.asarray((facts[others] @ facts[index].T).todense()).ravel()

    chosen: list[Chosen] = []
    for selection in arranged:
        index = selection.index
        members = restated.get(index, [])
        similar = similarity(index, members) if members else np.zeros(0)
        closest = sorted(zip((-similar).tolist(), members))[:EXPLAINED_RESTATEMENTS]
        sentence = sentences[index]
        chosen.append(Chosen(
            line=line_of[index],
            rank=rank_of[index],
            document=sentence.document,
            text=sentence.text,
            score=round(selection.score, _DIGITS),
            pagerank=round(float(ranking.scores[index]), _DIGITS),
            position=sentence.position + 1,
            prior=round(float(prior[index]) / mean_prior, 3),
            penalties=penalties(index),
            sources=len(selection.sources),
            boost=round(1.0 + choice.corroboration.weight * choice.corroboration.share(index), 4),
            restates=tuple(
                Restatement(document=sentences[other].document, start=sentences[other].start,
                            end=sentences[other].end, text=sentences[other].text,
                            similarity=round(-negative, 4))
                for negative, other in closest
            ),
            restated=len(members),
        ))

    passed: list[Passed] = []
    for position, index in enumerate(choice.order.tolist()):
        if len(passed) == EXPLAINED_PASSED:
            break
        if index in line_of or index in choice.notices:
            continue
        sentence = sentences[index]
        score = round(choice.corroboration.boosted(index), _DIGITS)
        covering = choice.covered_by.get(index)
        restated_line: int | None = None
        closeness: float | None = None
        if covering is None:  # passed as too long for the words left, or never reached
            reason = "does not fit the word budget" if position < choice.considered else "over the budget"
        else:
            restated_line = line_of[covering]
            copy = sentence.text == sentences[covering].text
            reason = f"{'a copy of' if copy else 'restates'} line {restated_line}"
            closeness = round(float(similarity(covering, [index])[0]), 4)
        passed.append(Passed(rank=position + 1, document=sentence.document, start=sentence.start,
                             end=sentence.end, text=sentence.text, score=score, reason=reason, line=restated_line,
                             similarity=closeness, penalties=penalties(index)))
    return Explanation(chosen=tuple(chosen), passed=tuple(passed),
                       corroboration_weight=selector.corroboration_weight, same_fact=selector.same_fact)
