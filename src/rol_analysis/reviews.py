"""Reviewers' decisions on extracted numbers, kept across rebuilds.

A reviewer never edits the raw report (the source) to correct a reading. Decisions live
in ``data/reviews/<region>/<year>.csv`` (written as UTF-8 with BOM, so Excel opens it;
read in GBK/GB18030 too, as Excel on a Chinese Windows saves it), one row per
number, keyed by the number's position and text in the raw report (``char_start``,
``text``: the same key as ``mentions.csv``). Decision columns:

``action``
    ``confirm`` (the reading is right), ``set`` (change ``indicator_id``, ``value``,
    ``unit`` or ``qualifier``), ``exclude`` (not a statistic), ``add`` (a statistic the
    extractor missed, given by its span in the raw text), or empty (not decided yet).
``indicator_id``, ``value``, ``unit``, ``qualifier``
    The corrected or added reading (``set``: only what changes; ``add``: indicator,
    value and unit, qualifier defaults to ``exact``).
``note``, ``reviewer``, ``date``
    Who decided, when and why.

Step 01 applies the decisions right after extraction (:func:`apply`), so validation,
ratios and the brief see the corrected numbers; the ``review`` column of ``mentions``
and ``indicators`` records ``action | reviewer`` (and, for ``set``, ``| 原读作 …``: the
original reading). A decided row whose key no longer matches the raw text stops the
build (exit 2): it is never dropped or applied to another number.

:func:`write_worksheet` (``rol review``) lists every number with what extraction read,
the indicators the matcher considered for it and why it was left unnamed or made a part
(``candidates``, :func:`candidates_cell`), and empty decision columns, keeping decisions
already made.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path

from .exceptions import InputError
from .normalize import radicals_to_ideographs
from .tables import NUMBER_DTYPES

#: ``set`` made knowing that the indicator's own definition excludes the number
OVERRIDE = "set!"
#: ``add`` made knowing the same (an added number is checked as a set one is)
ADD_OVERRIDE = "add!"
#: the number is a statistic no catalogue indicator fits: it needs a new one
NEW = "new"
ACTIONS = ("confirm", "set", "exclude", "add", "unname", OVERRIDE, ADD_OVERRIDE, NEW)
#: How a ``new`` decision's review mark gives the name the reviewer proposed.
PROPOSED = "新指标 "
#: How a ``set!``/``add!`` decision's review mark says what of the indicator's definition
#: excludes the number (:func:`against_definition`): the brief marks it ✎! with it.
AGAINST = "违背定义 "
QUALIFIERS = ("exact", "at_least", "at_most", "approx")
KEY = ["char_start", "text"]
DECISION = ["action", "indicator_id", "value", "unit", "qualifier", "note", "reviewer",
            "date"]
#: What extraction read, shown to the reviewer (refreshed by ``rol review``).
FOUND = ["measure", "found_indicator_id", "candidates", "found_value", "found_unit",
         "found_qualifier", "sentence", "ocr_check", "stale"]
COLUMNS = KEY + FOUND + DECISION
SEP = " | "
ORIGINAL = "原读作 "
#: How an original reading says the number was a part of a total (``X 的部分``, as the
#: worksheet's candidates cell says it).
PART_MARK = " 的部分"


def review_file(root, region: str, year: int) -> Path:
    """``<root>/data/reviews/<region>/<year>.csv``."""
    return Path(root) / "data" / "reviews" / region / f"{year}.csv"


@dataclass
class Decision:
    """One decided row of a review file."""

    line: int  # line number in the CSV file (header = 1)
    char_start: int | None  # None: an add row to be found by its text (locate)
    text: str
    action: str
    indicator_id: str
    value: float | None
    unit: str
    qualifier: str
    note: str
    reviewer: str
    date: str
    #: words around the number (the ``sentence`` cell of an ``add`` row given without
    #: a ``char_start``), to tell apart several places that read the same
    context: str = ""
    #: ``set!``/``add!``: a ``set``/``add`` the reviewer made knowing that the
    #: indicator's own definition (its kind or its exclude rules,
    #: :func:`outside_definition`) excludes the number
    forced: bool = False
    #: ``new``: the name the reviewer proposes for the indicator the number needs ("")
    proposed: str = ""

    @property
    def key(self) -> tuple[int, str]:
        return self.char_start, self.text

    def mark(self) -> str:
        """The ``review`` column: ``action | reviewer``.

        ``unname`` is a correction of the name, marked ``set`` so that the brief (✎ and
        its footnote), the index and the panel count it with the other corrections.
        """
        action = "set" if self.action == "unname" else self.action
        return f"{action}{SEP}{self.reviewer or '?'}"

    @property
    def written(self) -> str:
        """The action as the worksheet writes it (``set!``/``add!`` when forced)."""
        return f"{self.action}!" if self.forced else self.action


#: A review's value: ASCII digits, commas only between groups of three, an optional
#: decimal part and sign (a sign is refused later, with the indicator's range).
_PLAIN = re.compile(r"-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")


# A number as a review row's text writes it: qualifier, digits or numerals, 余/多, scale.
_NUMBER_HEAD_RE = re.compile(
    r"^(?:大约|约|将近|接近|近|不足|不到|不低于|不少于|不超过|不高于|高于|低于|少于|超过|逾|"
    r"多达|突破|超|至少|最少|至多|最多|最长)?"
    r"[0-9０-９,，.．零〇一二两三四五六七八九十百千万亿点]+(?:余|多)?(?:千万|百万|十万|万|亿|千)?"
    r"(?:余|多)?")
_NUMBER_TAIL_RE = re.compile(r"(?:以上|以下|以内|左右|上下|\+)$")


#: Words of rank between a number and what it counts (十大亮点, 百强县, 十佳): no
#: counting word.
_RANK = "大强佳"
_RANK_RE = re.compile(f"^[{_RANK}](?=[\u4e00-\u9fff]|$)")


def counting_word(text: str) -> str:
    """The counting word a review row's ``text`` writes after its number, ``""`` if none.

    ``849件`` -> ``件``, ``3.27亿元`` -> ``元`` (the scale is the value's), ``8600余人`` ->
    ``人``, ``96.4%`` and ``百分之九十`` -> ``%``, ``2号`` and ``2号文件`` -> ``号``,
    ``三大类`` -> ``类``, ``2595`` -> ``""``; ``""`` too when the number is part of a
    range or a code (``3-5件``, ``5G``), or when a word of rank follows it with no
    counting word (``10大亮点``, ``50强``: a bare count, as the extractor reads it).

    Examples
    --------
    >>> counting_word("1.2万人次")
    '人次'
    """
    from .mentions import UNITS, find_mentions, number_context
    from .normalize import normalize

    compact = normalize(text).text
    found = [m for m in find_mentions(compact) if m.start == 0 and m.unit]
    if found:
        # the extractor's own reading: 3个部门 counts in 个, 1,020人次 in 人次
        return found[0].unit
    if "分之" in compact:
        return "%"
    head = _NUMBER_HEAD_RE.match(compact)
    if head is None or not head.group():
        return ""
    if number_context(compact, 0, head.end()) not in ("", "date"):
        # 3-5件, 5G: the text is no one number followed by its counting word (a date's
        # 年 is one: 连续12年's text is 12年)
        return ""
    tail = _NUMBER_TAIL_RE.sub("", compact[head.end():])
    # 十大亮点, 50强: an adjective of rank, then the thing counted, with no counting word
    # (the extractor reads no unit there either); 三大类 counts in the 类 after it
    ranked = _RANK_RE.sub("", tail)
    unit = next((u for u in UNITS if ranked.startswith(u)), "")
    if unit or ranked != tail or not tail[:1].isalpha():
        return unit
    # a counting word is one character unless the extractor knows it (UNITS): 2号文件
    # counts in 号, not in 号文件
    return tail[:1]


def _meant_id(typed: str, offered: str, cat) -> str:
    """``Did you mean 'x' (中文名)? `` for a mistyped ``indicator_id``, or "".

    Trial 5 F7: a mistyped action got a suggestion, a mistyped id (long and easy to
    mistype) none. The ids in the row's ``candidates`` cell come first: the reviewer
    most likely copied from there. An indicator's Chinese name written for its id is
    matched too.
    """
    import difflib

    by_zh = {ind.zh_name: iid for iid, ind in cat.indicators.items()}
    if typed in by_zh:
        near = [by_zh[typed]]
    else:
        cell = [i for i in re.findall(r"[a-z][a-z0-9_]*", offered) if i in cat.indicators]
        near = (difflib.get_close_matches(typed.lower(), dict.fromkeys(cell), n=1, cutoff=0.6)
                or difflib.get_close_matches(typed.lower(), list(cat.indicators), n=2,
                                             cutoff=0.75)
                or [by_zh[z] for z in difflib.get_close_matches(typed, by_zh, n=1,
                                                                 cutoff=0.6)])
    if not near:
        return ""
    return "Did you mean " + " or ".join(
        f"{i!r} ({cat.indicators[i].zh_name})" for i in near) + "? "


def _bad(path, line, problem, fix) -> InputError:
    return InputError(f"{path}, row {line}: {problem}. {fix}")


def _check_proposed(path, line, proposed: str, value, unit: str, qualifier: str,
                    cat) -> None:
    """Refuse a ``new`` row that changes the reading or proposes a name the catalogue
    has already (that number wants a ``set``, not a new indicator)."""
    if value is not None or unit or qualifier:
        raise _bad(path, line, "new keeps the number as read; value, unit and qualifier "
                   "must be empty",
                   "Empty them, and write the name you propose for the new indicator (in "
                   f"Chinese, optional) in indicator_id. {_FIX_ROW}")
    if SEP.strip() in proposed:
        raise _bad(path, line, "the proposed name contains '|'",
                   f"Write the name without it. {_FIX_ROW}")
    have = cat.indicators.get(proposed) or next(
        (i for i in cat.indicators.values() if i.zh_name == proposed), None)
    if have is not None:
        raise _bad(path, line, f"the proposed name {proposed!r} is the catalogue's indicator "
                   f"{have.id} ({have.zh_name}) already",
                   f"If the number is that indicator's, write set with indicator_id "
                   f"{have.id}; if it needs another, propose another name. {_FIX_ROW}")


def _all(path, problems: list[tuple[int, str]]) -> InputError:
    """One error for every problem found in a review file, ``(line, message)`` each
    (the message names its row), listed in the file's order."""
    messages = [m for _, m in sorted(problems, key=lambda p: p[0])]
    if len(messages) == 1:
        return InputError(messages[0])
    listed = "\n".join(f"  - {p}" for p in messages)
    n = len({line for line, _ in problems})  # _unmet may name one row twice
    rows = "rows need" if n > 1 else "row needs"
    return InputError(f"{path}: {n} {rows} correcting (all are listed; correct them all, "
                      f"then build again):\n{listed}")


def decode(data: bytes, path) -> tuple[str, str]:
    """A review file's text and the encoding it was read in.

    The encodings ``regions.csv`` takes (:func:`reading.decode_text`: UTF-8 with or
    without BOM, UTF-16 with BOM, GB18030/GBK), since a worksheet opened in Excel on a
    Chinese Windows is saved as GBK by its plain "CSV" choice. Line breaks are
    universal newlines, as a text-mode read gives them (a note typed on two lines).

    Raises
    ------
    InputError
        The bytes are in no encoding that can be established, naming the file and how
        to save it.
    """
    from .reading import decode_text

    text, encoding = decode_text(
        data, Path(path), fix="Open it in Excel or WPS and save it as 'CSV UTF-8' (GBK/"
        "GB18030 and UTF-16 with a byte-order mark are read too), then build again.")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def sheet_rows(path) -> list[dict]:
    """A review file's rows as dicts of its cells (:func:`decode`: GBK too), header
    cells and values stripped, for what reads the worksheet's other columns
    (``rol review`` keeping them, ``rol catalogue suggest`` learning from it)."""
    path = Path(path)
    text = decode(_file_bytes(path), path)[0]
    # headers stripped as read() strips them: a header cell saved as "action " would
    # otherwise lose every decision in a rewritten file
    return [{k.strip(): (v or "").strip() for k, v in r.items() if k}
            for r in csv.DictReader(io.StringIO(text, newline=""))]


def _file_bytes(path: Path) -> bytes:
    """The review file's bytes, read once: what is checked, applied and digested."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}).") from None


def read(path, catalogue=None) -> list[Decision]:
    """The decided rows of a review file (rows with an empty ``action`` and no other
    decision cell filled are skipped; with one, :func:`_undecided` refuses them).

    Raises
    ------
    InputError
        A malformed file: missing columns, an unknown action, an action in another
        column or decision cells with no action, a value that is not a
        number, an unknown indicator or qualifier, two decisions on one number. The
        message names the file, every bad row and its fix.
    """
    path = Path(path)
    decisions, problems = _parse(path, _file_bytes(path), catalogue)
    if problems:
        raise _all(path, problems)
    return decisions


def _rows(path: Path, data: bytes) -> list[list[str]]:
    """The cells of a review file's ``data``, the header checked.

    Raises
    ------
    InputError
        The file cannot be decoded (:func:`decode`), or its header lacks a key or
        decision column.
    """
    rows = list(csv.reader(io.StringIO(decode(data, path)[0], newline="")))
    head = [h.strip() for h in rows[0]] if rows else KEY + DECISION
    missing = [c for c in KEY + DECISION if c not in head]
    if missing:
        raise InputError(f"{path}: the columns {', '.join(missing)} are missing. Keep the "
                         "header `rol review` writes (run it again to refresh the file; "
                         "decisions already made are kept).")
    return rows


#: Decision cells that say a row was decided: filled with an empty ``action``, the row is
#: refused, not skipped (a ``note`` on an undecided row is a reviewer's remark).
_DECIDING = ("indicator_id", "value", "unit", "qualifier", "reviewer", "date")


def _undecided(path, line, head: list[str], raw: list[str], row: dict) -> None:
    """Refuse a row with an empty ``action`` that holds a decision all the same.

    Raises
    ------
    InputError
        An action word in another column (``confirm`` in ``ocr_check``: a cell pasted
        one column off), cells beyond the header's columns (a row shifted right), or
        decision cells filled with no action: a row with content is applied or refused,
        never skipped without a word.
    """
    for col, cell in row.items():
        if col != "action" and cell.lower() in ACTIONS:
            raise _bad(path, line, f"the action {cell!r} is in the {col} column and the "
                       "action column is empty, so the row decides nothing",
                       f"Move {cell!r} to the action column (column {head.index('action') + 1}"
                       f", after stale) and empty {col}. {_FIX_ROW}")
    extra = [c.strip() for c in raw[len(head):] if c.strip()]
    if extra:
        raise _bad(path, line, f"the row has {len(head) + len(extra)} or more cells, the "
                   f"header {len(head)}: {', '.join(map(repr, extra))} stand beyond the "
                   "last column, so the row's cells are shifted and it decides nothing",
                   "Delete the cell that was inserted so that each value stands under its "
                   f"column (the action under action). {_FIX_ROW}")
    filled = [c for c in _DECIDING if row.get(c)]
    if filled:
        raise _bad(path, line, f"{', '.join(filled)} filled in but action is empty, so "
                   "the row decides nothing",
                   f"Write the action ({', '.join(ACTIONS)}) in action, or empty "
                   f"{', '.join(filled)} to leave the number undecided. {_FIX_ROW}")


def _parse(path: Path, data: bytes, catalogue=None) -> tuple[list[Decision],
                                                              list[tuple[int, str]]]:
    """The decided rows of a review file's ``data``, and the bad rows' problems.

    Returns
    -------
    (decisions, problems)
        The rows that are well formed, and ``(line, message)`` for each that is not
        (:func:`read` raises them; :func:`apply_file` lists them with the problems
        found when the others are applied, in one message).

    Raises
    ------
    InputError
        The file as a whole cannot be read: in no encoding :func:`decode` takes, or
        the header lacks columns.
    """
    from .catalogue import load

    cat = catalogue or load()
    rows = _rows(path, data)
    if not rows:
        return [], []
    head = [h.strip() for h in rows[0]]
    out, seen, problems = [], {}, []
    for n, raw in enumerate(rows[1:], start=2):
        try:
            if not any(c.strip() for c in raw):
                continue
            row = {h: (raw[i].strip() if i < len(raw) else "") for i, h in enumerate(head)}
            # the raw text reads radicals as ideographs (reading): a text copied from an
            # older worksheet or from a PDF viewer still says ⼈ for 人
            for col in ("text", "sentence"):
                if col in row:
                    row[col] = radicals_to_ideographs(row[col])
            action = row["action"].lower()
            if not action:
                # a row with no action is undecided, but only if nothing of a decision is
                # in it: an action typed one column off, or the cells of a decision with
                # its action forgotten, were skipped without a word (trial 24)
                _undecided(path, n, head, raw, row)
                continue
            fix = _FIX_ROW
            # set! (add!) is a set (an add) in every way but one: the definition's kind
            # and exclude rules are not held against it (outside_definition)
            forced = action in (OVERRIDE, ADD_OVERRIDE)
            if action not in ACTIONS:
                import difflib

                near = difflib.get_close_matches(action, ACTIONS, n=1)
                meant = f"Did you mean {near[0]!r}? " if near else ""
                raise _bad(path, n, f"unknown action {row['action']!r}",
                           f"{meant}Use one of {', '.join(ACTIONS)}, or leave it empty. {fix}")
            if forced:
                action = action.removesuffix("!")
            try:
                if action == "add" and not row["char_start"]:
                    start = None  # found by its text when applied (locate)
                elif not row["char_start"].isascii() or not row["char_start"].isdigit():
                    raise ValueError  # int() would take "1_0", " ٣" and "+3"
                else:
                    start = int(row["char_start"])
            except ValueError:
                raise _bad(path, n, f"char_start {row['char_start']!r} is not a position in "
                           "the raw text", f"Give the 0-based character offset. {fix}") from None
            if not row["text"]:
                raise _bad(path, n, "text is empty",
                           f"Give the number as the raw text has it. {fix}")
            value = None
            if row["value"]:
                # float() would also read 1e3, 5_5, nan, inf and full-width digits: a value
                # is written as the report's figure, a plain decimal number
                if not _PLAIN.fullmatch(row["value"]):
                    raise _bad(path, n, f"value {row['value']!r} is not a plain decimal number",
                               "Write digits with an optional decimal point, e.g. 849, 1,250 "
                               "or 95.87 (the unit goes in unit; no exponent, no _, no "
                               f"full-width digits). {fix}")
                value = float(row["value"].replace(",", ""))
            iid, qualifier = row["indicator_id"], row["qualifier"].lower()
            proposed = ""
            if action == NEW:
                # the indicator_id cell holds the name proposed for the indicator to write
                proposed, iid = iid, ""
                _check_proposed(path, n, proposed, value, row["unit"], qualifier, cat)
            if iid and iid not in cat.indicators:
                raise _bad(path, n, f"indicator_id {iid!r} is not in the catalogue",
                           f"{_meant_id(iid, row.get('candidates', ''), cat)}Use an id "
                           "from src/rol_analysis/catalogue/indicators.toml (or the row's "
                           f"candidates cell). {fix}")
            if qualifier and qualifier not in QUALIFIERS:
                raise _bad(path, n, f"qualifier {row['qualifier']!r} is unknown",
                           f"Use one of {', '.join(QUALIFIERS)}. {fix}")
            if SEP.strip() in row["reviewer"]:
                raise _bad(path, n, "reviewer contains '|'", f"Write the name without it. {fix}")
            if forced and action == "set" and not iid:
                raise _bad(path, n, "set! names no indicator",
                           "set! gives a number an indicator whose definition excludes it: "
                           "write the indicator_id, or use set to change only the reading. "
                           f"{fix}")
            if action == "set" and not (iid or value is not None or row["unit"] or qualifier):
                raise _bad(path, n, "set changes nothing",
                           f"Fill in the indicator_id, value, unit or qualifier to change. {fix}")
            if action == "unname" and (value is not None or row["unit"] or qualifier):
                raise _bad(path, n, "unname changes only the name; value, unit and "
                           "qualifier must be empty",
                           "Empty them (the number stays as read), or use set to change "
                           f"the reading instead. {fix}")
            if action == "add" and not (iid and value is not None and row["unit"]):
                raise _bad(path, n, "add needs indicator_id, value and unit",
                           f"Fill them in (qualifier defaults to exact). {fix}")
            # only a set's or an add's unit is compared: the extractor's reading of the
            # text (find_mentions) is not run for every confirm and exclude row
            word = (counting_word(row["text"])
                    if action in ("set", "add") and row["unit"] else "")
            if word and row["unit"] != word:
                # nothing else compares them: 2号 with unit 次 was published as 2次
                raise _bad(path, n, f"unit {row['unit']!r} is not the counting word of the "
                           f"text {row['text']!r}, which counts in {word!r}",
                           f"Write unit {word!r}, or, if the number you mean is another, "
                           f"correct text and char_start. {fix}")
            d = Decision(n, start, row["text"], action, iid, value, row["unit"], qualifier,
                         row["note"], row["reviewer"], row["date"],
                         row.get("sentence", "") if start is None else "", forced, proposed)
            if action == "add":
                # what the gate would refuse, checked here too so that it is listed with
                # the file's other bad rows (a set's depends on the number extracted)
                ind = cat.indicators[iid]
                bad = _misfit(d, ind, value, row["unit"], ind.kind, path)
                if bad is not None:
                    raise bad
            if start is None:
                out.append(d)  # its key is known once it is located
                continue
            if d.key in seen:
                raise _bad(path, n, f"a second decision on the number at {start} "
                           f"({row['text']!r}); row {seen[d.key]} decides it already",
                           f"Keep one of the two rows. {fix}")
            seen[d.key] = n
            out.append(d)
        except InputError as exc:
            # every bad row at once: fixing them one build at a time took three builds
            problems.append((n, exc.message))
    return out, problems


def fingerprint(path, pins=()) -> str | None:
    """What of a review file a build depends on: its decided rows, as a digest.

    The worksheet's other columns (what extraction read, candidates, sentences) and its
    undecided rows change nothing a build makes, so ``rol review`` refreshing them, or
    writing a worksheet nobody has filled in yet, leaves a brief current. So does
    ``rol review`` writing into an ``add`` row given by its text alone the
    ``char_start`` the build found for it (:func:`_pin`): the row is digested as the
    build placed it, by ``pins``. None when the file is missing or decides nothing
    (the same build as without it). The encoding it is saved in is no decision either.

    Parameters
    ----------
    path : path-like
        The region-year's review file (``data/reviews/<region>/<year>.csv``).
    pins : iterable of (text, sentence, char_start)
        Where the last build placed the ``add`` rows it found by their text
        (``report.json`` ``review_pins``, :func:`apply_file`): such a row still
        without a ``char_start`` is digested with the one it got, as the same row
        once ``rol review`` wrote it in.

    Returns
    -------
    str or None
        The SHA-256 hex digest of the sorted decided rows (key and decision columns, and
        the ``sentence`` cell of an ``add`` row given without a ``char_start`` that no
        pin places), or None.

    Raises
    ------
    InputError
        The file cannot be read as a worksheet (an encoding :func:`decode` does not
        take, missing columns): the build would refuse it with the same message, so
        ``rol list`` says that, not that its decisions changed.
    """
    path = Path(path)
    if not path.is_file():
        return None
    return _digest(_file_bytes(path), path, pins)


def _digest(data: bytes, path, pins=()) -> str | None:
    """:func:`fingerprint` of a review file's bytes."""
    import hashlib

    rows = _rows(Path(path), data)
    head = [h.strip() for h in rows[0]] if rows else []
    if not head:
        return None
    cols = [head.index(c) for c in KEY + DECISION]
    context = head.index("sentence") if "sentence" in head else None
    placed = {(str(text), str(sentence)): str(start) for text, sentence, start in pins}

    def cell(raw, i):
        return raw[i].strip() if i is not None and i < len(raw) else ""

    def key(raw):
        cells = [cell(raw, i) for i in cols]
        if cells[0]:
            return cells
        # an add row given by its text alone is placed by its sentence cell (locate);
        # placed by the build, it is the row rol review pins there
        where = (radicals_to_ideographs(cells[1]),
                 radicals_to_ideographs(cell(raw, context)))
        if where in placed:
            return [placed[where], *cells[1:]]
        return cells + [cell(raw, context)]

    decided = sorted(key(raw) for raw in rows[1:] if cell(raw, cols[len(KEY)]))
    if not decided:
        return None
    return hashlib.sha256(repr(decided).encode("utf-8")).hexdigest()


# ---------------------------------------------------------------------------- locating

def _spans(raw: str, text: str) -> list[int]:
    """Every start of ``text`` in ``raw`` that is a number of its own (not the 2件 of
    12件, the 5 of 5.5, the 3次 of 第3次, a date's 12 of 12月: the extractor's reading,
    :func:`mentions.number_context`)."""
    from .mentions import own_number_starts

    return own_number_starts(raw, text)


def _around(raw: str, start: int, end: int, width: int = 12) -> str:
    """The words around ``raw[start:end]``, on one line, for a message."""
    before = re.sub(r"\s+", " ", raw[max(0, start - width):start]).lstrip()
    after = re.sub(r"\s+", " ", raw[end:end + width]).rstrip()
    return f"…{before}【{raw[start:end]}】{after}…"


def _within(raw: str, start: int, end: int, context: str) -> bool:
    """Whether ``context`` (spaces and line breaks ignored) covers ``raw[start:end]``."""
    want = re.sub(r"\s+", "", context)
    lo, hi = max(0, start - len(want) - 200), min(len(raw), end + len(want) + 200)
    pos = [i for i in range(lo, hi) if not raw[i].isspace()]
    window = "".join(raw[i] for i in pos)
    at = window.find(want)
    while at >= 0:
        if pos[at] <= start and pos[at + len(want) - 1] >= end - 1:
            return True
        at = window.find(want, at + 1)
    return False


def locate(decisions: list[Decision], raw_text: str, path) -> list[Decision]:
    """The decisions with each ``add`` row given without a ``char_start`` placed where
    its ``text`` is in the raw text (the report as rol reads it: a .docx's or an .html
    page's decoded text, whose offsets no reviewer can count).

    The text must be there once as a number of its own; when it is there several
    times, the row's ``sentence`` cell (a few words around the number, copied from the
    report) must pick one.

    Parameters
    ----------
    decisions : list of Decision
        As :func:`read` returns them (an ``add`` row's unit, range and sign are
        checked there, :func:`_misfit`).
    raw_text : str
        The report's text as ``reading.read_report`` gives it.
    path : path-like
        The review file, for the messages.

    Returns
    -------
    list of Decision
        The same decisions in the same order, each with a ``char_start``.

    Raises
    ------
    InputError
        The text is not there, or is there several times and the words around it do not
        pick one (the message lists each place with its ``char_start`` and the words
        around it), or the place found is decided by another row already.
    """
    placed, problems = _locate(decisions, raw_text, path)
    if problems:
        raise _all(path, problems)
    return placed


def _locate(decisions: list[Decision], raw_text: str, path) -> tuple[
        list[Decision], list[tuple[int, str]]]:
    """:func:`locate`, with the rows it cannot place left out and their problems
    returned as ``(line, message)``, to be listed with the file's other bad rows."""
    from dataclasses import replace

    out, seen, problems = [], {d.key: d.line for d in decisions if d.char_start is not None}, []
    for d in decisions:
        if d.char_start is not None:
            out.append(d)
            continue
        where = f"{path}, row {d.line} (add {d.text!r}, no char_start)"
        fix = ("Copy the number as the report writes it (the text of `rol review`'s rows "
               "shows how), or give its char_start. Then build again (see "
               "data/reviews/README.md).")
        places = _spans(raw_text, d.text)
        if d.context:
            # spaces ignored, as _within ignores them: the worksheet's sentence cell is
            # the readable sentence (365天), the text the raw one (365 天)
            if re.sub(r"\s+", "", d.text) not in re.sub(r"\s+", "", d.context):
                problems.append((d.line, f"{where}: the words in sentence, {d.context!r}, do "
                                 f"not contain the text {d.text!r}. Copy a few words around "
                                 "the number, the number included, into sentence."))
                continue
            places = [p for p in places
                      if _within(raw_text, p, p + len(d.text), d.context)]
        if not places:
            said = f" with the words {d.context!r} around it" if d.context else ""
            problems.append((d.line, f"{where}: the report's text has no number {d.text!r}"
                             f"{said} (as rol reads the report: digits, units and spaces "
                             f"count). {fix}"))
            continue
        if len(places) > 1:
            listed = "; ".join(f"char_start {p} {_around(raw_text, p, p + len(d.text))}"
                               for p in places[:10])
            problems.append((d.line,
                f"{where}: the report's text has {d.text!r} at {len(places)} places: "
                f"{listed}. Write the char_start of the one you mean, or copy a few words "
                f"around it (the number included) into the row's sentence cell; then "
                f"build again (see data/reviews/README.md)."))
            continue
        placed = replace(d, char_start=places[0])
        if placed.key in seen:
            problems.append((d.line, f"{where}: the number it names, at char_start "
                             f"{places[0]}, is decided by row {seen[placed.key]} already. "
                             "Keep one of the two rows."))
            continue
        seen[placed.key] = d.line
        out.append(placed)
    return out, problems


# ---------------------------------------------------------------------------- applying


def _sentence_span(raw: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence of the raw text around ``start:end`` begins and ends."""
    stops = "。！？；\n"
    lo = max((raw.rfind(c, 0, start) for c in stops), default=-1) + 1
    his = [i for i in (raw.find(c, end) for c in stops) if i >= 0]
    return lo, min(his) + 1 if his else len(raw)


def _sentence_at(raw: str, start: int, end: int) -> str:
    """The sentence of the raw text around ``start:end`` (for an added number)."""
    lo, hi = _sentence_span(raw, start, end)
    return re.sub(r"\s+", " ", raw[lo:hi]).strip()


def _excluded(row: dict, d: Decision) -> dict:
    """What ``report.json`` keeps of a number the reviewer excluded (``row``: its
    mention): where it is, its sentence, what extraction read and the decision."""
    return {"char_start": d.char_start, "text": d.text,
            "sentence": str(row.get("sentence") or ""), "reading": _reading(row),
            "reviewer": d.reviewer or "?", "note": d.note, "date": d.date}


def _missing_or_empty(v) -> bool:
    """None, NaN (an empty cell read by pandas), <NA> (a nullable column's empty cell)
    or the empty string."""
    if isinstance(v, str):
        return v == ""
    # float() for the rest, not ``v == ""``: on <NA> that gives <NA>, whose truth value
    # raises. float() refuses None and <NA> alike (TypeError); what else it refuses is
    # no number either, and every caller reads a non-empty cell with float()
    try:
        return math.isnan(float(v))
    except TypeError:
        return True


def _reading(row: dict) -> str:
    """What extraction read, for the brief's footnote: ``849 件 · disputes_mediated``,
    ``20.86 天 · approval_time_limit 的部分`` for a part (trial 5 F10: a part un-named
    by a reviewer kept only 未归入指标, losing whose part it was)."""
    v = row.get("value")
    num = "" if _missing_or_empty(v) else _num(v)
    q = {"at_least": "≥", "at_most": "≤", "approx": "≈"}.get(row.get("qualifier") or "", "")
    whole = row.get("part_of")
    what = row.get("indicator_id") or (f"{whole}{PART_MARK}" if isinstance(whole, str)
                                       and whole else "未归入指标")
    return f"{q}{num} {row.get('unit') or ''}".strip() + f" · {what}"


def _num(v: float) -> str:
    """A value as the reviewer wrote it: ``3``, not ``3.0``."""
    return f"{v:g}" if not float(v).is_integer() else f"{int(v)}"


#: How a problem of one review row ends.
_FIX_ROW = "Correct the row and build again (see data/reviews/README.md)."


def _row(path, d: Decision) -> str:
    """How a message names a review row: ``<file>, row N (<action> at char_start C,
    '<text>')``, without the offset for an add row that has none."""
    at = f"at char_start {d.char_start}, " if d.char_start is not None else ""
    return f"{path}, row {d.line} ({d.written} {at}{d.text!r})"


def _misfit(d: Decision, ind, value, unit: str, kind: str, path) -> InputError | None:
    """Why the validation gate would refuse a decided number, said of its review row.

    The gate (``expectations/``) checks an indicator's unit against the catalogue's
    ``units``, counts for whole numbers and counts and amounts for a sign; a reviewer's
    ``set`` or ``add`` failing one of these would otherwise fail the build with a
    message that blames the report. The same checks, made when the decision is applied,
    name the review row instead. The ``min``/``max`` range is not checked: on a number
    a reviewer named, the gate makes its failure a warning in the brief.

    Parameters
    ----------
    d : Decision
    ind : catalogue.Indicator or None
        The number's indicator after the decision (None: still unnamed).
    value : float or None
    unit, kind : str
        The number's unit and kind after the decision.
    path : path-like
        The review file, for the message.
    """
    from .measure import DURATION_UNITS

    where, fix = _row(path, d), _FIX_ROW
    catalogue_file = "src/rol_analysis/catalogue/indicators.toml"
    if ind is not None and unit not in ind.units:
        takes = "、".join(ind.units)
        verb = "counts" if ind.kind == "count" else "is stated in"
        if unit and counting_word(d.text) == unit:
            # the text's own counting word: writing another unit is refused by the
            # unit check (read), so it is not offered here (the two sent a reviewer
            # back and forth: 120次 for legality_reviews)
            return InputError(
                f"{where}: {ind.id} ({ind.zh_name}) {verb} {takes}, not {unit}, and the "
                f"text {d.text!r} counts in {unit}, so its unit stays {unit}: {ind.id} "
                f"does not take this number. Pick an indicator that counts {unit} (the "
                f"worksheet's candidates column lists the ones the matcher considered "
                f"and some of similar wording that take {unit}), or leave the number "
                f"unnamed; or, if {ind.id}'s definition covers a count in {unit}, add "
                f"\"{unit}\" to its units in {catalogue_file} (the [[indicator]] with "
                f"id = \"{ind.id}\"). {fix}")
        return InputError(
            f"{where}: {ind.id} ({ind.zh_name}) {verb} {takes}; this number is "
            f"{unit or 'without a unit'}. Pick an indicator that counts {unit or 'it'} "
            f"(the worksheet's candidates column lists the ones the matcher considered), "
            f"or, if the report means {takes}, write that unit; or widen {ind.id}'s units "
            f"in {catalogue_file}. {fix}")
    if _missing_or_empty(value):
        return None
    # unnamed, only a count or an amount must not be negative (the gate's
    # mentions.nonnegative): a fall stated as a change (下降5%) may be
    if value < 0 and (kind in ("count", "amount") if ind is None else ind.min >= 0):
        return InputError(
            f"{where}: the value {_num(value)} is negative; a count or an amount never "
            f"is. Write the figure the report states, without "
            f"a sign (a fall is a change indicator's). {fix}")
    if ind is None:
        return None
    # A value outside the catalogue's min/max is not refused: the reviewer read it in
    # the report, and the gate publishes a reviewed number's range failure as a warning
    # in the brief (validate._reviewed_only; trial 4 F2).
    if (ind.kind == "count" and not set(ind.units) <= DURATION_UNITS
            and not float(value).is_integer()):
        return InputError(
            f"{where}: the value {_num(value)} is not a whole number, and {ind.id} is a "
            f"count. Check the value, or pick an indicator that is not a count. {fix}")
    return None


#: How a message says what a number of each kind is.
_KIND_SAID = {"count": "a count", "amount": "an amount of money (元)",
              "rate": "a rate (a level in %)",
              "change": "a change (a difference from an earlier figure: 同比增长…, 减少…)"}


def kind_after(kind: str, unit: str) -> str:
    """A number's kind once a decision gave it ``unit`` (``""``: its unit as read):
    a change stays a change (增长12%, 减少83起), a level is a rate in %, an amount in
    元, else a count (as extraction reads it, mentions._kind)."""
    if kind == "change" or not unit:
        return kind
    return {"%": "rate", "元": "amount"}.get(unit, "count")


#: A number's kind, as the brief's note on a ``set!``/``add!`` says it.
_KIND_ZH = {"count": "数量", "amount": "金额", "rate": "比率", "change": "变化"}


def outside_definition(ind, kind: str, unit: str, measure: str, marked: str,
                       note: bool = False) -> str:
    """Which part of ``ind``'s own definition excludes a number, ``""`` when none does.

    Its units are checked apart (:func:`_misfit`: the validation gate refuses a unit
    the indicator does not take). What is checked here is what the matcher holds
    against an indicator before naming a number with it, from the catalogue alone:

    - its ``kind``: a change (同比增长12%) is no rate, a count's change (同比减少83起)
      no count;
    - its ``exclude`` rules, searched where the matcher searches them
      (matcher.scored): the number's clause (the quoted names of earlier list items
      aside, :func:`matcher.exclude_scope`) and its measure label, and for a rate or a
      time limit the words before it in its sentence.

    Parameters
    ----------
    ind : catalogue.Indicator
    kind, unit : str
        The number's kind and unit after the decision (:func:`kind_after`).
    measure : str
        The number's measure label (``mentions.measure``).
    marked : str
        Its sentence with the number replaced by ``#`` (:func:`suggest.marked_sentences`;
        ``""`` when not known: the exclude rules are then not searched).
    note : bool
        Say it as the brief's short note on a ``set!``/``add!`` (Chinese, then English
        in brackets: ``含排除词“新聘” (exclude word “新聘”)``), not as a message.

    Returns
    -------
    str
        The reason, as a message says it (``""``: the definition takes the number).
    """
    if kind and kind != ind.kind:
        if note:
            return (f"此数为{_KIND_ZH.get(kind, kind)}，指标为{_KIND_ZH.get(ind.kind, ind.kind)}"
                    f" (a {kind}; the indicator is a {ind.kind})")
        return (f"by kind: {ind.id} is {_KIND_SAID.get(ind.kind, ind.kind)}, and this "
                f"number is {_KIND_SAID.get(kind, kind)}")
    at = marked.find("#")
    if not ind.exclude or at < 0:
        return ""
    from .matcher import exclude_scope
    from .measure import DURATION_UNITS
    from .suggest import marked_clause

    clause = marked_clause(marked)
    places = [("its clause", exclude_scope(clause)),
              ("its measure", measure.removeprefix("其中"))]
    if at > 0 and (unit in DURATION_UNITS or kind == "rate"):
        # a rate's object, a time limit's procedure: often named before its clause
        places.append(("the words before it", marked[:at]))
    for pattern in ind.exclude:
        for where, words in places:
            if words and (m := re.search(pattern, words)):
                if note:
                    return f"含排除词“{m.group()}” (exclude word “{m.group()}”)"
                return (f"by its exclude rule {pattern!r} (what {ind.id} does not "
                        f"count), found as {m.group()!r} in {where}, {words!r}")
    return ""


def _contradiction(d: Decision, ind, why: str, path) -> str:
    """The message for a ``set`` or ``add`` whose indicator's own definition excludes
    its number (:func:`outside_definition`)."""
    catalogue_file = "src/rol_analysis/catalogue/indicators.toml"
    said = ind.definition.strip().splitlines()[0].strip(" \\") if ind.definition else ""
    field_ = "kind" if why.startswith("by kind") else "exclude"
    if d.action == "add":
        # a number the extractor missed has no candidates cell, and a new decision is
        # about an extracted number
        other = "Pick another indicator, one whose definition takes the number; "
        named = "the number is added as with add"
    else:
        other = ("Pick another indicator (the worksheet's candidates column lists the ones "
                 f"the matcher considered); if none fits, write {NEW} in action (and, in "
                 "indicator_id, the name you propose for a new indicator): the number stays "
                 "unnamed and `rol catalogue suggest` lists it first; ")
        named = "the number is named, and `rol catalogue suggest` proposes no alias from it"
    return (f"{_row(path, d)}: the definition of {ind.id} ({ind.zh_name}) excludes this "
            f"number: {why}" + (f". It reads: {said}" if said else "") + ". "
            f"{other}if the definition of "
            f"{ind.id} is too narrow, widen its {field_} in {catalogue_file} (the "
            f"[[indicator]] with id = \"{ind.id}\"); or, if you are sure the number is "
            f"{ind.id}'s as its definition stands, write {d.action}! instead of {d.action} "
            f"in action ({named}; the brief marks it ✎!, saying what of the definition "
            "excludes it). "
            f"{_FIX_ROW}")


def _against(d: Decision, readings: list[dict], ind, marked, note: bool = False) -> str:
    """What of ``ind``'s definition excludes every reading of a ``set`` decision's
    number whose unit it takes, ``""`` when it takes one (:func:`outside_definition`;
    ``note``: as the brief's short note). ``marked()`` gives the number's marked
    sentence, worked out only when an exclude rule is to be searched."""
    fit = [now for now in readings if (d.unit or str(now.get("unit") or "")) in ind.units]
    if not fit or fit != readings:
        return ""
    # the kind before the sign: a fall set to a rate is a change, not a negative rate
    sentence = marked() if ind.exclude else ""
    why = [outside_definition(ind, kind_after(str(now.get("kind") or ""), d.unit),
                              d.unit or str(now.get("unit") or ""),
                              str(now.get("measure") or ""), sentence, note)
           for now in fit]
    return why[0] if all(why) else ""


def _added_against(d: Decision, ind, raw: str, note: bool = False) -> str:
    """What of ``ind``'s definition excludes the number an ``add`` decision adds at its
    ``char_start`` of the raw text, ``""`` when nothing does: the checks of a ``set``
    (:func:`outside_definition`), on the kind the extractor would give the number there
    (a change after 同比增长) and its clause; it has no measure label."""
    from .mentions import _kind
    from .normalize import compact

    end = d.char_start + len(d.text)
    kind = _kind(raw, d.char_start, d.unit, d.value or 0.0)[0]
    lo, hi = _sentence_span(raw, d.char_start, end)
    marked = compact(raw[lo:d.char_start]) + "#" + compact(raw[end:hi])
    return outside_definition(ind, kind, d.unit, "", marked, note)


def _set_problem(d: Decision, readings: list[dict], cat, path, marked) -> str | None:
    """Why a ``set`` decision cannot be applied to its number's ``readings`` (its rows of
    the mentions table, as extraction read them), or None.

    For a ``set`` that names an indicator (not ``set!``), the indicator's definition
    (:func:`outside_definition`) must take at least one reading of the number whose
    unit it takes; then the validation gate's checks (:func:`_misfit`: the unit first,
    a sign, a fraction). ``marked()`` gives the number's marked sentence, worked out
    only when an exclude rule is to be searched.
    """
    ind = cat.indicators[d.indicator_id] if d.indicator_id else None
    if ind is not None and not d.forced and (why := _against(d, readings, ind, marked)):
        return _contradiction(d, ind, why, path)
    bad = None
    for now in readings:
        iid = d.indicator_id or now["indicator_id"]
        ind = cat.indicators.get(iid) if iid else None
        bad = bad or _misfit(d, ind, d.value if d.value is not None else now["value"],
                             d.unit or now["unit"], ind.kind if ind else now["kind"], path)
    return bad.message if bad is not None else None


def _marked_at(mentions, start: int) -> str:
    """The sentence of the number at ``start`` in ``mentions`` (a table), the number
    replaced by ``#`` (:func:`suggest.marked_sentences`)."""
    from .suggest import marked_sentences

    rec = mentions[mentions["char_start"].astype(int) == start]
    if not len(rec):
        return ""
    same = mentions[mentions["sentence"] == rec["sentence"].iloc[0]]
    return marked_sentences(same.to_dict("records")).get(str(start), "")


def _set_problems(decisions: list[Decision], mentions, cat, path,
                  raw: str = "") -> list[tuple[int, str]]:
    """:func:`_set_problem` of every ``set`` decision whose number ``mentions`` (the
    extraction before any decision) holds at its key, and the definition check of every
    ``add`` (not ``add!``) placed in the ``raw`` text where extraction found no number
    (:func:`_added_against`), as ``(line, message)``: what ``rol review`` reports
    without writing the worksheet, as the build would."""
    at: dict[tuple[int, str], list[dict]] = {}
    for rec in mentions.to_dict("records"):
        at.setdefault((int(rec["char_start"]), rec["text"]), []).append(rec)
    problems = []
    for d in decisions:
        if (d.action == "add" and raw and not d.forced and d.char_start is not None
                and d.key not in at
                and raw[d.char_start:d.char_start + len(d.text)] == d.text):
            ind = cat.indicators[d.indicator_id]
            if why := _added_against(d, ind, raw):
                problems.append((d.line, _contradiction(d, ind, why, path)))
            continue
        if d.action != "set" or d.char_start is None or d.key not in at:
            continue
        why = _set_problem(d, at[d.key], cat, path,
                           lambda d=d: _marked_at(mentions, d.char_start))
        if why is not None:
            problems.append((d.line, why))
    return problems


def _unmet(indicators, decisions: list[Decision], cat, path) -> list[tuple[int, str]]:
    """The gate relations (a part never above its whole: ``le`` pairs, a ratio's
    numerator and denominator) that reviewers' ``set`` or ``add`` rows break, as
    ``(line, message)``.

    The gate would refuse the build with the report's figures named; the decided
    number's row is named instead. A relation the extracted numbers alone break is
    the gate's to report (no reviewer made it).
    """
    from .suites import _le_rules  # the gate's own pairs, so the two never disagree

    decided = {d.key: d for d in decisions if d.action in ("set", "add")}
    rows = {r["indicator_id"]: r for r in indicators.to_dict("records")}
    problems = []
    for severity, exp in _le_rules(cat):
        if severity != "gate":
            continue
        left, right = exp["kwargs"]["column_B"], exp["kwargs"]["column_A"]
        a, b = rows.get(left), rows.get(right)
        if a is None or b is None or _missing_or_empty(a["value"]) or _missing_or_empty(b["value"]):
            continue
        if float(a["value"]) <= float(b["value"]):
            continue
        mine = [r for r in (a, b) if (int(r["char_start"]), r["text"]) in decided]
        if not mine:
            continue
        d = decided[(int(mine[0]["char_start"]), mine[0]["text"])]
        sides = []
        for iid, r in ((left, a), (right, b)):
            where = ("this row" if r is mine[0] else
                     f"char_start {int(r['char_start'])}, {r['text']!r}")
            sides.append(f"{iid} ({cat.indicators[iid].zh_name}) {_num(r['value'])} "
                         f"{r['unit']} ({where})")
        problems.append((d.line,
            f"{_row(path, d)}: with it {sides[0]} is above {sides[1]}; the validation gate "
            f"refuses that ({exp['meta']['en']}). Check the value and indicator of both "
            f"numbers: a part is never above its whole. {_FIX_ROW}"))
    return problems


def _unfit_parts(mentions, indicators, decisions: list[Decision], cat,
                 path) -> list[tuple[int, str]]:
    """The ``unname`` rows with an ``indicator_id`` (the number made a part of that
    total) that put the part above its total, as ``(line, message)``.

    A total the report does not state is no refusal: a part's ``part_of`` names the
    total's indicator whether or not the report states it (the gold's convention,
    tests/data/dev/README.md "Parts", and what extraction itself records for parallel
    items with no total). Where the report states it, the part is compared with it as
    the brief's part/whole checks compare them (:func:`ratios.part_whole`: the same
    unit, counts or amounts, a qualified figure only uncertain), so a decision the
    brief would show as a violated check is refused here, naming its row.
    """
    from .ratios import part_whole
    from .statuses import CHECK_VIOLATED

    parts = {d.char_start: d for d in decisions if d.action == "unname" and d.indicator_id}
    if not parts:
        return []
    problems = []
    mine = mentions[mentions["char_start"].isin(list(parts))]
    whole_of = {r["indicator_id"]: r for r in indicators.to_dict("records")}
    checks = part_whole(indicators, cat, mine)
    for rec in checks[checks["type"] == "part"].to_dict("records"):
        start = int(rec["check_id"].rsplit(".", 1)[1])
        d = parts.get(start)
        if d is None or rec["status"] != CHECK_VIOLATED:
            continue
        whole = whole_of[d.indicator_id]
        ind = cat.indicators[d.indicator_id]
        problems.append((d.line,
            f"{_row(path, d)}: as a part of {d.indicator_id} ({ind.zh_name}) it is "
            f"{_num(rec['left'])} {whole['unit']}, above that total, {_num(rec['right'])} "
            f"{whole['unit']} (char_start {int(whole['char_start'])}, {whole['text']!r}); a "
            f"part is never above its whole. Check that indicator_id names the total this "
            f"number is a part of, or leave it empty to leave the number unnamed. "
            f"{_FIX_ROW}"))
    return problems


def apply(extraction, raw_text: str, decisions: list[Decision], path, catalogue=None):
    """Apply reviewers' decisions to an extraction (in place) and return it.

    Parameters
    ----------
    extraction : extract.Extraction
        Step 01's tables (``mentions``/``indicators`` with a ``review`` column).
    raw_text : str
        The raw report's text, as extraction read it (the keys' offsets point into it).
    decisions : list of Decision
        As :func:`read` returns them (an ``add`` row's unit, range and sign are
        checked there, :func:`_misfit`).
    path : path-like
        The review file, for messages.

    Raises
    ------
    InputError
        Naming every row (one message, the extraction left as it was) whose key does
        not match the raw text at its position (the report was replaced or edited),
        that names a number extraction did not find (``confirm``/``set``/``exclude``)
        or did find (``add``), an ``add`` given by its text alone that is not found
        once (:func:`locate`), or a ``set`` whose number the validation gate would
        refuse: a unit its indicator does not take, a value outside the indicator's
        range, a negative count or amount, a fractional count (:func:`_misfit`), or a
        ``set``/``add`` that breaks a gate relation with another number
        (:func:`_unmet`), or an ``unname`` that makes its number a part of a total the
        report states and puts it above that total (:func:`_unfit_parts`).
    """
    problems = _apply(extraction, raw_text, decisions, path, catalogue)
    if problems:
        raise _all(path, problems)
    return extraction


def _untie(men, i: int) -> None:
    """Empty row ``i``'s ``candidates`` (the indicators the matcher left its number
    between): the reviewer decided it, so it is no tie (docs/design.md: empty for a named
    number), and next year's comparison no longer offers it as one."""
    if "candidates" in men.columns:
        men.iat[i, men.columns.get_loc("candidates")] = ""


def _apply(extraction, raw_text: str, decisions: list[Decision], path,
           catalogue=None) -> list[tuple[int, str]]:
    """:func:`apply`, returning the bad rows' problems as ``(line, message)``; the
    extraction is changed only when there is none."""
    import pandas as pd

    from .catalogue import load

    cat = catalogue or load()
    decisions, problems = _locate(decisions, raw_text, path)
    men = extraction.mentions.copy()
    if "review" not in men.columns:
        men["review"] = ""
    at = {}
    for i, (s, t) in enumerate(zip(men["char_start"], men["text"], strict=True)):
        at.setdefault((int(s), t), []).append(i)
    refresh = ("Run `rol review`: it moves a decision to its number's new char_start "
               "when the number and its sentence are found once in the new text, and "
               "marks the others stale in the worksheet's `stale` column, saying what "
               "to do (see data/reviews/README.md, \"When the report changes\"). Or "
               "correct char_start/text yourself.")
    drop, new_rows, excluded, applied = set(), [], [], []
    for d in decisions:
        found = raw_text[d.char_start:d.char_start + len(d.text)]
        if found != d.text:
            problems.append((d.line,
                f"{path}, row {d.line}: the raw report no longer has {d.text!r} at "
                f"char_start {d.char_start}; it has {found!r} there (the report was "
                f"replaced or edited). This {d.action} decision is not applied to any "
                f"other number. {refresh}"))
            continue
        rows = at.get(d.key, [])
        if d.action == "add":
            if rows:
                problems.append((d.line, f"{path}, row {d.line}: {d.text!r} at "
                                 f"{d.char_start} was extracted already; use set (or "
                                 "confirm) instead of add."))
                continue
            # its unit, range and sign were checked by read() (_misfit), with the
            # file's other malformed rows; its place in the text tells its kind and
            # clause, which the indicator's definition is held against, as a set's are
            ind = cat.indicators[d.indicator_id]
            against = _added_against(d, ind, raw_text, note=d.forced)
            if against and not d.forced:
                problems.append((d.line, _contradiction(d, ind, against, path)))
                continue
            new_rows.append({
                "region": men["region"].iloc[0] if len(men) else extraction.meta.get("region", ""),
                "year": extraction.meta.get("year"), "indicator_id": d.indicator_id,
                "value": d.value, "unit": d.unit, "qualifier": d.qualifier or "exact",
                "text": d.text, "char_start": d.char_start,
                "char_end": d.char_start + len(d.text),
                "sentence": _sentence_at(raw_text, d.char_start, d.char_start + len(d.text)),
                "section": ind.section, "kind": ind.kind, "scope": "annual",
                "page": None, "ocr_score": None,
                "review": d.mark() + (SEP + AGAINST + against if against else ""),
            })
            applied.append(d)
            continue
        if not rows:
            problems.append((d.line,
                f"{path}, row {d.line}: extraction found no number {d.text!r} at "
                f"char_start {d.char_start}, so there is nothing to {d.action}. To add a "
                f"number the extractor missed use add. {refresh}"))
            continue
        against = ""
        if d.action == "set":
            # every reading of the number is checked before any is changed
            readings = [men.iloc[i].to_dict() for i in rows]
            bad = _set_problem(d, readings, cat, path,
                               lambda d=d: _marked_at(men, d.char_start))
            if bad is not None:
                problems.append((d.line, bad))
                continue
            if d.forced and d.indicator_id:
                # what the reviewer overrode, for the brief's ✎! (its mark says it)
                against = _against(d, readings, cat.indicators[d.indicator_id],
                                   lambda d=d: _marked_at(men, d.char_start), note=True)
        applied.append(d)
        if d.action == NEW:
            for i in rows:
                mark = d.mark() + SEP + ORIGINAL + _reading(men.loc[men.index[i]].to_dict())
                men.iat[i, men.columns.get_loc("review")] = (
                    mark + (SEP + PROPOSED + d.proposed if d.proposed else ""))
                # no catalogue indicator fits it, not even as a part of one
                men.iat[i, men.columns.get_loc("indicator_id")] = ""
                if "part_of" in men.columns:
                    men.iat[i, men.columns.get_loc("part_of")] = ""
                _untie(men, i)
            continue
        if d.action == "unname":
            for i in rows:
                men.iat[i, men.columns.get_loc("review")] = (
                    d.mark() + SEP + ORIGINAL + _reading(men.loc[men.index[i]].to_dict()))
                men.iat[i, men.columns.get_loc("indicator_id")] = ""
                if "part_of" in men.columns:  # the total it is a part of, or none
                    men.iat[i, men.columns.get_loc("part_of")] = d.indicator_id
                _untie(men, i)
            continue
        if d.action == "exclude":
            drop.update(rows)
            excluded.append(_excluded(men.loc[men.index[rows[0]]].to_dict(), d))
            continue
        for i in rows:
            mark = d.mark()
            if d.action == "set":
                mark += SEP + ORIGINAL + _reading(men.loc[men.index[i]].to_dict())
                if d.indicator_id:
                    ind = cat.indicators[d.indicator_id]
                    men.iat[i, men.columns.get_loc("indicator_id")] = d.indicator_id
                    men.iat[i, men.columns.get_loc("kind")] = ind.kind
                    if "part_of" in men.columns:  # a named number is no part of another
                        men.iat[i, men.columns.get_loc("part_of")] = ""
                    _untie(men, i)
                if d.value is not None:
                    men.iat[i, men.columns.get_loc("value")] = d.value
                if d.unit:
                    men.iat[i, men.columns.get_loc("unit")] = d.unit
                if d.qualifier:
                    men.iat[i, men.columns.get_loc("qualifier")] = d.qualifier
                if against:
                    mark += SEP + AGAINST + against
            men.iat[i, men.columns.get_loc("review")] = mark
    if drop:
        men = men.drop(index=men.index[sorted(drop)])
    if new_rows:
        added = pd.DataFrame(new_rows).reindex(columns=men.columns)
        text_cols = [c for c in men.columns if c not in NUMBER_DTYPES]
        added[text_cols] = added[text_cols].astype(object).where(added[text_cols].notna(), "")
        men = pd.concat([men, _types(added)], ignore_index=True)
    # a set names every reading of its number the same: one row per name stays. The
    # unnamed readings of one number are figures of their own (按期公开率、知晓率均为100%)
    # and all stay, as extraction wrote them: a decision on any number dropped all but one
    named = men["indicator_id"].astype(str) != ""
    men = men[~(named & men.duplicated(["char_start", "indicator_id"], keep="first"))]
    men = men.sort_values(["char_start", "indicator_id"], kind="stable").reset_index(drop=True)
    men = _types(men)
    table = _indicators(men, extraction.indicators, cat)
    # with the rows that could be applied: a relation they break is listed with the
    # file's other bad rows, not found only once those are corrected
    problems += _unmet(table, applied, cat, path)
    problems += _unfit_parts(men, table, applied, cat, path)
    if problems:
        return problems
    extraction.mentions, extraction.indicators = men, table
    extraction.meta["n_mentions"] = len(extraction.mentions)
    if excluded:
        # gone from the tables, but a second reviewer must see what was dropped and why:
        # report.json carries them to the brief
        extraction.meta["excluded"] = sorted(excluded, key=lambda e: e["char_start"])
    extraction.meta["n_indicators"] = len(extraction.indicators)
    return []


def _types(df):
    """``df`` with the tables' column types (:data:`tables.NUMBER_DTYPES`; the rest text).

    A number column's empty cell is missing whichever way it came: "" (a row a decision
    added), None, NaN, or <NA> (a nullable column's, as ``pandas.read_parquet(...,
    dtype_backend="numpy_nullable")`` gives ``ocr_score`` of a text report)."""
    for col in df.columns:
        if col in NUMBER_DTYPES:
            cells = df[col].astype(object)
            empty = cells.isna() | (cells.astype(str) == "")
            df[col] = cells.where(~empty, None).astype(NUMBER_DTYPES[col])
        else:
            df[col] = df[col].fillna("").astype(str)
    return df


def _indicators(mentions, before, cat):
    """The indicators table after the decisions.

    An indicator keeps the row extraction chose unless that number was excluded or
    moved to another indicator; a number a reviewer decided on (set, add, confirm)
    is the indicator's row.
    """
    import pandas as pd

    cols = list(before.columns)
    if "review" not in cols:
        cols.append("review")
    pick = {}
    for rec in before.to_dict("records"):
        pick[rec["indicator_id"]] = (int(rec["char_start"]), rec["text"])
    by_key = {}
    for rec in mentions.to_dict("records"):
        if rec["indicator_id"]:
            by_key[(rec["indicator_id"], int(rec["char_start"]), rec["text"])] = rec
    chosen = {}
    for (iid, _, _), rec in by_key.items():
        if rec.get("review"):
            chosen[iid] = rec  # a reviewer's number wins
    for iid, (s, t) in pick.items():
        if iid not in chosen and (iid, s, t) in by_key:
            chosen[iid] = by_key[(iid, s, t)]
    for (iid, _, _), rec in by_key.items():
        chosen.setdefault(iid, rec)  # its extracted number was moved away or excluded
    rows = []
    for iid, ind in cat.indicators.items():
        if iid in chosen:
            r = chosen[iid]
            rows.append({**{k: r.get(k, "") for k in cols}, "zh_name": ind.zh_name,
                         "en_name": ind.en_name, "kind": ind.kind, "section": ind.section})
    return _types(pd.DataFrame(rows, columns=cols))


def _raw_text(extraction, raw) -> str:
    """The raw report's text: the one ``extraction`` read (``extract_file`` keeps it),
    else read now (an extraction of a text, not of a file)."""
    if extraction.text:
        return extraction.text
    from .reading import read_report

    return read_report(raw).text


def apply_file(extraction, paths, catalogue=None):
    """Apply ``data/reviews/<region>/<year>.csv`` to step 01's extraction, if it exists.

    Raises
    ------
    InputError
        Every bad row of the file in one message: those :func:`read` refuses and those
        :func:`apply` refuses, in the file's order.

    Notes
    -----
    The file is read once: its decisions and ``meta["review_fingerprint"]`` (its
    :func:`fingerprint` when it decides anything) come from the same bytes, so the
    tables correspond to one version of the file, and that version is known.
    """
    path = review_file(paths.root, paths.region, paths.year)
    if not path.is_file():
        return extraction
    data = _file_bytes(path)
    decisions, problems = _parse(path, data, catalogue)
    if decisions:
        raw_text = _raw_text(extraction, paths.raw)
        loose = {d.line: d for d in decisions if d.char_start is None}
        pins = [[d.text, loose[d.line].context, d.char_start]
                for d in _locate(decisions, raw_text, path)[0] if d.line in loose]
        # which version of the file the tables are made from, digested from the bytes
        # just parsed: a build compares it with the file when it publishes (the file
        # may be edited while the build runs) and records it (report.json), with where
        # it placed the add rows given by their text: `rol review` writing those places
        # into the file is the same version (fingerprint)
        extraction.meta["review_fingerprint"] = _digest(data, path, pins)
        if pins:
            extraction.meta["review_pins"] = pins
        # a malformed row and a stale one are listed in one message: each found only
        # after the other was corrected took a build per row
        problems += _apply(extraction, raw_text, decisions, path, catalogue)
    if problems:
        raise _all(path, problems)
    return extraction


#: The actions by which a reviewer decided a number's name (confirmed, set or added it).
NAMING = ("confirm", "set", "add")


def withdrawn(root, region: str, year: int) -> dict[tuple[int, str], str]:
    """The names a region-year's reviewer took from its numbers, by (``char_start``,
    ``text``): ``""`` for a number unnamed, excluded or needing a new indicator, the
    indicator it was set to for a ``set``.

    Another region's brief reads a peer's published tables, which are as its last build
    left them: a reviewer's ``unname`` written since would otherwise leave the rejected
    name in the regions table until the peer is rebuilt (trial 23). A file that does not
    read (the peer's own build names its problem) withdraws nothing.
    """
    path = review_file(root, region, year)
    if not path.is_file():
        return {}
    try:
        decisions = read(path)
    except InputError:
        return {}
    out = {}
    for d in decisions:
        if d.char_start is None:
            continue
        if d.action in ("unname", "exclude", NEW):
            out[d.key] = ""
        elif d.action == "set" and d.indicator_id:
            out[d.key] = d.indicator_id
    return out


def withdrawn_name(withdrawn_names: dict, rec) -> bool:
    """Whether a published row ``rec`` (``char_start``, ``text``, ``indicator_id``)
    carries a name :func:`withdrawn` says its reviewer took away."""
    try:
        key = (int(rec.get("char_start")), str(rec.get("text")))
    except (TypeError, ValueError):
        return False
    return key in withdrawn_names and withdrawn_names[key] != rec.get("indicator_id")


def unconfirmed(marks) -> int:
    """How many of an indicators table's names no reviewer decided on, given its
    ``review`` column: the brief's ○ count, the index's and the panel's
    ``n_unconfirmed``, one rule for all three."""
    return sum(1 for m in marks if parse_mark(m)[0] not in NAMING)


def excluded_numbers(meta: dict) -> list[dict]:
    """The numbers a reviewer excluded, as ``report.json`` ``excluded`` keeps them
    (:func:`apply`); anything there that is not a record is skipped."""
    return [e for e in meta.get("excluded") or [] if isinstance(e, dict)]


#: How the index and the brief's header name a review state (:func:`review_state`).
REVIEW_LABELS = {"fully": "已审核 reviewed", "partly": "部分审核 partly reviewed",
                 "not_reviewed": "未审核 not reviewed"}


def review_state(n_numbers: int, n_decided: int, n_excluded: int = 0) -> tuple[str, int, int]:
    """A report's review state: the one rule of the brief's header (its 已复核 N 个数字
    （共 M 个）line), the index and the panel's ``region_years``.

    Fully reviewed means every number the report states is decided, one decision per
    row of its worksheet (confirmed, set, added, unnamed or excluded), the numbers no
    indicator names too: a reviewer who confirmed every indicator's name (no ○ left)
    but left other numbers undecided has reviewed it partly. Documented once, in
    ``data/reviews/README.md`` ("Review state").

    Parameters
    ----------
    n_numbers, n_decided : int
        Numbers in the mentions table (distinct ``char_start``) and those of them with a
        review mark.
    n_excluded : int
        Numbers a reviewer excluded (``report.json`` ``excluded``): they left the tables,
        but a reviewer decided on them, so a report whose only decision is an exclude is
        reviewed, not "not reviewed".

    Returns
    -------
    (state, decided, numbers)
        ``fully``, ``partly`` or ``not_reviewed``, with the counts the brief shows.
    """
    done, total = n_decided + n_excluded, n_numbers + n_excluded
    state = "fully" if total and done == total else "partly" if done else "not_reviewed"
    return state, done, total


def parse_mark(mark) -> tuple[str, str, str]:
    """``review`` column -> (action, reviewer, original reading or "")."""
    if not isinstance(mark, str) or not mark:
        return "", "", ""
    parts = mark.split(SEP)
    original = next((p[len(ORIGINAL):] for p in parts[2:] if p.startswith(ORIGINAL)), "")
    return parts[0], parts[1] if len(parts) > 1 else "", original


def against_definition(mark) -> str:
    """What of the indicator's definition a ``set!``/``add!`` decision overrode, as its
    ``review`` mark records it (``set | 李四 | 原读作 … | 违背定义 含排除词“新聘” (exclude
    word “新聘”)``), "" for any other mark: the brief marks such a number ✎! and says
    it."""
    if not isinstance(mark, str):
        return ""
    return next((p[len(AGAINST):] for p in mark.split(SEP)[2:] if p.startswith(AGAINST)), "")


def proposed_name(mark) -> str:
    """The name a ``new`` decision's ``review`` mark proposes for the indicator its
    number needs (``new | 李四 | 原读作 … | 新指标 行政复议纠错数``), "" when none."""
    if not isinstance(mark, str):
        return ""
    return next((p[len(PROPOSED):] for p in mark.split(SEP)[2:] if p.startswith(PROPOSED)),
                "")


# --------------------------------------------------------------------------- worksheet


def _fmt(v) -> str:
    if _missing_or_empty(v):
        return ""
    return f"{int(v)}" if float(v).is_integer() else f"{v}"


def _ocr_check(page, score) -> str:
    """What the reviewer should know about a number read by OCR: its page, its
    recognition score, and 待核 (check it) when the score is low. Empty for text."""
    if _missing_or_empty(score):
        return ""
    from .ocr import LOW_SCORE

    where = "" if _missing_or_empty(page) else f"第{int(page)}页 "
    low = " 待核 check" if float(score) < LOW_SCORE else ""
    return f"{where}OCR {float(score):.2f}{low}"


#: Why a reading was left without an indicator (see extract.Explanation), as the
#: worksheet says it: Chinese for the reviewer, English in brackets.
_WHY = {
    "change": "变化前的数值 (the value before a change)",
    "joint": "几个机构或会议合计的数，不归其中任何一个 (one count of several bodies or "
             "meetings together)",
    "shared_time": "几个事项共用的时限 (a time several items share)",
    "same_name": "与前一读法无法区分 (reads the same as the reading before it)",
    "twice": "同一指标还有其他数值，看不出哪个是总数 (its indicator is stated with other "
             "figures and none is clearly the total)",
    "apart": "两项行为分开统计，不是合计 (two acts stated apart, not their total)",
    "none": "目录中没有词语和单位都相符的指标 (no catalogue indicator fits its words and "
            "unit)",
    "pair": "与前一项由“和”连接、共用一个比率，名称归前一项 (the second of two things joined "
            "by 和 that share one rate: the first reading carries the name)",
    "one_of": "所属清单的项数，不是本单位的统计 (the size of a list the subject is one item "
              "of: …之一)",
    "target": "是今后的目标，不是本年度的统计 (a goal for later, not a figure of the "
              "report's year: 力争…, or 确保/保持… under 下一步安排)",
}
#: Why the matcher set an indicator aside (matcher.scored's reasons).
_RULED = {"family": "主题不符 topic", "subset": "只计其中一部分 a subset of it",
          "scope": "范围不符 scope",
          "agreement": "用词不一致 agreement", "exclude": "排除词 exclude word"}


#: Marks the indicators of similar wording in a candidates cell (:mod:`similar`).
SIMILAR_MARK = "按用词相近 similar wording"


def candidates_cell(explained, catalogue, own_start: int | None = None,
                    mention: dict | None = None) -> str:
    """The ``candidates`` cell of a number: per reading, up to three indicators the
    matcher considered, best first, as ``id 中文名``, and, when the reading got no
    indicator, why (a tie, a part of X, ruled out by a scope or agreement check, its
    indicator went to a better-fitting number, named with that number's char_start and
    text …); a named reading that another candidate scored within the tie margin of
    says so (次选 X 得分接近), naming the number X went to.

    Parameters
    ----------
    explained : list of extract.Explanation
        The number's readings (:attr:`extract.Extraction.explain`).
    catalogue : Catalogue
    own_start : int, optional
        The number's ``char_start``: an indicator another reading of the same number
        took is said as such.
    mention : dict, optional
        The number's worksheet record (``measure``, ``sentence``, ``unit``, ``kind``):
        the cell then ends with up to :data:`similar.CAP` indicators of similar
        wording the cell does not name yet, marked :data:`SIMILAR_MARK`
        (:func:`similar.similar_indicators`).
    """
    def name(iid: str) -> str:
        ind = catalogue.indicators.get(iid)
        return f"{iid} {ind.zh_name}" if ind is not None else iid

    def taker(e, iid: str) -> str:
        """Which number ``iid`` went to: its text and char_start, as the worksheet
        lists it (that row can be read beside this one)."""
        got = next(((start, text) for i, start, text in e.takers if i == iid), None)
        if got is None:
            return iid
        if got[0] == own_start:
            return f"{iid}（取走者：本数的另一读法 another reading of this number）"
        return f"{iid}（取走者：char_start {got[0]} “{got[1]}”）"

    cells, named = [], set()  # named: every id the cell names
    for e in explained:
        # a part's whole is said in its reason, not offered as its name
        shown = [i for i in e.candidates if not (e.why == "part" and i == e.part_of)]
        named.update([*shown[:3], e.indicator_id, e.part_of, *e.others, *e.close,
                      *(i for i, _ in e.ruled[:3])])
        text = "；".join(name(i) for i in shown[:3])
        why = ""
        if e.why == "part":
            if e.part_of:
                why = f"{name(e.part_of)} 的部分 (a part of it)"
            elif mention is not None and mention.get("kind") == "rate":
                # 其中刑事案件占比35% beside 法律援助案件412件: the total may well be named
                # (a count); what no indicator names is this share of it (reviewer trial)
                why = ("部分在总数中的占比，目录中没有这一占比的指标 (the share of a part in "
                       "its total; no catalogue indicator names that share)")
            else:
                why = "总数的部分，总数无指标 (a part of a total that has no indicator)"
        elif e.why == "tie":
            why = (f"未归入：{' 与 '.join(e.others)} 得分相近，宁缺勿错 (a tie between two "
                   "indicators)")
        elif e.why == "taken":
            why = (f"未归入：{'、'.join(taker(e, i) for i in e.others)} 已归入更相符的另一个"
                   "数 (its indicators went to numbers that fit them better)")
        elif e.why == "twice" and e.alongside:
            # the competing figures named, so the reason can be checked against the text
            numbers = "、".join(f"char_start {start} “{text}”" for start, text in e.alongside)
            why = (f"未归入：{name(e.others[0])} 还有其他数值（{numbers}），看不出哪个是总数 "
                   "(its indicator is stated with these other figures and none is clearly "
                   "the total)")
        elif e.why == "ruled":
            why = "未归入：" + "；".join(f"{name(i)} 被排除：{_RULED.get(r, r)}"
                                     for i, r in e.ruled[:3]) + " (ruled out by a check)"
        elif e.why in _WHY:
            why = "未归入：" + _WHY[e.why]
        elif e.indicator_id and e.close:
            # within the tie margin either way (it may have scored a little above this
            # name and gone to another number first): only "close" is true of both
            why = (f"次选 {'、'.join(taker(e, i) for i in e.close)} 得分接近，请先核对 (a "
                   "runner-up scored about as well and went to another number: check this "
                   "name first)")
        cell = "。".join(x for x in (text, why) if x)
        if len(explained) > 1:
            cell = f"{e.measure}：{cell or '—'}"
        cells.append(cell)
    out = " ‖ ".join(c for c in cells if c)
    if mention is not None and catalogue is not None:
        from .similar import similar_indicators

        # after the matcher's, marked: a reviewer looking for the right name where the
        # matcher considered none or not it (never read by extraction)
        # a topic carried from the paragraph before (Explanation.topic) is read with it
        topic = next((e.topic for e in explained if getattr(e, "topic", "")), "")
        more = similar_indicators(catalogue, mention.get("measure") or "",
                                  mention.get("sentence") or "", mention.get("unit") or "",
                                  mention.get("kind") or "", named, topic=topic)
        if more:
            out = "。".join(x for x in (out, f"{SIMILAR_MARK}：" +
                                         "；".join(name(i) for i in more)) if x)
    return out


def worksheet_rows(mentions, decisions_rows: list[dict], explain=None,
                   catalogue=None) -> list[dict]:
    """Every extracted number, with the decisions already made filled in.

    Numbers extraction no longer finds keep their rows when decided (``add`` rows and
    rows the build will report as stale), so no decision is lost. With ``explain``
    (:attr:`extract.Extraction.explain`) and ``catalogue``, each number's
    ``candidates`` cell is filled (:func:`candidates_cell`).
    """
    kept = {(r["char_start"], r["text"]): r for r in decisions_rows if r.get("action")}
    out, listed = [], set()
    for rec in mentions.to_dict("records"):
        key = (str(int(rec["char_start"])), rec["text"])
        if key in listed:
            # one number, several indicators (a shared rate): one row per indicator
            out[-1]["found_indicator_id"] += ";" + (rec.get("indicator_id") or "")
            continue
        listed.add(key)
        row = {c: "" for c in COLUMNS}
        row.update({
            "char_start": key[0], "text": rec["text"], "measure": rec.get("measure", ""),
            "found_indicator_id": rec.get("indicator_id") or "",
            "found_value": _fmt(rec.get("value")), "found_unit": rec.get("unit") or "",
            "found_qualifier": rec.get("qualifier") or "", "sentence": rec.get("sentence") or "",
            "ocr_check": _ocr_check(rec.get("page"), rec.get("ocr_score")),
        })
        if explain and int(rec["char_start"]) in explain:
            row["candidates"] = candidates_cell(explain[int(rec["char_start"])], catalogue,
                                                int(rec["char_start"]), rec)
        if key in kept:
            row.update({c: kept[key].get(c, "") for c in DECISION})
        out.append(row)
    for key, rec in kept.items():
        if key not in listed:
            row = {c: "" for c in COLUMNS}
            row.update({c: rec.get(c, "") for c in COLUMNS if c in rec})
            out.append(row)
    out.sort(key=lambda r: (int(r["char_start"]) if r["char_start"].isdigit() else -1,
                            r["text"]))
    return out


def _pin(rows: list[dict], decisions: list[Decision], raw_text: str, path) -> None:
    """Write the ``char_start`` :func:`locate` finds in ``raw_text`` (the report's text
    as read) into the worksheet rows (in place) of the ``add`` decisions given by their
    text alone."""
    placed = locate(decisions, raw_text, path)  # one for one, in order
    loose = [(d, p) for d, p in zip(decisions, placed, strict=True) if d.char_start is None]
    # read() and csv.DictReader both keep the file's order, so the n-th add row without
    # a char_start is the n-th such decision
    targets = [r for r in rows if r.get("action", "").lower() in ("add", ADD_OVERRIDE)
               and not r.get("char_start")]
    for row, (d, p) in zip(targets, loose, strict=True):
        start = p.char_start
        row["char_start"] = str(start)
        if not row.get("sentence"):
            row["sentence"] = _sentence_at(raw_text, start, start + len(d.text))


#: How many characters each side of the number, inside its old sentence, are the
#: "surrounding words" a moved decision is found by: enough to tell one 52名 from
#: another, few enough that an edit a few words away does not lose it.
_NEAR = 6

#: A number's own words stop at another number's digits: correcting a neighbour
#: (受理106件 → 107件) leaves the words of the number beside it as they were.
_DIGIT = re.compile(r"[0-9０-９]")

#: Fewer characters of its own words than this (a number squeezed between others:
#: 件、 and 、 for the 5件 of 3件、5件、7件) are too little to find it by outside its
#: unchanged sentence.
_FEWEST = 4

#: What the ``stale`` cell asks the reviewer to do.
_STALE_FIX = ("find the number in the corrected report (its row in this worksheet), "
              "copy this decision there and delete this row, or delete the row if the "
              "decision no longer applies; `rol build` stops on this row until then")


def _flat(s: str) -> str:
    """``s`` without spaces and line breaks (the worksheet's sentence cell is the
    readable sentence, the raw text may wrap inside it)."""
    return re.sub(r"\s+", "", s)


def _own_words(flat: str, at: int, n: int) -> tuple[str, str]:
    """The words either side of the number ``flat[at:at + n]`` in its whitespace-free
    sentence: up to :data:`_NEAR` characters, stopping before another number's digits
    (:data:`_DIGIT`)."""
    before, after = flat[max(0, at - _NEAR):at], flat[at + n:at + n + _NEAR]
    if cut := [m.end() for m in _DIGIT.finditer(before)]:
        before = before[cut[-1]:]
    if m := _DIGIT.search(after):
        after = after[:m.start()]
    return before, after


def _beside(raw: str, start: int, end: int, before: str, after: str) -> bool:
    """Whether ``before`` and ``after`` (whitespace-free) are right next to
    ``raw[start:end]``, spaces and line breaks ignored."""
    left = _flat(raw[max(0, start - len(before) - 200):start])
    right = _flat(raw[end:end + len(after) + 200])
    return left.endswith(before) and right.startswith(after)


def _nth_in_sentence(rows: list[dict]) -> dict[int, int]:
    """For each worksheet row (by ``id``) whose number is written more than once in its
    sentence (一审案件58件，出庭应诉58件), which of those it is (0 for the first).

    Told by the order of the sentence's rows of that number, so only where the
    worksheet has one row for each (an unextracted one, or a repeated sentence, would
    shift the count); rows marked stale by an earlier run are left out, their
    ``char_start`` being of an older text than the others'.
    """
    groups: dict[tuple[str, str], list[dict]] = {}
    for r in rows:
        if r.get("char_start", "").isdigit() and r.get("sentence") and not r.get("stale"):
            groups.setdefault((_flat(r["sentence"]), _flat(r["text"])), []).append(r)
    nth = {}
    for (flat, bare), group in groups.items():
        if len(group) > 1 and len(group) == len(_spans(flat, bare)):
            for i, r in enumerate(sorted(group, key=lambda r: int(r["char_start"]))):
                nth[id(r)] = i
    return nth


def _moved_to(raw: str, text: str, sentence: str, nth: int | None = None
              ) -> tuple[list[int], str]:
    """Where a stale decision's number is in the corrected ``raw`` text.

    Parameters
    ----------
    raw : str
        The corrected report's text.
    text : str
        The row's number as the old report wrote it.
    sentence : str
        The row's old sentence.
    nth : int, optional
        Which of the sentence's places of ``text`` the row is, when it is there more
        than once (:func:`_nth_in_sentence`); without it such a row is placed only
        when the sentence has the number once in the corrected text.

    Returns
    -------
    (places, why)
        The candidate starts of ``text`` (a number of its own), the closest context
        tried first: its old sentence, unchanged (spaces ignored), narrowed by the
        :data:`_NEAR` characters each side of it there; failing that, those
        characters anywhere (the sentence changed elsewhere); failing that, its own
        words (:func:`_own_words`: a neighbouring figure was corrected). ``why`` says
        why there is not exactly one.
    """
    places = _spans(raw, text)
    if not places:
        return [], (f"the corrected report has no number {text!r} any more (the figure "
                    "was corrected or the sentence removed)")
    if not sentence:
        return [], (f"{text!r} is in the corrected report, but the row has no sentence to "
                    "tell where")
    flat, bare = _flat(sentence), _flat(text)
    spots = _spans(flat, bare)
    at = spots[0] if len(spots) == 1 else (
        spots[nth] if nth is not None and nth < len(spots) else None)
    fits = [p for p in places if _within(raw, p, p + len(text), sentence)]
    if at is None:
        # its place in the sentence is not known (written there twice and not told
        # which, or a sentence cell without it): only an unchanged sentence holding it
        # once can place it
        if len(fits) > 1:
            return fits, _tie(text, fits)
        return fits, "" if fits else (
            f"{text!r} is in the corrected report ({len(places)}x), but not in the "
            "sentence it was decided in (the sentence changed)")
    near = flat[max(0, at - _NEAR):at + len(bare) + _NEAR]
    if fits:
        # the sentence is there unchanged: the six characters each side tell its equal
        # numbers apart (诉讼案件58件 / 出庭应诉58件)
        fits = [p for p in fits if _within(raw, p, p + len(text), near)] or fits
        return fits, _tie(text, fits) if len(fits) > 1 else ""
    fits = [p for p in places if _within(raw, p, p + len(text), near)]
    if fits:
        return fits, _tie(text, fits) if len(fits) > 1 else ""
    # the six characters each side changed: a corrected neighbour (106件 → 107件) is not
    # this number's words, so they stop at its digits
    before, after = _own_words(flat, at, len(bare))
    words = f"{before}【{bare}】{after}"
    if len(before) + len(after) < _FEWEST:
        return [], (f"{text!r} is in the corrected report ({len(places)}x), but not in "
                    f"the sentence it was decided in (the sentence changed), and its own "
                    f"words there, {words}, are too few to find it by")
    fits = [p for p in places if _beside(raw, p, p + len(text), before, after)]
    if not fits:
        return [], (f"{text!r} is in the corrected report ({len(places)}x), but neither "
                    f"in the sentence it was decided in nor with its own words, {words} "
                    "(the sentence changed next to the number)")
    return fits, _tie(text, fits) if len(fits) > 1 else ""


def _tie(text: str, places: list[int]) -> str:
    """Why a number found with the same words at several places stays stale."""
    return (f"{text!r} is in the same words at {len(places)} places (char_start "
            f"{', '.join(map(str, places))}): which one is meant cannot be told")


def reanchor(rows: list[dict], raw: str) -> tuple[list[tuple[dict, int]], list[dict]]:
    """Move the decided worksheet ``rows`` (in place) whose ``text`` is no longer at
    their ``char_start`` in the corrected report's ``raw`` text.

    A row is moved when :func:`_moved_to` finds its number once, in the sentence it
    was decided in (or with its own words around it), at a place no other decided row
    holds; otherwise it is kept where it was and marked: what extraction read
    (``measure``, ``found_*``, ``candidates``, ``ocr_check``) is cleared, since it was
    read from the old text, and ``stale`` says why and what to do. The build never
    moves a decision itself (:func:`apply` stops on a stale row): the reviewer sees
    each move in ``rol review``'s summary.

    Returns
    -------
    (moved, stale)
        ``(row, old char_start)`` for each moved row, and the rows marked stale.
    """
    decided = [r for r in rows if r.get("action") and r.get("char_start", "").isdigit()]
    held = {(int(r["char_start"]), r["text"]) for r in decided}
    # read before any row's stale cell changes: ranks are among rows of one text
    nth = _nth_in_sentence(rows)
    moved, stale, wanted = [], [], {}
    for r in decided:
        start, text = int(r["char_start"]), r["text"]
        if raw[start:start + len(text)] == text:
            r["stale"] = ""
            continue
        fits, why = _moved_to(raw, text, r.get("sentence", ""), nth.get(id(r)))
        if not why and (fits[0], text) in held:
            why = (f"its number {text!r} at char_start {fits[0]} is decided by another row "
                   "already")
        if not why:
            wanted.setdefault(fits[0], []).append((r, start))
            continue
        stale.append(r)
        r["stale"] = f"{why}: {_STALE_FIX}"
    for place, claims in wanted.items():
        for r, start in claims:
            if len(claims) > 1:
                # two stale rows of one number: neither is told from the other
                stale.append(r)
                r["stale"] = (f"{len(claims)} decided rows would move to char_start {place}: "
                              f"{_STALE_FIX}")
                continue
            r["char_start"], r["stale"] = str(place), ""
            moved.append((r, start))
    for r in stale:
        for c in FOUND:
            if c not in ("sentence", "stale"):
                r[c] = ""
    return moved, stale


def _untouched(path) -> str:
    """What ``rol review`` did not do when it refused a worksheet."""
    return (f"`rol review` left {path} as it was (not refreshed, no decision applied); "
            "correct the rows above, then run `rol review` again.")


@dataclass
class Worksheet:
    """What :func:`write_worksheet` wrote, for ``rol review``'s summary."""

    path: Path
    #: the report's numbers listed (a stale decision's row is not one: its number is
    #: not at its ``char_start``), and how many of them are decided
    numbers: int
    decided: int
    #: ``(row number in the file, text, old char_start, new char_start)``
    moved: list[tuple[int, str, int, int]]
    #: ``(row number in the file, text, char_start, why)``
    stale: list[tuple[int, str, str, str]]
    #: the encoding the file was saved in when it was not UTF-8 (``gb18030``,
    #: ``utf-16``): it is written back as UTF-8 with BOM, like every worksheet
    resaved: str = ""


def write_worksheet(paths) -> Worksheet:
    """``rol review``: write or refresh ``data/reviews/<region>/<year>.csv``.

    Lists every number extraction finds in the raw report (before any decision) with
    its measure, indicator, candidates (:func:`candidates_cell`), value, unit,
    qualifier and sentence, and empty decision columns; decisions already in the file
    are kept. An ``add`` row given without a ``char_start`` gets the one
    :func:`locate` finds (and its sentence, when the cell is empty), so the decision is
    pinned to that place from then on. Written atomically, as UTF-8 with BOM whatever
    the encoding the file was saved in (:func:`decode` reads GBK too; Excel opens
    UTF-8 with BOM, and one encoding keeps the file's diffs readable).

    Raises
    ------
    InputError
        A malformed review file, or an ``add`` row :func:`locate` cannot place (the
        file is left as it is); a region without a ``regions.csv`` row, as the build
        refuses it (:func:`regions.require_row`: no worksheet is written).

    A decided row whose number is no longer at its ``char_start`` (a corrected report
    replaced the old one) is moved or marked stale (:func:`reanchor`).

    Returns
    -------
    Worksheet
        The path, the numbers listed and how many of them are decided (stale rows
        counted apart), and the rows moved or marked stale (with their row numbers in
        the rewritten file).
    """
    from . import extract, fileio
    from .catalogue import load

    path = review_file(paths.root, paths.region, paths.year)
    old, decisions, encoding = [], [], ""
    if path.is_file():
        # refuse to rewrite a malformed file: the reviewer fixes it first
        try:
            decisions = read(path)
        except InputError as exc:
            raise InputError(f"{exc.message}\n{_untouched(path)}") from None
        old = sheet_rows(path)
        encoding = decode(_file_bytes(path), path)[1]
    result = extract.extract_paths(paths, reviews=False, explain=True, command="review")
    from .regions import require_row

    # the build refuses a region without a regions.csv row: a worksheet of it would be
    # filled in for nothing, so the same message and row to add come first here
    require_row(paths.root, paths.region, paths.year, paths.raw, result.meta, "review")
    if any(d.char_start is None for d in decisions):
        # placed in the text extraction read: the report is read once (a PDF's OCR,
        # a .docx's decoding)
        _pin(old, decisions, result.text, path)
    moved, stale = reanchor(old, result.text)
    cat = load()
    # a set the build would refuse is refused here too, before the file is rewritten: a
    # worksheet that passes `rol review` passes the build, and `rol catalogue suggest`
    # (which reads it) learns no alias from a slip (reviewer trial, session 22)
    now_at = {(start, r["text"]): int(r["char_start"]) for r, start in moved}
    from dataclasses import replace

    # add rows given by their text alone, placed (_pin placed them in the worksheet)
    placed = locate(decisions, result.text, path)
    problems = _set_problems(
        [replace(d, char_start=now_at.get(d.key, d.char_start)) for d in placed],
        result.mentions, cat, path, result.text)
    if problems:
        raise InputError(f"{_all(path, problems).message}\n{_untouched(path)}")
    rows = worksheet_rows(result.mentions, old, result.explain, cat)
    line = {(r["char_start"], r["text"]): n for n, r in enumerate(rows, start=2)}
    buf = io.StringIO(newline="")
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows)
    fileio.write_bytes(path, b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
    # a stale row stays in the file for its decision, but names no number of the report
    listed = [r for r in rows if not r.get("stale")]
    return Worksheet(
        path, len(listed), sum(1 for r in listed if r["action"]),
        [(line[(r["char_start"], r["text"])], r["text"], start, int(r["char_start"]))
         for r, start in moved],
        [(line[(r["char_start"], r["text"])], r["text"], r["char_start"], r["stale"])
         for r in stale],
        encoding if encoding not in ("", "utf-8", "utf-8-sig") else "")
