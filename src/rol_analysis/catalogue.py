"""The indicator catalogue, loaded from ``catalogue/indicators.toml``.

The catalogue is data: extraction reads its matching patterns, validation its ranges
and relations, analysis its ratios, the brief its names.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .exceptions import InputError

KINDS = ("count", "amount", "rate", "change")
RELATION_TYPES = ("ratio", "le", "sum", "intensity")
SEVERITIES = ("gate", "warn")


@dataclass(frozen=True)
class Section:
    id: str
    zh_name: str
    en_name: str
    heading_patterns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Indicator:
    id: str
    section: str
    zh_name: str
    en_name: str
    kind: str
    units: tuple[str, ...]
    min: float
    max: float
    core: bool = False
    patterns: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class Relation:
    id: str
    type: str
    zh_name: str
    en_name: str
    severity: str = "warn"
    rate: str | None = None
    numerator: str | None = None
    denominator: str | None = None
    tolerance: float = 0.5
    left: str | None = None
    right: str | None = None
    parts: tuple[str, ...] = ()
    whole: str | None = None

    @property
    def indicators(self) -> tuple[str, ...]:
        """Every indicator id the relation reads, in a stable order."""
        ids = [self.rate, self.numerator, self.denominator, self.left, self.right,
               *self.parts, self.whole]
        return tuple(i for i in ids if i)


@dataclass(frozen=True)
class Catalogue:
    sections: tuple[Section, ...]
    indicators: dict[str, Indicator] = field(hash=False)
    relations: tuple[Relation, ...]
    source: str = ""

    def indicator(self, indicator_id: str) -> Indicator:
        return self.indicators[indicator_id]


def default_path() -> Path:
    """Path of the catalogue shipped with the package."""
    return Path(str(resources.files("rol_analysis") / "catalogue" / "indicators.toml"))


def _fail(path: Path, problem: str) -> InputError:
    return InputError(
        f"{path}: {problem}. Fix the catalogue file (see the comment at its top for the "
        "fields each entry takes) and run again."
    )


def parse(path: Path) -> Catalogue:
    """Read and check a catalogue file.

    Raises
    ------
    InputError
        When the file is not valid TOML, an entry lacks a field, a kind, unit or
        severity is unknown, an id repeats, or a relation names an unknown indicator.
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise _fail(path, f"cannot be read as TOML ({exc})") from None

    sections = tuple(
        Section(
            id=s["id"], zh_name=s["zh_name"], en_name=s["en_name"],
            heading_patterns=tuple(s.get("heading_patterns", ())),
        )
        for s in data.get("section", [])
    )
    section_ids = {s.id for s in sections}
    indicators: dict[str, Indicator] = {}
    for n, raw in enumerate(data.get("indicator", []), 1):
        try:
            ind = Indicator(
                id=raw["id"], section=raw["section"], zh_name=raw["zh_name"],
                en_name=raw["en_name"], kind=raw["kind"], units=tuple(raw["units"]),
                min=float(raw["min"]), max=float(raw["max"]), core=bool(raw.get("core", False)),
                patterns=tuple(raw.get("patterns", ())),
                aliases=tuple(raw.get("aliases", ())),
                exclude=tuple(raw.get("exclude", ())),
            )
        except KeyError as exc:
            raise _fail(path, f"indicator #{n} lacks the field {exc}") from None
        if ind.id in indicators:
            raise _fail(path, f"indicator id {ind.id!r} appears twice")
        if ind.kind not in KINDS:
            raise _fail(path, f"indicator {ind.id!r} has kind {ind.kind!r}; use one of {KINDS}")
        if ind.section not in section_ids:
            raise _fail(path, f"indicator {ind.id!r} names unknown section {ind.section!r}")
        indicators[ind.id] = ind

    relations = []
    for n, raw in enumerate(data.get("relation", []), 1):
        raw = dict(raw)
        if "parts" in raw:
            raw["parts"] = tuple(raw["parts"])
        try:
            rel = Relation(**raw)
        except TypeError as exc:
            raise _fail(path, f"relation #{n} ({raw.get('id')}): {exc}") from None
        if rel.type not in RELATION_TYPES:
            raise _fail(path, f"relation {rel.id!r} has type {rel.type!r}; use one of "
                              f"{RELATION_TYPES}")
        if rel.severity not in SEVERITIES:
            raise _fail(path, f"relation {rel.id!r} has severity {rel.severity!r}; use one "
                              f"of {SEVERITIES}")
        for ref in rel.indicators:
            if ref not in indicators:
                raise _fail(path, f"relation {rel.id!r} names unknown indicator {ref!r}")
        relations.append(rel)
    return Catalogue(sections, indicators, tuple(relations), source=str(path))


@lru_cache(maxsize=4)
def load(path: str | None = None) -> Catalogue:
    """Load the catalogue (the packaged one unless ``path`` is given); cached."""
    return parse(Path(path) if path else default_path())
