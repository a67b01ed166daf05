"""Pairing the actions of two editions: by the document's ref, then by text, then by position."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, partial

from planwatch.model import Action

from .groups import ActionGroup, group_actions
from .settings import DEFAULT_DIFF, DiffSettings


@dataclass(frozen=True, slots=True)
class Match:
    """One action of the old edition paired with one of the new, and how."""

    old_id: str
    new_id: str
    how: str  # "ref": same document ref and similar text; "text": similar text;
    # "position": identical texts told apart by progress text and order
    score: float


def text_similarity(a: str, b: str) -> float:
    """Return 0-100: how alike two action texts read, ignoring case and punctuation."""
    return _ratio()(a, b)


@cache
def _ratio() -> Callable[[str, str], float]:
    # imported once here, not on each of the 100,000 calls a large edition makes
    from rapidfuzz import fuzz, utils

    return partial(fuzz.ratio, processor=utils.default_process)


@dataclass(frozen=True)
class Pairing:
    """Two editions' actions gathered into groups, and the pairs that are one action."""

    old: tuple[ActionGroup, ...]
    new: tuple[ActionGroup, ...]
    matches: tuple[Match, ...]  # in new order


def pair_editions(
    old: Sequence[Action], new: Sequence[Action], settings: DiffSettings = DEFAULT_DIFF
) -> Pairing:
    """Return the two editions grouped (``group_actions``) and their groups paired by
    ``settings``: the grouping made once for the keying and the diff of a loaded edition."""
    old_groups, new_groups = tuple(group_actions(old)), tuple(group_actions(new))
    return Pairing(old_groups, new_groups, tuple(match_groups(old_groups, new_groups, settings)))


def match_actions(
    old: Sequence[Action], new: Sequence[Action], settings: DiffSettings = DEFAULT_DIFF
) -> list[Match]:
    """Return the pairs of old and new action ids that are the same action, in new order."""
    return list(pair_editions(old, new, settings).matches)


def match_groups(
    old: Sequence[ActionGroup], new: Sequence[ActionGroup], settings: DiffSettings = DEFAULT_DIFF
) -> list[Match]:
    """Return the pairs of old and new groups that are the same action, in new order."""
    by_ref, at, free_old, free_new, free_at = _match_by_ref(old, new, settings.ref_match_min)
    index = {g.action_id: j for g, j in zip(free_new, free_at, strict=True)}
    by_text: list[Match] = []
    steps = ((True, settings.text_match_min), (False, settings.moved_match_min))
    for same_section, minimum in steps:
        found = _match_by_text(free_old, free_new, same_section, minimum, settings.bounded_pairs)
        paired_old, paired_new = {m.old_id for m in found}, {m.new_id for m in found}
        free_old = [g for g in free_old if g.action_id not in paired_old]
        free_new = [g for g in free_new if g.action_id not in paired_new]
        by_text += found
    return _in_new_order(by_ref, at, by_text, index)


def _match_by_ref(
    old: Sequence[ActionGroup], new: Sequence[ActionGroup], minimum: float
) -> tuple[list[Match], list[int], list[ActionGroup], list[ActionGroup], list[int]]:
    """Return the pairs by printed ref (in new order) and the new index of each, the old
    and new groups left unpaired (in their order) and the new index of each new one.

    The groups left are found in the same pass, not by looking every group up in sets
    of the paired ids: at 100,000 rows each pass over an edition's records costs more
    per row than at 10,000, as they no longer fit the processor's cache.
    """
    # Only refs the document printed are stable; a positional id ("ES1.5/3") moves
    # whenever an action is inserted above it.
    by_id = {g.action_id: i for i, g in enumerate(old) if g.first.action_ref}
    paired = bytearray(len(old))
    matches, at, free_new, free_at = [], [], [], []
    texts: dict[str, list[int]] = {}  # old indexes by text, made on first need
    after = 0  # two editions mostly keep their order: the old group after the last one
    # found is tried first, read in memory order rather than probed for in the dict
    for j, group in enumerate(new):
        i = after
        if i >= len(old) or old[i].action_id != group.action_id or not old[i].first.action_ref:
            i = by_id.get(group.action_id, -1)
        if i >= 0:
            after = i + 1
        if i >= 0 and group.first.action_ref:
            before = old[i]
            # the same text scores 100 (most actions of an edition stand as they were)
            text = group.text
            score = 100.0 if before.text == text else text_similarity(before.text, text)
            # a text like the one under the same ref, but printed whole under another old
            # ref, is that action renumbered (the one above it gone): it pairs by text
            if score >= minimum and (
                score == 100.0 or not _whole_elsewhere(old, texts, text, i, paired)
            ):
                matches.append(Match(before.action_id, group.action_id, "ref", score))
                at.append(j)
                paired[i] = 1
                continue
        free_new.append(group)
        free_at.append(j)
    free_old = [g for g, done in zip(old, paired, strict=True) if not done]
    return matches, at, free_old, free_new, free_at


def _whole_elsewhere(
    old: Sequence[ActionGroup], texts: dict[str, list[int]], text: str, i: int, paired: bytearray
) -> bool:
    """True when an old group other than ``old[i]``, not paired yet, has ``text`` as it is."""
    if not texts:
        for k, group in enumerate(old):
            texts.setdefault(group.text, []).append(k)
    return any(k != i and not paired[k] for k in texts.get(text, ()))


def _in_new_order(
    by_ref: list[Match], at: list[int], by_text: list[Match], index: dict[str, int]
) -> list[Match]:
    """Return the pairs by ref (``at``: their new indexes, ascending) and by text
    (``index``: the new index by id) merged in new order: the few pairs by text are put
    in place, the many by ref are not sorted again."""
    if not by_text:
        return by_ref
    merged, start = [], 0
    for match in sorted(by_text, key=lambda m: index[m.new_id]):
        end = bisect_left(at, index[match.new_id], lo=start)
        merged += by_ref[start:end]
        merged.append(match)
        start = end
    return merged + by_ref[start:]


def _match_by_text(
    old: Sequence[ActionGroup],
    new: Sequence[ActionGroup],
    same_section: bool,
    minimum: float,
    bounded_pairs: int,
) -> list[Match]:
    """Greedy pairing, best text score first; ties (repeated texts) go by progress then order.

    Identical texts (score 100, the best there is, so paired first in any case) are
    found by lookup; only the actions they leave are scored against each other, so an
    edition with no printed refs is not every old text scored against every new one.
    """
    old_rank, new_rank = _ranks_among_same_text(old), _ranks_among_same_text(new)
    exact = _greedy(_identical_pairs(old, new, same_section), old_rank, new_rank)
    paired_old, paired_new = {m.old_id for m in exact}, {m.new_id for m in exact}
    old = [g for g in old if g.action_id not in paired_old]
    new = [g for g in new if g.action_id not in paired_new]
    similar = _similar_pairs(old, new, same_section, minimum, bounded_pairs)
    return exact + _greedy(similar, old_rank, new_rank)


def _greedy(
    pairs: Iterable[tuple[ActionGroup, ActionGroup, float]],
    old_rank: dict[str, int],
    new_rank: dict[str, int],
) -> list[Match]:
    """Return the pairs taken best first, each action once: by score, then progress text,
    then rank among identical texts, then position; "position" where a tie decided."""
    from rapidfuzz import fuzz, utils

    candidates = []
    for o, n, score in pairs:
        # Progress only grows between editions, so the older text's words stay in
        # the newer one: token_set_ratio scores that 100.
        progress = fuzz.token_set_ratio(o.progress, n.progress, processor=utils.default_process)
        rank_gap = abs(old_rank[o.action_id] - new_rank[n.action_id])
        candidates.append((-score, -progress, rank_gap, abs(o.position - n.position), o, n))
    candidates.sort(key=lambda c: c[:4])
    tied = _tied_ids(candidates)
    matches, used_old, used_new = [], set(), set()
    for neg_score, _, _, _, o, n in candidates:
        if o.action_id in used_old or n.action_id in used_new:
            continue
        used_old.add(o.action_id)
        used_new.add(n.action_id)
        how = "position" if {("old", o.action_id), ("new", n.action_id)} & tied else "text"
        matches.append(Match(o.action_id, n.action_id, how, -neg_score))
    return matches


def _identical_pairs(
    old: Sequence[ActionGroup], new: Sequence[ActionGroup], same_section: bool
) -> Iterator[tuple[ActionGroup, ActionGroup, float]]:
    """Yield (old, new, 100.0) for the pairs whose texts are the same once case and
    punctuation are dropped (what ``text_similarity`` scores 100), in old then new order."""
    from rapidfuzz import utils

    by_text: dict[str, list[ActionGroup]] = {}
    for group in new:
        by_text.setdefault(utils.default_process(group.text), []).append(group)
    for o in old:
        for n in by_text.get(utils.default_process(o.text), ()):
            if (n.section_ref == o.section_ref) == same_section:
                yield o, n, 100.0


def _similar_pairs(
    old: Sequence[ActionGroup],
    new: Sequence[ActionGroup],
    same_section: bool,
    minimum: float,
    bounded_pairs: int,
) -> Iterator[tuple[ActionGroup, ActionGroup, float]]:
    """Yield (old, new, score) for the pairs of one section (or of two different sections)
    whose texts score at least ``minimum``, in old then new order.

    Within a section only that section's texts are scored against each other. Where a
    block holds ``bounded_pairs`` pairs or more (the unmatched actions of a large
    edition), they are bounded all at once first and only those that can reach
    ``minimum`` are scored
    (``_bounded``): the same pairs, with the same scores, as scoring them all.
    """
    from rapidfuzz import utils

    texts = [utils.default_process(g.text) for g in new]
    queries = [utils.default_process(g.text) for g in old]
    found: list[list[tuple[int, float]]] = [[] for _ in old]
    for olds, news in _blocks(old, new, same_section):
        score = _bounded if len(olds) * len(news) >= bounded_pairs else _scored
        hits = score([queries[i] for i in olds], [texts[j] for j in news], minimum)
        for i, row in zip(olds, hits, strict=True):
            found[i].extend((news[k], value) for k, value in row)
    for i, o in enumerate(old):
        for j, value in sorted(found[i]):
            if same_section or new[j].section_ref != o.section_ref:
                yield o, new[j], value


def _blocks(
    old: Sequence[ActionGroup], new: Sequence[ActionGroup], same_section: bool
) -> list[tuple[list[int], list[int]]]:
    """Return the (old, new) index lists scored against each other: each section's, or
    (across sections) all of both, the pairs within one section left out afterwards."""
    if not same_section:
        return [(list(range(len(old))), list(range(len(new))))]
    by_section: dict[str, tuple[list[int], list[int]]] = {}
    for i, group in enumerate(old):
        by_section.setdefault(group.section_ref, ([], []))[0].append(i)
    for j, group in enumerate(new):
        if group.section_ref in by_section:
            by_section[group.section_ref][1].append(j)
    return list(by_section.values())


def _scored(queries: list[str], texts: list[str], minimum: float) -> list[list[tuple[int, float]]]:
    """Return, for each query, (index, score) of the texts scoring ``minimum`` or more,
    each query scored against all texts in one rapidfuzz call."""
    from rapidfuzz import fuzz, process

    return [
        [(k, score) for _, score, k in process.extract(
            q, texts, scorer=fuzz.ratio, score_cutoff=minimum, limit=None)]
        for q in queries
    ]  # fmt: skip


def _bounded(queries: list[str], texts: list[str], minimum: float) -> list[list[tuple[int, float]]]:
    """``_scored``, scoring only the pairs whose bound can reach ``minimum`` (``bound``)."""
    from rapidfuzz import fuzz

    from .bound import candidates

    found = []
    for q, row in zip(queries, candidates(queries, texts, minimum), strict=True):
        scores = ((k, fuzz.ratio(q, texts[k], score_cutoff=minimum)) for k in row)
        found.append([(k, score) for k, score in scores if score >= minimum])
    return found


def _ranks_among_same_text(groups: Sequence[ActionGroup]) -> dict[str, int]:
    """Return, for each group, how many earlier actions of its section have exactly its text."""
    seen: Counter[tuple[str, str]] = Counter()
    ranks = {}
    for group in sorted(groups, key=lambda g: g.position):
        key = (group.section_ref, group.text)
        ranks[group.action_id] = seen[key]
        seen[key] += 1
    return ranks


def _tied_ids(candidates: list) -> set[tuple[str, str]]:
    """Return the ("old"|"new", id) keys with more than one candidate at their best score."""
    best: dict[tuple[str, str], float] = {}
    count: dict[tuple[str, str], int] = {}
    for neg_score, _, _, _, o, n in candidates:
        for key in (("old", o.action_id), ("new", n.action_id)):
            if key not in best:
                best[key] = neg_score
                count[key] = 1
            elif best[key] == neg_score:
                count[key] += 1
    return {key for key, n in count.items() if n > 1}
