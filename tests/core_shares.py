"""How many reports of each level state each indicator: the evidence for the catalogue's
``[completeness]`` table (the warning ``completeness.core``).

Reads every gold set (``tests/data/dev``, ``tests/data/blind`` … ``blind21``): each
fixture is a paraphrase of one real report's statistic-bearing paragraphs, its gold
table names every statistic. Only annual rule-of-law reports count (a title with
法治政府建设, 依法行政 or 法治建设 and no topic of its own such as 法律援助 or 政务公开:
the warning is about an annual report). Each is given a level from its title's first
line: ``township`` and ``department`` as :func:`rol_analysis.validate.report_kind`
reads them, else a government's tier from the name before the year (a province-level
name, a 市/州/盟 with no 区/县/旗 after it: ``city``; the rest ``county``).

A report states an indicator when a gold row names it (``id``) or names it as a total
of parts (``part_of``: the report states its parts, so it reports on the thing).

Usage::

    .venv/bin/python tests/core_shares.py              # shares per level, core marked
    .venv/bin/python tests/core_shares.py --min 0.5    # the threshold (default 0.5)
    .venv/bin/python tests/core_shares.py --titles     # each fixture's level, to check

The output ends with the ids that reach the threshold at each level: what the
catalogue's ``[completeness] expected`` may list (it is checked for a county-or-higher
government's report; session 23 found none at any level, see the catalogue's comment).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rol_analysis.catalogue import load  # noqa: E402
from rol_analysis.regions import PROVINCES  # noqa: E402
from rol_analysis.validate import report_kind  # noqa: E402

#: An annual report on the government's rule of law (not a topic's, not a court's).
ANNUAL = re.compile(r"法治政府建设|依法行政|法治建设(?:工作)?(?:情况|年度)?报告")
#: Titles of topical or other bodies' reports, left out even when ANNUAL matches.
TOPICAL = re.compile(r"法律援助|政务公开|信息公开|法院|检察|蓝皮书|普查|一件事|学法|宪法日|"
                     r"十四五|综述|新闻发布|白皮书|评估报告|司法部|全国")
#: A department the product's title reading takes for a government (a 委员会, a 委, an
#: office other than the government's own): counted as one here.
_DEPARTMENT_BODY = re.compile(r"(?<!人民政府)(?:委员会|[^党]委|办公室)(?:关于)?\d{4}")
#: A party committee named before the government (中共X县委 X县人民政府关于…).
_PARTY = re.compile(r"^(?:中共[^ 　]*?(?:委员会|委|工委)[ 　]+|[\u4e00-\u9fff]{1,8}市委、)")
_PROVINCE = re.compile(
    r"(?:(?:" + "|".join(p for p in PROVINCES if len(p) <= 3) + r")(?:省|自治区|回族自治区|"
    r"壮族自治区|维吾尔自治区)?|北京市|天津市|上海市|重庆市)(?:人民政府)?(?:关于)?"
    r"(?:公布)?(?:\d{4}|法治|依法)")
_COUNTY = re.compile(r"[\u4e00-\u9fff]{1,12}(?:区|县|旗)(?:人民政府|委员会)?"
                     r"(?:关于|\d{4}|法治|依法|推进)")
_CITY = re.compile(r"[\u4e00-\u9fff]{1,12}(?:市|州|盟)(?:人民政府)?(?:关于|\d{4}|法治|依法)")
#: County-level cities (县级市) a title writes like a city: by hand, as the title alone
#: cannot tell them.
COUNTY_CITIES = ("义乌", "慈溪", "昆山", "江阴", "晋江", "瑞安", "乐清", "海宁", "张家港",
                 "常熟", "太仓", "宜兴", "余姚", "诸暨", "溧阳", "丹阳", "都江堰", "彭州",
                 "邛崃", "崇州", "简阳", "福清", "长乐", "龙海", "南安", "石狮", "浏阳",
                 "宁乡", "醴陵", "韶山", "汨罗", "临湘", "大冶", "赤壁", "仙桃", "潜江",
                 "天门", "新郑", "巩义", "登封", "荥阳", "新密", "济源", "禹州", "长葛",
                 "寿光", "青州", "诸城", "胶州", "平度", "莱西", "荣成", "龙口", "招远",
                 "海阳", "莱阳", "文登", "乳山", "邹城", "曲阜", "滕州", "新泰", "肥城",
                 "章丘", "即墨", "峨眉山", "江油", "广汉", "什邡", "绵竹", "阆中", "华蓥",
                 "万源", "隆昌", "西昌", "射洪", "崇州", "靖江", "泰兴", "兴化", "如皋",
                 "海安", "启东", "高邮", "仪征", "句容", "扬中", "东台", "邳州", "新沂",
                 "凯里", "公主岭", "乐平", "临湘")


def level_of(title: str) -> str | None:
    """The level of a report from its title, None when it is no annual rule-of-law
    report."""
    title = _PARTY.sub("", title.strip())
    title = re.sub(r"\s+", "", title)
    if not ANNUAL.search(title) or TOPICAL.search(title):
        return None
    kind = report_kind({"title": title})
    if kind != "government":
        return kind
    body = re.sub(r"^(?:关于|【[^】]*】|\d{4}年度?)", "", title)
    if _DEPARTMENT_BODY.search(body):
        return "department"
    if _PROVINCE.match(body):
        return "province"
    if _COUNTY.search(body):
        return "county"
    if any(body.startswith(c) or f"市{c}市" in body for c in COUNTY_CITIES):
        return "county"
    if _CITY.search(body):
        return "city"
    return "county"


def fixtures(data: Path):
    """(set, fixture stem, title, ids stated) of every gold set, in path order."""
    sets = [data / "dev", *sorted((p for p in data.glob("blind*") if p.is_dir()),
                                  key=lambda p: int(p.name[5:] or 1))]
    for folder in sets:
        for gold in sorted(folder.glob("*.gold.tsv")):
            stem = gold.name[:-len(".gold.tsv")]
            txt = folder / f"{stem}.txt"
            if not txt.is_file():
                continue
            title = txt.read_text(encoding="utf-8").strip().splitlines()[0]
            with gold.open(encoding="utf-8", newline="") as fh:
                rows = list(csv.DictReader(fh, delimiter="\t"))
            ids = {r.get("id") or "" for r in rows} | {r.get("part_of") or "" for r in rows}
            yield folder.name, stem, title, ids - {""}


def shares(data: Path):
    """Level -> (number of reports, Counter of indicator ids stated)."""
    out: dict[str, tuple[int, Counter]] = defaultdict(lambda: (0, Counter()))
    for _, _, title, ids in fixtures(data):
        level = level_of(title)
        if level is None:
            continue
        n, count = out[level]
        count.update(ids)
        out[level] = (n + 1, count)
    return dict(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT / "tests" / "data")
    ap.add_argument("--min", type=float, default=None,
                    help="share of a level's reports that must state an indicator for "
                         "it to be expected at that level (default: the catalogue's "
                         "[completeness] min_share)")
    ap.add_argument("--top", type=int, default=5, help="rows shown per level")
    ap.add_argument("--titles", action="store_true", help="list each fixture's level")
    args = ap.parse_args(argv)
    if args.titles:
        for s, stem, title, _ in fixtures(args.data):
            print(f"{level_of(title) or '-'}\t{s}/{stem}\t{title}")
        return 0
    cat = load()
    if args.min is None:
        import tomllib

        with open(cat.source, "rb") as fh:
            args.min = tomllib.load(fh).get("completeness", {}).get("min_share", 0.5)
    core: dict[str, list[str]] = {}
    by_level = shares(args.data)
    for level in ("province", "city", "county", "township", "department"):
        if level not in by_level:
            continue
        n, count = by_level[level]
        print(f"\n{level}: {n} annual reports")
        ranked = sorted(count.items(), key=lambda kv: (-kv[1], kv[0]))
        for iid, k in ranked[:args.top]:
            mark = "yes" if k / n >= args.min else ""
            name = (cat.indicators[iid].zh_name if iid in cat.indicators
                    else "(not in catalogue)")
            print(f"  {k:3d}/{n:<3d} {k / n:6.1%}  {mark:3s}  {iid}  {name}")
        core[level] = sorted(i for i, k in count.items() if k / n >= args.min
                             and i in cat.indicators)
        if level in ("province", "city", "county"):
            # what the catalogue expects of a government's report, and how often it is
            left = [f"{i} {count[i]}/{n}" for i in cat.expected if i not in core[level]]
            print(f"  [completeness] expected: {len(cat.expected)}; below {args.min:.0%} "
                  f"here: {', '.join(left) or 'none'}")
    print(f"\nexpected at >= {args.min:.0%} of a level's reports:")
    for level, ids in core.items():
        print(f"  {level} ({len(ids)}): {' '.join(ids)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
