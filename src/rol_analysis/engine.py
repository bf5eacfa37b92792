"""A papermill engine that keeps one kernel warm across notebooks.

Papermill's default engine starts a kernel per notebook, so every notebook pays the
kernel start and the imports of pandas, matplotlib and Great Expectations again (seconds
each). ``WarmKernel`` starts the project's own Python kernel once; before each notebook
it resets the kernel to a clean namespace (fresh execution counter, no variables, closed
figures, working folder set) while the imported modules stay loaded. A one-off build and
a batch build use the same engine, so their executed notebooks are identical.

Each notebook is executed through an asynchronous client on that kernel, so nbclient's
watch on the kernel process works: a kernel that dies is noticed within about a second
(``KernelDied``, with the end of the kernel's log), and a cell that runs past the
timeout stops the kernel (``CellTimeout``). Either way the next notebook gets a fresh
kernel.
"""

from __future__ import annotations

import logging
import signal
import sys
import tempfile
import threading

import papermill.engines as pm_engines
from jupyter_client import KernelManager
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_core.utils import run_sync
from papermill.clientwrap import PapermillNotebookClient

from .layout import STAGE_ENV

ENGINE_NAME = "rol-warm"
KERNEL_NAME = "python3"

# Runs silently before every notebook: the namespace a fresh kernel would have, minus
# the import cost.
_RESET = """\
try:
    import matplotlib.pyplot as _plt
    _plt.close("all")
    del _plt
except ImportError:
    pass
get_ipython().reset(new_session=True, aggressive=False)
import gc as _gc
import os as _os
# reset() ends with a full garbage collection, which walks every object of the loaded
# modules (pandas, matplotlib, Great Expectations: ~0.3 s each time). What survives it
# is long-lived: frozen, the next collections skip it. The last notebook's garbage was
# collected just before, so none of it is kept.
_gc.freeze()
del _gc
_os.chdir({cwd!r})
{env}del _os
"""


class KernelDied(RuntimeError):
    """The kernel process ended while a notebook ran on it.

    Attributes
    ----------
    how : str
        Its exit status in words (``killed by SIGKILL``, ``exit code 1``).
    log_tail : str
        The last lines the kernel wrote to its stdout/stderr.
    """

    def __init__(self, how: str, log_tail: str):
        super().__init__(f"the kernel died ({how})")
        self.how, self.log_tail = how, log_tail


class CellTimeout(RuntimeError):
    """A cell ran longer than the execution timeout; the kernel was stopped."""


class _OwnPythonKernelSpecs(KernelSpecManager):
    """Always the interpreter running rol-analysis: no ``ipykernel install`` needed."""

    def get_kernel_spec(self, kernel_name):  # noqa: ARG002 - one kernel for every name
        return KernelSpec(
            # No input history: IPython would write every cell to a SQLite file in the
            # user's profile (shared by the workers' kernels, so they wait on its lock);
            # a pipeline run has nothing to recall.
            argv=[sys.executable, "-Xfrozen_modules=off", "-m", "ipykernel_launcher",
                  "-f", "{connection_file}", "--HistoryManager.enabled=False"],
            display_name="Python 3 (ipykernel)",
            language="python",
            # CurveZMQ keys for the kernel's sockets: no "running over TCP without
            # encryption" warning at every start.
            metadata={"supported_encryption": ["curve"]},
            env={"PYDEVD_DISABLE_FILE_VALIDATION": "1", "MPLBACKEND": "module://matplotlib_inline.backend_inline"},
        )


def _encryption_policy() -> str:
    import zmq

    return "auto" if zmq.has("curve") else "disabled"


#: Extra kernel starts after a port clash with another kernel starting at the same time.
_PORT_RACE_RETRIES = 3


class WarmKernel:
    """One kernel process, reused by every notebook a worker runs.

    Parameters
    ----------
    startup_timeout : float
        Seconds to wait for the kernel to start.
    """

    def __init__(self, startup_timeout: float = 60):
        self.startup_timeout = startup_timeout
        self.km: KernelManager | None = None
        self.log = None

    def ensure_started(self) -> None:
        """Start the kernel if it is not running (or died)."""
        if self.km is not None and self.km.is_alive():
            return
        for attempt in range(_PORT_RACE_RETRIES + 1):
            try:
                return self._start()
            except RuntimeError as exc:
                # jupyter_client picks free ports and releases them before the kernel
                # binds them: two workers starting kernels at the same moment can pick
                # the same port, and one kernel dies with "Address already in use".
                # Fresh ports make that harmless; any other start failure is reported.
                if "Address already in use" not in str(exc) or attempt == _PORT_RACE_RETRIES:
                    raise

    def _start(self) -> None:
        self.shutdown()
        km = KernelManager(
            kernel_name=KERNEL_NAME,
            kernel_spec_manager=_OwnPythonKernelSpecs(),
            transport_encryption=_encryption_policy(),
        )
        # The kernel's own stdout/stderr (not cell outputs, which arrive over the wire)
        # go to a log: start-up chatter must not reach the user's terminal, but a kernel
        # that dies should be able to say why.
        self.log = tempfile.TemporaryFile()
        km.start_kernel(stdout=self.log, stderr=self.log)
        self.km = km
        kc = self.async_client()
        try:
            run_sync(kc.wait_for_ready)(timeout=self.startup_timeout)
        except RuntimeError as exc:
            tail = self.log_tail()
            self.shutdown()
            raise RuntimeError(f"the notebook kernel did not start: {exc}\n{tail}") from None
        finally:
            kc.stop_channels()

    def reset(self, kc, cwd: str, env: dict | None = None) -> None:
        """Give the next notebook a clean namespace, working folder ``cwd`` and the
        environment variables ``env`` (None: unset), through the client ``kc``."""
        lines = "".join(
            f"_os.environ[{k!r}] = {v!r}\n" if v is not None
            else f"_os.environ.pop({k!r}, None)\n"
            for k, v in sorted((env or {}).items()))
        reply = run_sync(kc.execute_interactive)(
            _RESET.format(cwd=str(cwd), env=lines), silent=True, store_history=False,
            timeout=self.startup_timeout, output_hook=lambda msg: None, allow_stdin=False,
        )
        if reply["content"].get("status") != "ok":
            # A kernel that cannot reset is not trusted with the next notebook.
            content = reply["content"]
            self.shutdown()
            raise RuntimeError(f"kernel reset failed: {content.get('ename')}: "
                               f"{content.get('evalue')}")

    def log_tail(self, n: int = 20) -> str:
        """The last ``n`` lines the kernel process wrote to its stdout/stderr."""
        if self.log is None:
            return ""
        try:
            self.log.seek(0)
            text = self.log.read()[-8000:].decode("utf-8", "replace")
        except (OSError, ValueError):
            return ""
        return "\n".join(text.strip().splitlines()[-n:])

    def exit_status(self) -> str:
        """How the kernel process ended, in words."""
        proc = getattr(getattr(self.km, "provisioner", None), "process", None)
        code = proc.poll() if proc is not None else None
        if code is None:
            return "no exit status"
        if code < 0:
            try:
                return f"killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"killed by signal {-code}"
        return f"exit code {code}"

    def async_client(self) -> AsyncKernelClient:
        """A new asynchronous client of this kernel, as nbclient wants one: its
        ``is_alive`` asks the kernel manager, which sees the process die."""
        kw = self.km.get_connection_info(session=True)
        for key in ("curve_publickey", "curve_secretkey"):
            if isinstance(kw.get(key), str):
                kw[key] = kw[key].encode("ascii")
        kc = AsyncKernelClient(**kw, parent=self.km)
        kc.start_channels(hb=False, stdin=False, control=False)
        return kc

    def ready_client(self) -> AsyncKernelClient:
        """:meth:`async_client`, returned once its IOPub channel is known to receive.

        A new subscriber misses what the kernel publishes before its subscription
        reaches the kernel (ZeroMQ's "slow joiner"). A reset's only message there is
        its idle status: missing it left a build waiting 60 s and failing with
        "Timeout waiting for output" (seen once in CI, on a loaded machine).
        ``wait_for_ready`` returns only after a kernel_info round trip has also been
        seen on IOPub.
        """
        kc = self.async_client()
        try:
            run_sync(kc.wait_for_ready)(timeout=self.startup_timeout)
        except BaseException:
            kc.stop_channels()
            raise
        return kc

    def shutdown(self) -> None:
        """Stop the kernel, if any."""
        if self.km is not None:
            try:
                self.km.shutdown_kernel(now=True)
            except Exception:  # noqa: BLE001 - best effort on the way out
                pass
        self.km = None
        if getattr(self, "log", None) is not None:
            self.log.close()
            self.log = None

    def __enter__(self):
        self.ensure_started()
        return self

    def __exit__(self, *exc):
        self.shutdown()


_local = threading.local()
# Every thread's kernel, so a worker that closes can stop them from any thread (a Dask
# worker's teardown does not run on the thread that executed the notebooks).
_all_kernels: set[WarmKernel] = set()
_all_lock = threading.Lock()


def current_kernel() -> WarmKernel:
    """The warm kernel of this thread (one per worker), started on first use."""
    kernel = getattr(_local, "kernel", None)
    if kernel is None:
        kernel = _local.kernel = WarmKernel()
        with _all_lock:
            _all_kernels.add(kernel)
    return kernel


def shutdown_all() -> None:
    """Stop every warm kernel this process started, whichever thread owns it."""
    with _all_lock:
        kernels = list(_all_kernels)
        _all_kernels.clear()
    for kernel in kernels:
        kernel.shutdown()


def shutdown_current() -> None:
    kernel = getattr(_local, "kernel", None)
    if kernel is not None:
        kernel.shutdown()
        _local.kernel = None
        with _all_lock:
            _all_kernels.discard(kernel)


class WarmEngine(pm_engines.NBClientEngine):
    """Papermill engine executing on ``current_kernel()`` instead of a new kernel."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False,
                                 stdout_file=None, stderr_file=None, start_timeout=60,
                                 execution_timeout=None, kernel_cwd=".", rol_env=None,
                                 **kwargs):
        from nbclient.exceptions import CellTimeoutError, DeadKernelError

        kernel = current_kernel()
        kernel.ensure_started()
        kc = kernel.ready_client()
        try:
            # unset unless given: nothing leaks from the notebook run before
            kernel.reset(kc, kernel_cwd, {STAGE_ENV: None, **(rol_env or {})})
        except BaseException:
            kc.stop_channels()
            raise
        client = PapermillNotebookClient(
            nb_man,
            km=kernel.km,
            timeout=execution_timeout,
            startup_timeout=start_timeout,
            kernel_name=kernel_name,
            log=_CLIENT_LOG,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
        )
        client.kc = kc
        try:
            return client.execute(cleanup_kc=False)
        except DeadKernelError:
            died = KernelDied(kernel.exit_status(), kernel.log_tail())
            kernel.shutdown()
            raise died from None
        except CellTimeoutError:
            kernel.shutdown()  # still busy with the cell: not fit for the next notebook
            raise CellTimeout() from None
        except BaseException as exc:
            # Ctrl-C or anything unexpected: the kernel's state is unknown
            if isinstance(exc, KeyboardInterrupt):
                # the run is abandoned: nbclient's cell task then ends in DeadKernelError
                # that nobody awaits, which asyncio would print ("Task exception was
                # never retrieved") below the one-line "interrupted" message
                logging.getLogger("asyncio").disabled = True
            kernel.shutdown()
            raise
        finally:
            kc.stop_channels()


pm_engines.papermill_engines.register(ENGINE_NAME, WarmEngine)

# nbclient logs a dying kernel ("Kernel died while waiting for execute reply.") before it
# raises; with no handler configured, Python's last-resort handler would print that to
# the user's terminal beside our own one-line message. KernelDied carries the kernel's
# log tail instead, so the client's own log goes nowhere.
_CLIENT_LOG = logging.getLogger("rol_analysis.notebook_client")
_CLIENT_LOG.addHandler(logging.NullHandler())
_CLIENT_LOG.propagate = False
