"""The ``rol`` command: a thin wrapper over ``pipeline``, ``extract``, ``validate`` and
``suggest``.

Exit codes: 0 success, 1 validation failed (nothing published) or a build step failed,
2 bad input or usage, 130 interrupted (143 by SIGTERM), 141 when the output's reader went away first
(``rol list | head -1``: 128 + SIGPIPE, as a Unix tool killed by that signal). Every
error is one paragraph saying what to do, never a traceback.
"""

from __future__ import annotations

import functools
import logging
import os
import signal
import sys
from pathlib import Path

INTERRUPTED = "interrupted; published outputs unchanged"
#: Exit code when stdout or stderr was closed by its reader (``| head``): 128 + SIGPIPE.
PIPE_CLOSED = 128 + 13


#: Exit codes when interrupted: 128 + the signal, as a shell reports a process it ended.
INTERRUPT_CODES = {signal.SIGINT: 130, signal.SIGTERM: 143}


def _interrupted_early(signum, _frame):
    # Ctrl-C (or SIGTERM) while the command is still loading: nothing has started
    os.write(2, f"{INTERRUPTED}\n".encode())
    os._exit(INTERRUPT_CODES.get(signum, 130))


class Terminated(KeyboardInterrupt):
    """SIGTERM (how CI cancels a job), raised where Ctrl-C raises KeyboardInterrupt: a
    build cleans up the same way, prints the same line, and exits 143 (trial 25: it
    died at once, leaving its staging folder and "leaked semaphore" warnings)."""


def _raise_terminated(*_):
    raise Terminated()


# Signal handlers are the command's business, not that of a program (or test) that
# imports this module and runs the click group itself.
# A worker process spawned by the command gets the command's sys.argv but is not the
# command: the interpreter's own arguments (sys.orig_argv) tell them apart.
_AS_COMMAND = ((Path(sys.argv[0]).stem in ("rol", "rol-script") or __name__ == "__main__")
               and "--multiprocessing-fork" not in getattr(sys, "orig_argv", ()))
if _AS_COMMAND:
    signal.signal(signal.SIGINT, _interrupted_early)
    signal.signal(signal.SIGTERM, _interrupted_early)

import click  # noqa: E402 - after the handler: importing takes most of a second

from . import __version__, layout, outcomes  # noqa: E402
from .exceptions import RolError, UsageError  # noqa: E402

ROOT_HELP = ("Project folder holding data/ and reports/ (default: the current folder). Its "
             "notebooks/ and expectations/ are used when present, else the packaged ones; "
             "its catalogue/*.toml extend the packaged catalogue.")


_pipe_closed = False  # set once a reader (head, less) closed stdout or stderr


def _drop_closed_output(err: bool = False) -> None:
    """Point stdout (``err``: stderr) at the null device once its reader has gone.

    Python ignores SIGPIPE, so a write to a pipe whose reader closed (``rol list | head
    -1``) raises BrokenPipeError instead of ending the process as it ends ``ls``. What
    is left to say there has no reader; writing it to the null device keeps the
    interpreter's final flush from reporting the same error again at exit. The other
    stream is left alone: with ``| head`` on stdout, errors still reach the terminal.
    """
    global _pipe_closed
    _pipe_closed = True
    stream = sys.stderr if err else sys.stdout
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, stream.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (a test runner)
        pass
    finally:
        os.close(devnull)


def _say(message: str = "", err: bool = False) -> None:
    """``click.echo`` that outlives its reader: a build that ``| head`` stopped reading
    still publishes, updates the panel and exits with its own code."""
    try:
        click.echo(message, err=err)
    except BrokenPipeError:
        _drop_closed_output(err)


def _fail(exc: RolError) -> None:
    _say(f"error: {exc.message}", err=True)
    sys.exit(exc.exit_code)


def _on_sigint(handler) -> None:
    """Set what Ctrl-C does, and SIGTERM alike (raising :class:`Terminated` where Ctrl-C
    raises KeyboardInterrupt)."""
    if _AS_COMMAND:
        signal.signal(signal.SIGINT, handler)
        signal.signal(signal.SIGTERM, _raise_terminated
                      if handler is signal.default_int_handler else handler)


def _interrupted(exc: KeyboardInterrupt) -> None:
    _on_sigint(signal.SIG_IGN)  # a second Ctrl-C: still one line
    # abandoned notebook runs leave asyncio tasks that would be reported at exit
    logging.getLogger("asyncio").disabled = True
    _say(INTERRUPTED + getattr(exc, "note", ""), err=True)
    sys.exit(INTERRUPT_CODES[signal.SIGTERM if isinstance(exc, Terminated)
                             else signal.SIGINT])


class _Group(click.Group):
    """Turns RolError (and anything unexpected) into a message and an exit code."""

    def invoke(self, ctx):
        global _pipe_closed
        # a closed reader ends the run it happened in: an earlier run in this process
        # (a test, a notebook calling main) must not turn this one's exit code into 141
        _pipe_closed = False
        # from here on Ctrl-C raises KeyboardInterrupt: builds clean up, then one line
        _on_sigint(signal.default_int_handler)
        from .catalogue import ROOT_ENV

        # the command's --root names the project catalogue for its own run only (a test
        # or a notebook calling main runs several commands in one process)
        project = os.environ.get(ROOT_ENV)
        try:
            try:
                done = super().invoke(ctx)
            finally:  # finished or failing: Ctrl-C cannot change the outcome any more
                _on_sigint(signal.SIG_IGN)
                if project is None:
                    os.environ.pop(ROOT_ENV, None)
                else:
                    os.environ[ROOT_ENV] = project
        except BrokenPipeError:
            # the reader has all it wanted (| head): end quietly, as Unix tools do
            _drop_closed_output()
            sys.exit(PIPE_CLOSED)
        except SystemExit as exc:
            if _pipe_closed and not exc.code:
                sys.exit(PIPE_CLOSED)
            raise
        except RolError as exc:
            _fail(exc)
        except KeyboardInterrupt as exc:
            _interrupted(exc)
        except (click.exceptions.Exit, click.ClickException):
            raise
        except Exception as exc:  # noqa: BLE001 - last line of defence: no bare traceback
            from .exceptions import write_error

            # "run the build again" is for a build: another command is run again itself
            rerun = (f"`rol {ctx.invoked_subcommand}`"
                     if ctx.invoked_subcommand not in (None, "build") else "the build")
            if write_error(exc, rerun) is not None:
                _fail(write_error(exc, rerun))
            if os.environ.get("ROL_DEBUG"):
                raise
            _say(
                f"internal error: {type(exc).__name__}: {exc}. This is a bug in rol-analysis; "
                "rerun with ROL_DEBUG=1 for the traceback and report it.", err=True)
            sys.exit(1)
        if _pipe_closed:
            sys.exit(PIPE_CLOSED)
        return done


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rol")
def main():
    """rol-analysis: rule-of-law government reports -> checked tables -> HTML briefs."""


def _on_wait(message: str) -> None:
    _say(f"{message}; this build starts when it is done (--no-wait: exit instead).",
               err=True)


def _no_wait_option(f):
    return click.option("--no-wait", is_flag=True,
                        help="Exit with code 2 instead of waiting when another build holds "
                             "the region-year.")(f)


def _region_year_options(f):
    """--region and --year, both required: the commands that act on one region-year."""
    f = click.option("--year", required=True, help="Report year (e.g. 2023).")(f)
    return click.option("--region", required=True, help="Region slug (e.g. weibin).")(f)


def _absolute(ctx, param, value):
    # messages name the folder ("/home/me/project/data/raw"), never "."
    return None if value is None else Path(value).absolute()


def _project(ctx, param, value):
    # every command of a root reads the catalogue that root extends (its catalogue/)
    value = _absolute(ctx, param, value)
    from . import catalogue as _catalogue

    _catalogue.use_project(value)
    return value


def _root_option(f):
    return click.option("--root", type=click.Path(file_okay=False, path_type=Path),
                        default=Path("."), show_default=".", help=ROOT_HELP,
                        callback=_project)(f)


def _year_type(value):
    return None if value is None else layout.check_year(value)


def _summary_option(f):
    return click.option(
        "--summary", "summary_path", type=click.Path(dir_okay=False, path_type=Path),
        metavar="FILE.json",
        help="Also write a JSON summary for CI: each region-year's status, reason (as the "
             "log says it), outputs, 不一致 counts and brief sha256, the totals and the exit "
             "code (schema: docs/design.md, 'CI: the build summary'). Same run, same bytes.")(f)


class _Summary:
    """The ``--summary`` file of one run: gathered as the log is printed, written once
    the exit code is known (or the error that stopped the command before any
    region-year). A file left there by an earlier run is removed first: one found
    after the run is this run's (none when it was interrupted)."""

    def __init__(self, command: str, root: Path, path: Path | None):
        self.command, self.root, self.path = command, root, path
        self.results: list = []
        self.reasons: dict[str, str] = {}
        self.ignored: list[dict] = []
        self.error: str | None = None  # what failed after the region-years (the panel)
        if path is not None:
            path.unlink(missing_ok=True)

    def fail(self, reason_of, r) -> None:
        """Say the failure of result ``r`` (its line on stderr) and keep its reason."""
        self.reasons[r.key] = reason_of(r)
        _say(outcomes.failure_line(r, self.reasons[r.key]), err=True)

    def finish(self, code: int, verb: str) -> None:
        """End the command: the closing line of a batch with failures (``2 of 11
        region-years failed: weibin/2024 (failed validation, exit 1), …``), the summary
        file, the exit code."""
        failed = [r for r in self.results if r.exit_code]
        if failed and len(self.results) > 1:
            _say(f"{len(failed)} of {len(self.results)} region-years {verb}: " + ", ".join(
                f"{r.key} ({outcomes.status(r).replace('_', ' ')}, exit {r.exit_code})"
                for r in failed) + f"; exit code {code}.", err=True)
        self.write(code, self.error)
        sys.exit(code)

    def write(self, code: int, error: str | None = None) -> None:
        if self.path is not None:
            outcomes.write(self.path, outcomes.summary(
                self.root, self.command, self.results, self.reasons, code, self.ignored,
                error))


@main.command(short_help="Build briefs: notebooks 01-04, validated, published.")
@click.option("--region", help="Region slug, a folder under data/raw/ (e.g. weibin); "
                                "without --year, all its years.")
@click.option("--year", help="Report year (e.g. 2023).")
@click.option("--all", "all_", is_flag=True,
              help="Every region-year under data/raw/ (narrowed by --region/--year).")
@click.option("--force", is_flag=True, help="Rebuild even when nothing changed.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Region-years built in parallel, each worker with one warm kernel.")
@_summary_option
@click.option("--pdf", is_flag=True, help="Also print each brief to PDF (needs Chromium).")
@click.option("--scheduler", metavar="tcp://HOST:8786|local",
              help="Run on a Dask cluster: a scheduler's address, or `local` for a "
                   "LocalCluster of --jobs workers (needs rol-analysis[dask]).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; one line per result.")
@click.option("--cell-timeout", type=float, default=None, metavar="SECONDS",
              help="Stop a notebook cell that runs longer (default: $ROL_CELL_TIMEOUT, "
                   "else 900).")
@_no_wait_option
@_root_option
def build(region, year, all_, force, jobs, summary_path, pdf, scheduler, quiet, cell_timeout,
          no_wait, root):
    """Run notebooks 01-04 and publish reports/<region>/<year>/brief.html.

    --region R without --year builds every year of R, as `--all --region R` does (and as
    `rol validate --region R` checks them). With --all (or --region alone), the national
    panel (data/processed/panel/) is updated at the end.

    A failure's line starts with FAILED (validation, exit 1), UNREADABLE (bad input,
    exit 2) or ERROR, then the region-year, as in `rol validate`: a CI log's failures
    are `grep -E '^(FAILED|UNREADABLE|ERROR) '`. --summary FILE.json writes the same
    per region-year for a machine (README "In CI").
    """
    summary = _Summary("build", root, summary_path)
    try:
        _build(region, year, all_, force, jobs, pdf, scheduler, quiet, cell_timeout, no_wait,
               root, summary)
    except RolError as exc:  # stopped before any region-year: the summary says why
        summary.write(exc.exit_code, exc.message)
        raise


def _build(region, year, all_, force, jobs, pdf, scheduler, quiet, cell_timeout, no_wait,
           root, summary):
    from . import pipeline

    # one region's years together, as `validate --region` checks them (trial 23)
    all_ = all_ or (region is not None and year is None)

    if scheduler is not None:
        if not all_:
            raise UsageError("--scheduler is for batch builds: use it with --all.")
        pipeline.require_dask()
        from .cluster import check_scheduler

        check_scheduler(scheduler)
    targets = pipeline.select_targets(root, region, year, all_)
    cell_timeout = pipeline.cell_timeout(cell_timeout)
    if pdf:
        from . import render

        if render.find_chromium() is None:  # say so before an hour of building, not after
            raise UsageError("--pdf needs a Chromium or Chrome to print with and none was "
                             f"found; {render.INSTALL_HINT}.")
    progress = _Progress(len(targets), quiet)
    try:
        results = pipeline.build(root, targets, force=force, pdf=pdf, jobs=jobs,
                                 scheduler=scheduler, progress=progress,
                                 wait=not no_wait, on_wait=_on_wait, timeout=cell_timeout)
        _on_sigint(signal.SIG_IGN)  # published: report it, whatever comes
    except KeyboardInterrupt as exc:
        if progress.ready:
            # the progress lines said "ready" for these: say that none went out, and why
            n = progress.ready
            exc.note = (f" ({n} region-year{'s' if n > 1 else ''} {'were' if n > 1 else 'was'}"
                        f" ready, none published: a build publishes its region-years "
                        "together at its end, or none)")
        raise
    finally:
        progress.close()
    code = 0
    summary.results = results
    # in the order they finished, as the progress lines said it: a log that holds both
    # (`rol build … > log 2>&1`, as CI keeps it) reads in the order of events
    for r in progress.in_order(results):
        where = root / "reports" / r.region / str(r.year)
        for w in r.warnings:
            _say(f"warning: {r.key}: {w}", err=True)
        if r.status == "built":
            _say(f"{r.key}: built in {r.seconds:.1f} s -> {where / 'brief.html'}")
        elif r.status == "skipped":
            _say(f"{r.key}: up to date (use --force to rebuild)")
        else:  # FAILED, UNREADABLE or ERROR, as `rol validate` says it
            summary.fail(functools.partial(outcomes.build_reason, root), r)
        code = max(code, r.exit_code)
    for w in pipeline.renamed_regions(root):
        _say(f"warning: {w}", err=True)
    built = [(r.region, r.year) for r in results if r.status == "built"]
    if built and (not all_ or region is not None or year is not None):
        # the year's other briefs compare with what was just published (trial 5 F8);
        # those this build tried are reported above already
        tried = {r.key for r in results}
        stale = [k for k in pipeline.outdated_peers(root, built) if k not in tried]
        if stale:
            n = len(stale)
            _say(f"next: {n} other brief{'s' if n > 1 else ''} that compare{'' if n > 1 else 's'} "
                 f"with it {'are' if n > 1 else 'is'} now outdated ({', '.join(stale)}): "
                 f"run `rol build --all` to rebuild {'them' if n > 1 else 'it'} (briefs "
                 "up to date are skipped).")
    if all_:
        from . import panel as _panel

        # what `rol list` names as not built is not passed over in silence either
        summary.ignored = _ignored_entries(root, region, year and layout.check_year(year))
        if summary.ignored:
            _say(f"warning: ignored under {root / 'data' / 'raw'} (not built):\n"
                 + "\n".join(_ignored_lines(summary.ignored)), err=True)

        # a build never deletes outputs: say which ones outlived their raw report
        for r_, y_ in pipeline.gone_raw(root):
            _say(f"warning: {r_}/{y_}: published, but its raw report is gone; its brief, "
                 f"tables and index line stay (and the panel keeps it) until `rol remove "
                 f"--region {r_} --year {y_}`", err=True)

        try:
            _say(_panel.build(root).summary())
        except RolError as exc:
            # a failure line as the region-years' are (it was `error: …`, which CI's grep
            # missed, and the summary said exit 2 with every region-year built, no error)
            summary.error = f"panel: {exc.message}"
            _say(f"ERROR {summary.error}", err=True)
            code = max(code, exc.exit_code)
    summary.finish(code, "failed")


class _Progress:
    """Build progress on stderr, only once there is something to build.

    On a terminal: a bar naming the notebook running. Elsewhere (CI logs, pipes): one
    line per finished region-year, no carriage returns. ``quiet``: neither. Either way
    it keeps the order the region-years finished in (:meth:`in_order`).
    """

    def __init__(self, total: int, quiet: bool = False):
        self.total, self.done, self.bar = total, 0, None
        self.skipped = 0  # up to date since the last line said (not on a terminal)
        self.ready = 0  # built into the staging folder: published only at the build's end
        self.said = False
        self.quiet = quiet
        self.tty = sys.stderr.isatty()
        self.finished: list[str] = []

    def in_order(self, results):
        """``results`` in the order they finished (those never reported: last, as
        given)."""
        rank = {key: i for i, key in enumerate(self.finished)}
        return sorted(results, key=lambda r: rank.get(r.key, len(rank)))

    def __call__(self, kind, payload):
        if kind == "done":
            self.finished.append(payload.key)
        if self.quiet:
            return
        if kind == "step":
            region, year, step = payload
            if self.tty:
                if self.bar is None:
                    from tqdm import tqdm

                    self.bar = tqdm(total=self.total, initial=self.done, unit="report",
                                    desc="build", file=sys.stderr, dynamic_ncols=True)
                self.bar.set_postfix_str(f"{region}/{year} {step}", refresh=True)
            return
        self.done += 1
        if payload.status == "built":
            self.ready += 1
        if self.bar is not None:
            self.bar.update(1)
        elif not self.tty and payload.status == "skipped":
            self.skipped += 1  # counted, and said once before the next line
        elif not self.tty:
            self._say_skipped(self.done - 1)
            # staged, not published yet: "built" is said by the result line after the
            # publish; a Ctrl-C before it publishes none of them (trial 25)
            status = "ready" if payload.status == "built" else payload.status
            _say(f"[{self.done}/{self.total}] {payload.key}: {status}", err=True)
            self.said = True

    def _say_skipped(self, upto: int):
        # every region-year is counted: "[9/11]" right after "[3/11]" said nothing of
        # the five up to date between them (trial 23); a build with nothing to build
        # says nothing here (its result lines say "up to date")
        if self.skipped and (self.said or upto < self.done):
            n, self.skipped = self.skipped, 0
            _say(f"[{upto}/{self.total}] {n} up to date, skipped", err=True)

    def close(self):
        self._say_skipped(self.done)
        if self.bar is not None:
            self.bar.set_postfix_str("")
            self.bar.close()


@main.command()
@click.option("--xlsx/--no-xlsx", default=None,
              help="Always / never write panel.xlsx (the slowest output). Default: "
                   "written when its sheets hold at most 1 million cells.")
@click.option("--force", is_flag=True, help="Read every region-year again.")
@_root_option
def panel(xlsx, force, root):
    """Gather every published region-year into data/processed/panel/.

    Writes indicators, mentions, ratios and region_years as parquet datasets, a DuckDB
    database (panel.duckdb) with the views indicators, wide, ratios, region_years and
    mentions, and panel.xlsx (a sheet per view but mentions). Only changed region-years
    are read again, and only the fragments holding them are written again.
    """
    from . import panel as _panel

    if not (root / "data").is_dir():
        raise UsageError(f"{root}: no data/ folder here. Run rol from the project folder "
                         "or pass --root DIR.")
    click.echo(_panel.build(root, xlsx=xlsx, force=force).summary())


@main.command("list")
@_root_option
def list_(root):
    """Every region-year found under data/raw and its build status."""
    from . import pipeline

    if not (root / "data" / "raw").is_dir():
        raise UsageError(f"{root}: no data/raw/ folder here. Run rol from the project folder "
                         "or pass --root DIR.")
    # every row's status reads regions.csv: a broken one is said once, with exit 2, not
    # as the "error" of every region-year
    pipeline.check_shared_inputs(root)
    rows = pipeline.status(root)
    if not rows:
        click.echo(f"no reports under {root / 'data' / 'raw'}: add "
                   "data/raw/<region>/<year>.txt (see data/raw/README.md).")
    width = max((len(f"{r['region']}/{r['year']}") for r in rows), default=10)
    for r in rows:
        click.echo(f"{r['region'] + '/' + str(r['year']):<{width}}  {r['raw'] or '-':<10}  "
                   f"{r['status']}")
    stale = [r for r in rows
             if r["status"].startswith("not built") or "outdated" in r["status"]]
    # an up-to-date brief a new peer outdates is rebuilt by the same batch (trial 24 F17)
    peers = sum(1 for r in rows if r.get("peer_new"))
    # what the build stops on is no region-year it builds (session 24: an unregistered
    # region was counted, then refused)
    refused = [r for r in stale if r.get("refused")]
    stale = [r for r in stale if not r.get("refused")]
    said = ", ".join(f"{r['region']}/{r['year']} ({r['refused']})" for r in refused)
    from . import suites

    # `rol build` refuses until the suites match the catalogue (trial 26 was told to
    # build, and the build refused): said, and the order of the two commands
    out_of_date, source = suites.stale_for(root)
    for p in out_of_date:
        click.echo(f"{suites.out_of_date_message(p, source, root)} `rol build` and `rol "
                   "validate` refuse until then.")
    first = f"`{suites.command(root)}`, then " if out_of_date else ""
    if stale:
        # the one command, said once rather than after every row (trial 5 F8)
        n = len(stale)
        more = (f"; it refuses {len(refused)} more, as their lines say: {said}"
                if refused else "")
        also = (f", and rebuilds the {peers} up-to-date brief{'s' if peers > 1 else ''} that "
                f"show{'' if peers > 1 else 's'} {'one of them' if n > 1 else 'it'} once "
                f"published ({peers + n} in all)" if peers else "")
        click.echo(f"next: {first}`rol build --all` builds the {n} region-year"
                   f"{'s' if n > 1 else ''} not built or outdated{also} (the others are "
                   f"skipped as up to date){more}")
    elif refused:
        n = len(refused)
        click.echo(f"next: {first}`rol build --all` refuses the {n} region-year"
                   f"{'s' if n > 1 else ''} not built or outdated until fixed, as their "
                   f"lines say: {said}")
    if not pipeline.index_current(root):
        click.echo("reports/index.html: outdated: regions.csv changed the name, province or "
                   "level of a region it lists; the next `rol build` rewrites it")
    for w in pipeline.unlisted_regions(root) + pipeline.renamed_regions(root):
        click.echo(f"warning: {w}")
    ignored = _ignored_entries(root)
    if ignored:
        click.echo(f"ignored under {root / 'data' / 'raw'}:\n"
                   + "\n".join(_ignored_lines(ignored)))


def _ignored_entries(root: Path, region: str | None = None, year: int | None = None
                     ) -> list[dict]:
    """What ``rol list`` says it ignores under data/raw (a .doc, a folder whose name is
    not a slug): ``path`` (relative to the root) and ``reason`` (with the fix), as the
    summary gives them. ``region`` and ``year`` keep what a narrowed ``rol build --all``
    would have built."""
    from . import pipeline

    raw = root / "data" / "raw"
    return [{"path": f"data/raw/{s['path'].relative_to(raw).as_posix()}"
                     f"{'/' if s['path'].is_dir() else ''}",
             "reason": f"{s['reason']}; fix: {s['fix']}"}
            for s in pipeline.ignored(root, region, year)]


def _ignored_lines(entries: list[dict]) -> list[str]:
    """One indented line per ignored entry, its path relative to data/raw."""
    return [f"  {e['path'].removeprefix('data/raw/')}: {e['reason']}" for e in entries]


@main.command(short_help="Extract the statistics of one report file into a folder.")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for mentions.csv, indicators.csv (+ parquet) and report.json.")
@click.option("--region", help="Region slug to record (default: the region the text "
                                "names, looked up in the regions table).")
@click.option("--year", help="Report year (default: read from the text).")
@click.option("--regions-csv", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Slug-to-name table for the region look-up and check "
                                 "(default: the regions.csv of the data/raw/ folder FILE "
                                 "is in, when there is one).")
def extract(file, out, region, year, regions_csv):
    """Extract the statistics of one report FILE (any folder) into --out DIR."""
    from . import extract as _extract

    if region is not None:
        layout.check_region(region)
    year = _year_type(year)
    note = None
    from . import catalogue as _catalogue
    from . import regions

    project = regions.project_of(file)
    if project is not None:  # its catalogue/*.toml too, as its builds read it
        _catalogue.use_project(project)
    if regions_csv is None:
        # the project the file is filed in, wherever the command runs from
        regions_csv = regions.find_for(file)
        if regions_csv is None and region is None:
            note = (f"note: no data/raw/regions.csv found above {Path(file).absolute()}, "
                    "so the region slug is left empty; pass --region SLUG or "
                    "--regions-csv FILE to fill it.")
    # the note is about the result: an error (no such file, no statistic) comes first
    # and alone, so it is said once the extraction is done
    result, warnings = _extract.extract_to(file, out, region=region, year=year,
                                           regions_csv=regions_csv)
    for w in warnings:
        click.echo(f"warning: {w}", err=True)
    if note:
        click.echo(note, err=True)
    n_ind = len(result.indicators)
    # the count the brief gives (N 个数字): distinct numbers of the text, not the rows of
    # mentions.csv, where a number read two ways has a row per reading (trial 23)
    n, rows = int(result.mentions["char_start"].nunique()), len(result.mentions)
    which = "a number" if rows - n == 1 else "numbers"
    extra = (f" ({rows} rows in mentions.csv: {rows - n} more for {which} read two ways "
             "or named twice)" if rows != n else "")
    click.echo(f"{file}: {n} numbers{extra}, {n_ind} catalogue indicators -> {out}")


@main.command(short_help="Extract and validate reports; publish nothing.")
@click.option("--region", help="Region slug (e.g. weibin); without --year, all its years.")
@click.option("--year", help="Report year (e.g. 2023).")
@click.option("--all", "all_", is_flag=True,
              help="Every region-year under data/raw/ (narrowed by --region/--year).")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Region-years validated in parallel, each in a worker process (as "
                   "`rol build --jobs`).")
@_summary_option
@_no_wait_option
@_root_option
def validate(region, year, all_, jobs, summary_path, no_wait, root):
    """Extract and validate reports; publish nothing (each report goes to
    .rol-cache/validate/<region>/<year>/). Exit 1 when one failed validation, 2 when one
    could not be read; every region-year is checked all the same.

    A failure's line starts with FAILED, UNREADABLE or ERROR, then the region-year, as
    in `rol build` (`grep -E '^(FAILED|UNREADABLE|ERROR) '`); --summary FILE.json
    writes the same per region-year for a machine (README "In CI")."""
    from . import pipeline, suites

    summary = _Summary("validate", root, summary_path)
    try:
        # one region's years are re-checked together after a catalogue change, as --all does
        targets = pipeline.select_targets(root, region, year,
                                          all_ or (region is not None and year is None))
        pipeline.check_shared_inputs(root)  # the catalogue and regions.csv, as build checks
        suites.require_current(root)  # as `rol build` and `rol catalogue check` do
    except RolError as exc:
        summary.write(exc.exit_code, exc.message)
        raise

    def done(kind, r):
        if kind != "done":
            return
        if r.status == "passed":
            _say(f"{r.key}: validation passed. {r.message}\nvalidation report: {r.report_path}")
        else:
            summary.fail(outcomes.validate_reason, r)

    # the progress lines of `rol build` are not printed: each result line is said as
    # its region-year is done (in the order they finish, with --jobs)
    results = pipeline.validate_all(root, targets, jobs=jobs, wait=not no_wait,
                                    on_wait=_on_wait, progress=done)
    summary.results = results
    summary.finish(max((r.exit_code for r in results), default=0), "did not pass")


@main.command(short_help="Unpublish a region-year whose raw report is gone.")
@_region_year_options
@_no_wait_option
@_root_option
def remove(region, year, no_wait, root):
    """Remove a region-year whose raw report was deleted: its tables
    (data/processed/REGION/YEAR/), its report folder (reports/REGION/YEAR/) and its line
    in reports/index.html, together; the panel, when there is one, is updated. Briefs
    that compared with it are named: `rol build --all` rebuilds them. A removal that
    was stopped part way (killed, power cut) is finished by running it again, or by
    the next `rol build`."""
    from . import pipeline

    done = pipeline.remove(root, region, year, wait=not no_wait, on_wait=_on_wait)
    click.echo(f"{region}/{year}: removed " + " and ".join(done["removed"])
               + " and its line in reports/index.html"
               + (" (finishing the removal a stopped `rol remove` had started)."
                  if done["resumed"] else "."))
    for key, why in done["outdated"]:
        click.echo(f"{key}: its brief showed {region}/{year} and is {why}; run `rol build "
                   "--all` to rebuild it.")
    if done["panel"]:
        click.echo(done["panel"])


@main.command(short_help="Delete built outputs; never data/raw/ or data/reviews/.")
@click.option("--region", help="Only this region's outputs (e.g. weibin).")
@click.option("--year", help="Only this year's outputs (e.g. 2023).")
@_no_wait_option
@_root_option
def clean(region, year, no_wait, root):
    """Delete what builds made, printing each path removed; data/raw/ (the reports,
    regions.csv) and data/reviews/ (the worksheets) are never touched.

    Without --region/--year: every folder under data/processed/ (tables, the panel)
    and reports/ (briefs), reports/index.html and .rol-cache/ (staging, `rol validate`
    reports, notes of failed builds, caches; not its locks). With --region and/or
    --year: those region-years' tables and report folders, removed as `rol remove`
    does (the index rewritten without them, the panel updated), and their notes in
    .rol-cache/. Waits for a build that holds one of them (--no-wait: exit 2). The next
    `rol build` builds them again."""
    from . import pipeline

    if region is not None:
        layout.check_region(region, root)
    year = _year_type(year)
    if not (root / "data").is_dir():
        # a folder that is no project: its reports/ may be anything's
        raise UsageError(f"{root}: no data/ folder here, so it is not a project folder and "
                         "nothing was deleted. Run rol from the project folder or pass "
                         "--root DIR.")
    removed = pipeline.clean(root, region, year, wait=not no_wait, on_wait=_on_wait)
    for path in removed:
        click.echo(f"removed {path}")
    which = "/".join(p for p in (region, year and str(year)) if p) or "built outputs"
    click.echo(f"{which}: removed {len(removed)} path{'s' if len(removed) != 1 else ''}"
               if removed else f"{which}: nothing to remove")
    click.echo("data/raw/ and data/reviews/ were not touched; `rol build` builds again.")


@main.command(short_help="Write or refresh a reviewers' worksheet (data/reviews/).")
@_region_year_options
@_root_option
def review(region, year, root):
    """Write or refresh the reviewers' worksheet data/reviews/<region>/<year>.csv.

    Every number extraction finds in the raw report, with what it read and empty
    decision columns (confirm, set, set!, exclude, add, add!, unname, new); decisions
    already made are kept. A set or add the build would refuse (an indicator whose
    definition excludes the number) is refused here too, naming the row, and the file is
    left as it was. A region without a regions.csv row is refused, as the build refuses
    it.
    After a corrected report replaced the old one, a decision whose number is found
    once in the new text in its sentence or with its own words around it is moved
    there (each move printed); the others are marked in the `stale` column, listed,
    and counted apart from the report's numbers. See data/reviews/README.md.
    """
    from . import reviews

    paths = layout.build_paths(root, region, year)
    sheet = reviews.write_worksheet(paths)
    path, n, decided = sheet.path, sheet.numbers, sheet.decided
    if sheet.moved:
        # a corrected report shifted the numbers: the reviewer sees every move
        many = "s" if len(sheet.moved) > 1 else ""
        click.echo(f"moved {len(sheet.moved)} decision{many} to where their number is now "
                   "(same number, same words around it): " + "; ".join(
                       f"row {line} {text!r}, char_start {a} → {b}"
                       for line, text, a, b in sheet.moved))
    if sheet.stale:
        many = "s are" if len(sheet.stale) > 1 else " is"
        click.echo(f"{len(sheet.stale)} decision{many} stale (the number is not at "
                   "the row's char_start in the report any more and cannot be placed "
                   "unambiguously; the `stale` column says why and what to do; "
                   "`rol build` stops on such a row until then):\n" + "\n".join(
                       f"  row {line} {text!r} at char_start {start}: {why}"
                       for line, text, start, why in sheet.stale))
    if sheet.resaved:
        # the reviewer's spreadsheet may offer the old encoding again on the next save
        click.echo(f"{path} was saved as {sheet.resaved.upper()}; rewritten as UTF-8 with "
                   "BOM (as `rol review` writes every worksheet; rol reads either).")
    # a stale row is a decision whose number is not found: counted apart, not as a number
    stale = (f", and {len(sheet.stale)} stale decision{'s' if len(sheet.stale) > 1 else ''} "
             "listed above" if sheet.stale else "")
    click.echo(f"{region}/{year}: {n} numbers, {decided} decided{stale} -> {path}\n"
               "Fill in action (confirm/set/exclude/add/unname/new) and reviewer, then "
               "`rol build --all` (it rebuilds this brief and the briefs that compare "
               "with it; the rest are skipped as up to date).\n"
               "set with an indicator_id names a number (an unnamed one too) or renames "
               "it; confirm a right name, or an unnamed number rightly left unnamed.\n"
               "unname drops a wrong name and keeps the number (with a total's id in "
               "indicator_id it becomes a part of that total).\n"
               "new: a statistic no catalogue indicator fits (the name you propose, in "
               "indicator_id, optional); `rol catalogue suggest` lists it first.\n"
               "A number it missed: a new row with action add, the number's text as the "
               "report writes it, indicator_id, value and unit; char_start may stay empty "
               "(rol finds it).")


@main.group(short_help="Check the indicator catalogue, or grow it from the corpus.")
def catalogue():
    """The indicator catalogue: the packaged src/rol_analysis/catalogue/indicators.toml,
    extended by a project's own catalogue/*.toml under --root (new [[indicator]],
    [[alias]] and [[relation]] entries). Check it, write its suites, grow it from the
    corpus."""


@catalogue.command(short_help="Print TOML stanzas for numbers no indicator names yet.")
@click.option("--min-regions", type=int, default=1, show_default=True,
              help="Only groups stated in at least this many distinct regions (a "
                   "region's years count once: gushi/2023 and gushi/2024 are 1 region).")
@_root_option
def suggest(min_regions, root):
    """Print [[indicator]] stanzas (TOML) for numbers no indicator names yet.

    Reads every published region-year (data/processed/<region>/<year>/mentions.csv),
    groups the unnamed numbers by measure and unit, most regions first (then
    region-years), and prints one stanza per group to review; reviewers' `set` decisions
    become [[alias]] stanzas, and parts of a total (part_of) are listed as comments under
    their whole. Exit 2 when no processed data is found.
    """
    from . import suggest as _suggest

    click.echo(_suggest.suggest(root, min_regions=min_regions), nl=False)


@catalogue.command("check", short_help="Validate the catalogue; exit 2 naming each problem.")
@click.option("--catalogue", "path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="A catalogue file, checked alone (default: the packaged "
                                 "indicators.toml extended by the root's catalogue/*.toml).")
@_root_option
def catalogue_check(path, root):
    """Check duplicate ids, missing fields, patterns without '#', invalid regexes,
    unknown units, sections and kinds, min above max, a definition that is not a
    non-empty string, relations naming unknown indicators or lacking their fields, and
    in a project's catalogue/*.toml a packaged id redefined or an alias naming an unknown
    indicator. Each problem names its file and line. Exit 0 with a one-line summary, or
    2 listing every problem with its fix."""
    from . import catalogue as _catalogue

    exts = () if path else _catalogue.extension_files(root)
    source = str(path) if path else " + ".join(
        str(p) for p in (_catalogue.default_path(), *exts))
    problems, counts = _catalogue.check(path, root=root)
    if problems:
        for p in problems:
            click.echo(f"error: {p.message(str(path or _catalogue.default_path()))}",
                       err=True)
        click.echo(f"{len(problems)} problem(s) in {source}; nothing was changed.", err=True)
        sys.exit(2)
    if path is None:
        # The gate reads expectations/, generated from this catalogue: an indicator added
        # without regenerating them makes every report that states it fail validation.
        from . import suites as _suites

        # the folder a build of root reads, unless it holds the project's own rules
        out_of_date, _ = _suites.stale_for(root)
        if out_of_date:
            for p in out_of_date:
                click.echo(f"error: {_suites.out_of_date_message(p, source, root)}", err=True)
            click.echo(f"{len(out_of_date)} expectation suite(s) out of date; nothing was "
                       "changed.", err=True)
            sys.exit(2)
    click.echo(f"{source}: ok ({counts['sections']} sections, {counts['indicators']} "
               f"indicators, {counts['relations']} relations, {counts['patterns']} patterns)")


@catalogue.command("suites", short_help="Write the expectation suites of the catalogue.")
@_root_option
def catalogue_suites(root):
    """Write expectations/critical.json and warning.json, the validation rules generated
    from the catalogue (ranges, units, relations), each file atomically: into the root's
    expectations/ when it has its own catalogue/*.toml, else into the folder its builds
    read. Run it after changing the catalogue; refused (exit 2, naming each problem as
    `rol catalogue check` does) while the catalogue has a problem."""
    from . import suites as _suites

    directory, changed = _suites.write_for(root)
    names = ", ".join(p.name for p in changed)
    click.echo(f"{directory}: " + (f"wrote {names}" if changed else
                                   "the suites were up to date; nothing changed"))


if __name__ == "__main__":  # pragma: no cover
    main()
