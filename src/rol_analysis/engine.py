"""A papermill engine that keeps one kernel warm across notebooks.

Papermill's default engine starts a kernel per notebook, so every notebook pays the
kernel start and the imports of pandas, matplotlib and Great Expectations again (seconds
each). ``WarmKernel`` starts the project's own Python kernel once; before each notebook
it resets the kernel to a clean namespace (fresh execution counter, no variables, closed
figures, working folder set) while the imported modules stay loaded. A one-off build and
a batch build use the same engine, so their executed notebooks are identical.
"""

from __future__ import annotations

import sys
import tempfile
import threading

import papermill.engines as pm_engines
from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from papermill.clientwrap import PapermillNotebookClient

ENGINE_NAME = "rol-warm"
KERNEL_NAME = "python3"

# Runs silently before every notebook: the namespace a fresh kernel would have, minus
# the import cost.
_RESET = """\
get_ipython().reset(new_session=True, aggressive=False)
import os as _os
try:
    import matplotlib.pyplot as _plt
    _plt.close("all")
    del _plt
except ImportError:
    pass
_os.chdir({cwd!r})
del _os
"""


class _OwnPythonKernelSpecs(KernelSpecManager):
    """Always the interpreter running rol-analysis: no ``ipykernel install`` needed."""

    def get_kernel_spec(self, kernel_name):  # noqa: ARG002 - one kernel for every name
        return KernelSpec(
            argv=[sys.executable, "-Xfrozen_modules=off", "-m", "ipykernel_launcher",
                  "-f", "{connection_file}"],
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
        self.kc = None
        self.log = None

    def ensure_started(self) -> None:
        """Start the kernel if it is not running (or died)."""
        if self.km is not None and self.km.is_alive():
            return
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
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=self.startup_timeout)
        except RuntimeError as exc:
            self.log.seek(0)
            tail = self.log.read()[-2000:].decode("utf-8", "replace")
            km.shutdown_kernel(now=True)
            raise RuntimeError(f"the notebook kernel did not start: {exc}\n{tail}") from None
        kc.allow_stdin = False
        self.km, self.kc = km, kc

    def reset(self, cwd: str) -> None:
        """Give the next notebook a clean namespace and working folder ``cwd``."""
        self.ensure_started()
        reply = self.kc.execute_interactive(
            _RESET.format(cwd=str(cwd)), silent=True, store_history=False,
            timeout=self.startup_timeout, output_hook=lambda msg: None,
        )
        if reply["content"].get("status") != "ok":
            # A kernel that cannot reset is not trusted with the next notebook.
            content = reply["content"]
            self.shutdown()
            raise RuntimeError(f"kernel reset failed: {content.get('ename')}: "
                               f"{content.get('evalue')}")

    def shutdown(self) -> None:
        """Stop the kernel and its client, if any."""
        if self.kc is not None:
            try:
                self.kc.stop_channels()
            except Exception:  # noqa: BLE001 - best effort on the way out
                pass
        if self.km is not None:
            try:
                self.km.shutdown_kernel(now=True)
            except Exception:  # noqa: BLE001
                pass
        self.km = self.kc = None
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
                                 execution_timeout=None, kernel_cwd=".", **kwargs):
        kernel = current_kernel()
        kernel.reset(kernel_cwd)
        client = PapermillNotebookClient(
            nb_man,
            km=kernel.km,
            timeout=execution_timeout,
            startup_timeout=start_timeout,
            kernel_name=kernel_name,
            log=pm_engines.logger,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
        )
        client.kc = kernel.kc
        return client.execute(cleanup_kc=False)


pm_engines.papermill_engines.register(ENGINE_NAME, WarmEngine)
