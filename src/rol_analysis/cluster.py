"""Builds on a Dask distributed cluster (``rol build --all --scheduler ADDRESS|local``).

Needs the ``dask`` extra (``layout.install_command('dask')``: ``make dask`` in a
checkout, else ``pip install 'rol-analysis[dask]'``); ``pipeline`` imports
this module only when a scheduler is asked for.

- ``DaskExecutor`` is a ``concurrent.futures`` executor over a ``distributed.Client``,
  so ``pipeline.build`` runs its phase tasks on it as on the process pool.
- Each worker thread keeps one warm kernel (``engine.current_kernel``), as a pool worker
  does; a worker plugin stops every kernel of the worker when the worker closes. A
  worker that is killed takes its kernel with it (the kernel exits when its parent dies).
- Progress: a task reports the notebook it is running with ``Worker.log_event``; the
  client's topic handler feeds the same queue the pool's workers feed.
- A worker that dies mid-task: the scheduler gives the task to another worker. With
  ``local`` the scheduler is ours and allows one such retry
  (``distributed.scheduler.allowed-failures = 1``); on an existing cluster its own
  setting applies (Dask's default is 3). The phases are restartable: the next attempt
  clears the staging folders and puts back a half-swapped or kept-back folder before it
  builds, so published outputs stay intact and no staging is left behind.
- Workers must run the same rol-analysis (checked: a task on a worker whose package
  files differ fails with a message), the same versions of the libraries the build
  fingerprint records (checked: another pandas would write build.json records the
  client's ``rol list`` calls outdated, and may write other outputs) and see the root at
  the same path (checked too). Each refuses the task with exit code 2.
"""

from __future__ import annotations

import concurrent.futures as cf
import logging
import queue
from pathlib import Path

import dask
import distributed

from . import __version__
from .exceptions import UsageError

TOPIC = "rol-progress"


#: Dask settings of ``--scheduler local``. One retry of a task whose worker died; and
#: the cluster shares two cores with its own notebooks, so its housekeeping runs less
#: often than Dask's defaults (made for long-lived multi-node clusters): the event-loop
#: health tick every second instead of every 20 ms, the resource monitor every 2 s, and
#: no statistical profiler sampling the task thread's stack every 10 ms (a notebook's
#: time is spent in its kernel, where that profiler does not look).
LOCAL_CONFIG = {
    "distributed.scheduler.allowed-failures": 1,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.profile.enabled": False,
}


class WarmKernelPlugin(distributed.WorkerPlugin):
    """Stops the worker's warm kernels when the worker closes."""

    name = "rol-warm-kernel"

    def teardown(self, worker):  # noqa: ARG002 - same for every worker
        # imported here: the client unpickles nothing of it, and papermill (which the
        # engine imports) costs the client process a second of start-up for nothing
        from . import engine

        engine.shutdown_all()


def _emit(region, year, step) -> None:
    try:
        distributed.get_worker().log_event(TOPIC, [region, year, step])
    except ValueError:  # not on a worker (should not happen): progress is optional
        pass


def expected() -> tuple[str, dict[str, str | None]]:
    """What a worker must run, as this client has it: the package digest and the
    versions of every library a build fingerprint can record (``pipeline.libraries``:
    Python, the data and brief phases' libraries and every format's readers)."""
    from . import pipeline

    return (pipeline._package_digest(),
            pipeline.libraries(pipeline.recorded_libraries(pipeline.READER_LIBRARIES)))


def _task_libraries(root, region, year) -> list[str]:
    """The libraries the task's fingerprints record: a .txt report's build does not
    record the PDF readers, so a worker without the ``ocr`` extra may build it."""
    from . import layout, pipeline
    from .exceptions import InputError

    try:
        raw = layout.build_paths(root, region, year).raw
    except (InputError, UsageError):  # no raw report: the phase itself says so
        raw = None
    return pipeline.recorded_libraries([pipeline.report_format(raw)])


def _other_libraries(want: dict, root, region, year) -> list[tuple[str, str | None, str | None]]:
    """(library, this worker's version, the client's) for each library the task's
    fingerprints record whose version here is not the client's."""
    from . import pipeline

    names = _task_libraries(root, region, year)
    have = pipeline.libraries(names)
    return [(n, have[n], want.get(n)) for n in names if have[n] != want.get(n)]


def _install_hint(name: str, version: str | None) -> str:
    if name == "python":
        return f"use Python {version}"
    return f"pip uninstall {name}" if version is None else f"pip install '{name}=={version}'"


def run_task(fn, want: tuple[str, dict], *args):
    """Run a pipeline phase task on a worker, after checking the worker can run it.

    ``want``: :func:`expected` on the client. A worker with another package, another
    version of a library the fingerprint records, or without the root refuses the task
    with a message saying what differs and how to fix it (exit code 2).
    """
    from . import pipeline

    digest, libs = want
    root, region, year = args[0], args[1], args[2]
    where = distributed.get_worker().address
    if digest != pipeline._package_digest():
        return pipeline.BuildResult(
            region, year, "error",
            f"{region}/{year}: the Dask worker {where} runs another rol-analysis than this "
            f"client ({__version__}; the package files differ). Install the same version "
            "on every worker and restart them.", 2)
    if not (Path(root) / "data" / "raw").is_dir():
        return pipeline.BuildResult(
            region, year, "error",
            f"{region}/{year}: the Dask worker {where} cannot see the root {root}. Put the "
            "root on a filesystem every worker mounts at the same path (shared storage) and "
            "pass that path with --root.", 2)
    other = _other_libraries(libs, root, region, year)
    if other:
        # build.json records these versions: the client's `rol list` would call what
        # this worker builds outdated, and another version may write other outputs
        said = ", ".join(f"{n} {mine or 'not installed'} (this client: "
                         f"{theirs or 'not installed'})" for n, mine, theirs in other)
        fix = "; ".join(_install_hint(n, theirs) for n, _, theirs in other)
        return pipeline.BuildResult(
            region, year, "error",
            f"{region}/{year}: the Dask worker {where} has other library versions than "
            f"this client: {said}. The build records them, so this client's `rol list` "
            f"would call its outputs outdated. On every worker: {fix}; then restart the "
            "workers.", 2)
    pipeline._step_sink = lambda ev: _emit(*ev)
    return fn(*args)


class DaskExecutor(cf.Executor):
    """A ``concurrent.futures`` executor running tasks on a Dask cluster.

    Parameters
    ----------
    scheduler : str
        ``tcp://HOST:PORT`` of a running scheduler, or ``local`` to start a
        ``LocalCluster`` of ``jobs`` worker processes (one thread each) on this machine.
    jobs : int
        Workers of the local cluster.
    """

    def __init__(self, scheduler: str, jobs: int = 1):
        self.events: queue.Queue = queue.Queue()
        self.cluster = None
        self.want = expected()
        try:
            if scheduler == "local":
                with dask.config.set(LOCAL_CONFIG):
                    # memory_limit=0: the memory a build takes is its kernel's, a process
                    # of its own the nanny does not measure; watching the worker's few
                    # hundred MB ten times a second would cost CPU and protect nothing.
                    self.cluster = distributed.LocalCluster(
                        n_workers=jobs, threads_per_worker=1, processes=True,
                        memory_limit=0, dashboard_address=None,
                        silence_logs=logging.ERROR)
                self.client = distributed.Client(self.cluster)
            else:
                self.client = distributed.Client(scheduler, timeout="20s")
        except (OSError, TimeoutError, ValueError) as exc:
            self.close()
            raise UsageError(
                f"--scheduler {scheduler}: cannot reach a Dask scheduler there ({exc}). "
                "Start one (`dask scheduler`, then `dask worker tcp://HOST:8786` on each "
                "machine), check the address, or use --scheduler local.") from None
        self.client.register_plugin(WarmKernelPlugin(), name=WarmKernelPlugin.name)
        self.client.subscribe_topic(TOPIC, self._on_event)
        self._ex = self.client.get_executor(pure=False)

    def _on_event(self, event):
        _, msg = event
        self.events.put(tuple(msg))

    def submit(self, fn, /, *args, **kwargs):
        return self._ex.submit(run_task, fn, self.want, *args, **kwargs)

    def shutdown(self, wait=True, *, cancel_futures=False):
        try:
            self._ex.shutdown(wait=wait)
        finally:
            self.close()

    def close(self):
        client, cluster = getattr(self, "client", None), self.cluster
        self.client = self.cluster = None
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()


def executor(scheduler: str, jobs: int = 1):
    """``(executor, progress queue)`` for ``pipeline``'s runner."""
    ex = DaskExecutor(scheduler, jobs)
    return ex, ex.events


def check_scheduler(value: str) -> str:
    """``local`` or a ``tcp://host:port`` address, else UsageError."""
    if value == "local" or "://" in value:
        return value
    raise UsageError(f"--scheduler {value!r}: give the scheduler's address as "
                     "tcp://HOST:8786, or `local` to start a cluster on this machine.")
