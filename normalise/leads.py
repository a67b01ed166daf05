"""Read a lead cell into the codes printed and the roles the document's key gives them."""

from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from planwatch.frozen import FrozenDict
from planwatch.markup import strip_markup

from .edits import within_one_edit
from .settings import NormaliseSettings

logger = logging.getLogger(__name__)

# A printed code is one to seven capitals or digits, starting with a capital ("GCP", "DCFO").
CODE = re.compile(r"[A-Z][A-Z0-9]{0,6}")
# Codes are separated by spaces, "/", "&", ",", ";", "+" or the word "and":
# "GCP PM SCP", "AD/GCP", "ACC & Ch Supt", "PM and SCP".
_TOKEN = r"[^\s/&,;+]+"
# The separators of a list of leads (not "and", which joins the words of one role too)
_LIST_SEPARATOR = re.compile(r"[,;/\n]")
# "Sarah Jones (Head of Planning)": two or three capitalised words, then a role in brackets
_NAMED_OFFICER = re.compile(r"(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}) ?\((?P<role>[^()]+)\)")
# Words of a role, not a name: "Area Manager (Response)" is a role with a qualifier
_ROLE_WORDS = frozenset(
    {
        "head",
        "manager",
        "officer",
        "director",
        "chief",
        "commander",
        "lead",
        "assistant",
        "deputy",
        "area",
        "group",
        "station",
        "watch",
        "crew",
        "superintendent",
        "inspector",
        "sergeant",
        "constable",
        "team",
        "service",
        "unit",
        "board",
        "interim",
        "acting",
    }
)
# Words left out when taking a role's initials ("Head of Prevention" -> HP).
_ROLE_STOPWORDS = frozenset({"of", "and", "the", "for", "to", "in"})


@dataclass(frozen=True)
class Leads:
    """A lead cell as printed, the codes in it and their roles, position by position.

    `roles[i]` is the role of `codes[i]`, empty where the code is not resolved; a role
    written out in words is one role with no code.
    """

    raw: str
    codes: tuple[str, ...]
    roles: tuple[str, ...]
    warnings: tuple[str, ...] = ()


class _Found(NamedTuple):
    role: str
    warnings: tuple[str, ...]


_Key = dict[str, tuple[str, str]]  # folded code -> (code as in the key, role)


def _fold(code: str) -> str:
    """Return a code without case, dots or spaces: "Ch. Supt Ops", "CH SUPT OPS" and
    "Ch Supt Ops" are one code, as are "ACO(F)" and "ACO (F)"."""
    return re.sub(r"[.\s]", "", code).upper()


@lru_cache(maxsize=1)
def _rank_file() -> FrozenDict[str, FrozenDict[str, str]]:
    """Return ranks.toml: service -> code as spelt there ("Ch Supt") -> role, read-only as
    it is shared by every later call."""
    ranks = tomllib.loads(resources.files(__package__).joinpath("ranks.toml").read_text("utf-8"))
    return FrozenDict({service: FrozenDict(codes) for service, codes in ranks.items()})


@lru_cache(maxsize=1)
def _ranks() -> FrozenDict[str, FrozenDict[str, str]]:
    """Return the standard ranks by service: folded code -> role (read-only, shared)."""
    return FrozenDict(
        {
            service: FrozenDict({_fold(code): role for code, role in ranks.items()})
            for service, ranks in _rank_file().items()
        }
    )


def _rank_spellings() -> frozenset[str]:
    return frozenset(code for ranks in _rank_file().values() for code in ranks)


def _initials(role: str) -> str:
    words = re.findall(r"[A-Za-z]+", role)
    return "".join(w[0].upper() for w in words if w.lower() not in _ROLE_STOPWORDS)


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(c in letters for c in short)


def _is_variant(printed: str, code: str, role: str) -> bool:
    """True where the printed code extends or shortens a key code as its role explains.

    The key says GC = "Group Commander: Prevention" while the cells say GCP.
    """
    if printed == code or min(len(printed), len(code)) < 2:
        return False
    if not (printed.startswith(code) or code.startswith(printed)):
        return False
    return _is_subsequence(printed, _initials(role))


def _ambiguous(code: str, candidates: Collection[str]) -> _Found:
    return _Found("", (f"lead {code} is ambiguous: {' or '.join(sorted(candidates))}",))


def _from_key(code: str, key: _Key) -> _Found | None:
    """Return the role the key gives a code, exactly or as a variant; None if it gives none."""
    folded = _fold(code)
    if folded in key:
        return _Found(key[folded][1], ())
    variants = [printed for k, (printed, role) in key.items() if _is_variant(folded, k, role)]
    if len(variants) > 1:
        return _ambiguous(code, variants)
    if variants:
        return _Found(key[_fold(variants[0])][1], (f"lead {code} read as {variants[0]}",))
    return None


def _service(codes: Collection[str]) -> str | None:
    """Return the service whose own ranks the codes name more often, None if neither."""
    ranks = _ranks()
    counts = {
        service: sum(
            1
            for c in codes
            if _fold(c) in own and all(_fold(c) not in ranks[s] for s in ranks if s != service)
        )
        for service, own in ranks.items()
    }
    best = max(counts.values(), default=0)
    leaders = [service for service, count in counts.items() if count == best]
    return leaders[0] if best and len(leaders) == 1 else None


def _from_ranks(code: str, context: Collection[str]) -> _Found | None:
    """Return a standard rank's role for a code, None if it is no standard rank."""
    roles = {s: r[_fold(code)] for s, r in _ranks().items() if _fold(code) in r}
    if not roles:
        return None
    if len(set(roles.values())) > 1:
        # CC is a Crew Commander in a fire plan and the Chief Constable in a police plan.
        service = _service(context)
        if service not in roles:
            return _ambiguous(code, roles.values())
        return _Found(roles[service], (f"lead {code} read from standard ranks ({service})",))
    return _Found(next(iter(roles.values())), (f"lead {code} read from standard ranks",))


def _misprint_of(code: str, key: _Key, seen: Collection[str], shortest: int) -> list[str]:
    """Return the codes in the key or printed elsewhere that are one edit from this one,
    for a code at least `shortest` characters long."""
    if len(code) < shortest:
        return []
    folded = _fold(code)
    pool = {k: printed for k, (printed, _) in key.items()} | {_fold(s): s for s in seen}
    near = [
        printed for k, printed in sorted(pool.items()) if k != folded and within_one_edit(folded, k)
    ]
    resolved = [c for c in near if (found := _from_key(c, key)) and found.role]
    return resolved if len(near) > 1 and len(resolved) == 1 else near


def _resolve_code(
    code: str, key: _Key, seen: Collection[str], context: Collection[str], shortest: int
) -> tuple[str, _Found]:
    """Return the code as it should be recorded (misprints corrected) and what it stands for."""
    if found := _from_key(code, key) or _from_ranks(code, context):
        return _as_in_key(code, key), found
    near = _misprint_of(code, key, seen, shortest)
    if len(near) > 1:
        return code, _ambiguous(code, near)
    if near:
        fixed = near[0]
        found = _from_key(fixed, key) or _from_ranks(fixed, context)
        if found is None:
            found = _Found("", (f"lead {fixed} not in the key",))
        return fixed, _Found(found.role, (f"lead {code} read as {fixed}", *found.warnings))
    return code, _Found("", (f"lead {code} not in the key",))


def _as_in_key(code: str, key: _Key) -> str:
    """Return the key's (or the standard ranks') spelling of a code printed with other dots
    or spaces ("Ch. Supt Ops" for the key's "Ch Supt Ops"), else the code as printed."""
    entry = key.get(_fold(code))
    spelt = entry[0] if entry else {_fold(c): c for c in _rank_spellings()}.get(_fold(code))
    return spelt if spelt and spelt.upper() != code.upper() else code


def _spelling(code: str) -> str:
    """Return a pattern for a code with or without dots and spaces between its parts."""
    parts = re.findall(r"[A-Za-z0-9]+|[^A-Za-z0-9.\s]", code)
    return r"[.\s]*".join(re.escape(p) for p in parts) + r"\.?"


def _tokens(text: str, known: Collection[str]) -> list[str]:
    """Return the cell split at separators, keeping codes that hold a space, a dot, a
    bracket or a separator ("Ch Insp", "Ch. Supt Ops", "ACO (F)", "H&S") whole."""
    phrases = sorted((k for k in known if not k.isalnum()), key=len, reverse=True)
    whole = "|".join(_spelling(p) for p in phrases)
    pattern = rf"(?<!\w)(?:{whole})(?!\w)|{_TOKEN}" if whole else _TOKEN
    found = re.findall(pattern, text, flags=re.IGNORECASE)
    return [t.strip(".") for t in found if t.strip(".") and t.lower() != "and"]


def _written_out_list(text: str, tokens: list[str], key: _Key) -> tuple[str, ...]:
    """Return a warning where a cell read as one role written out is a list that names key
    codes ("DCS PVP, HoL&D, Ch Insp Trg"): some of its parts are codes the key lacks."""
    keyed = [t for t in tokens if _fold(t) in key]
    if not keyed or not _LIST_SEPARATOR.search(text):
        return ()
    return (f"lead {text!r} read as one role written out, though it lists the key's {keyed[0]}",)


def _role_of_named_officer(text: str) -> str:
    """Return the bracketed role after a person's name ("Mark Patel (Area Manager)"), else ''."""
    match = _NAMED_OFFICER.fullmatch(text)
    if match is None or _ROLE_WORDS & set(match["name"].lower().split()):
        return ""
    return match["role"].strip()


@lru_cache(maxsize=4096)
def _resolve_leads(
    text: str, key_items: tuple[tuple[str, str], ...], seen: frozenset[str], shortest: int
) -> Leads:
    tidy = " ".join(strip_markup(text).split()).strip(" .;,")
    if not tidy:
        return Leads(text, (), ())
    key: _Key = {_fold(code): (code.strip(), role) for code, role in key_items}
    known = {printed for printed, _ in key.values()} | _rank_spellings()
    folded = {_fold(k) for k in known}
    tokens = _tokens(tidy, known)
    if not tokens or not all(CODE.fullmatch(t) or _fold(t) in folded for t in tokens):
        # "Head of Community Risk and HRD" is one role written out, not codes;
        # "Sarah Jones (Head of Planning)" is a person and, in brackets, the role.
        role = _role_of_named_officer(tidy) or tidy
        return Leads(text, (), (role,), _written_out_list(tidy, tokens, key))
    context = [*seen, *tokens]
    codes: list[str] = []
    roles: list[str] = []
    warnings: list[str] = []
    for token in tokens:
        code, found = _resolve_code(token, key, seen, context, shortest)
        warnings.extend(w for w in found.warnings if w not in warnings)
        if code not in codes:
            codes.append(code)
            roles.append(found.role)
    return Leads(text, tuple(codes), tuple(roles), tuple(warnings))


def resolve_leads(
    text: str,
    key: Mapping[str, str],
    seen: Collection[str] = (),
    settings: NormaliseSettings | None = None,
) -> Leads:
    """Return the codes in a lead cell and their roles from the document's key.

    `key` maps code -> role as the document prints it; `seen` holds the codes printed
    elsewhere in the same document, against which misprints are corrected.
    """
    shortest = (settings or NormaliseSettings()).lead_typo_min_chars
    return _resolve_leads(text, tuple(sorted(key.items())), frozenset(seen), shortest)
