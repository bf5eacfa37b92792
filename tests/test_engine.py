"""The warm kernel gives each notebook what a fresh kernel would give it."""

import nbformat
import papermill
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from rol_analysis import engine


def _write_notebook(folder, name: str, code: str):
    """A notebook in ``folder`` with a parameters cell (``x = 0``), then ``code``."""
    nb = new_notebook(metadata={"kernelspec": {"name": "python3", "language": "python",
                                               "display_name": "Python 3"}})
    nb.cells = [
        new_code_cell("x = 0", metadata={"tags": ["parameters"]}),
        new_code_cell(code),
    ]
    path = folder / name
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def notebook(tmp_path_factory):
    yield _write_notebook(tmp_path_factory.mktemp("nb"), "t.ipynb",
                          "import os\nprint(os.getcwd(), x, 'leak' in globals())\nleak = 1")
    engine.shutdown_current()


def _run(path, out, x, cwd):
    papermill.execute_notebook(str(path), str(out), parameters={"x": x},
                               engine_name=engine.ENGINE_NAME, kernel_name="python3",
                               progress_bar=False, kernel_cwd=str(cwd))
    return nbformat.read(out, as_version=4)


def test_each_notebook_starts_clean_on_the_same_kernel(notebook, tmp_path):
    first = _run(notebook, tmp_path / "a.ipynb", 1, tmp_path)
    pid = engine.current_kernel().km.provisioner.process.pid
    (tmp_path / "sub").mkdir()
    second = _run(notebook, tmp_path / "b.ipynb", 2, tmp_path / "sub")
    assert engine.current_kernel().km.provisioner.process.pid == pid  # no new kernel
    out1 = first.cells[-1].outputs[0]["text"]
    out2 = second.cells[-1].outputs[0]["text"]
    assert out1 == f"{tmp_path} 1 False\n"
    # the variable set by the first notebook is gone, the working folder moved
    assert out2 == f"{tmp_path / 'sub'} 2 False\n"
    assert [c.execution_count for c in first.cells] == [c.execution_count for c in second.cells]
    assert first.cells[0].execution_count == 1


@pytest.fixture(scope="module")
def slow_notebook(tmp_path_factory):
    yield _write_notebook(tmp_path_factory.mktemp("slow"), "slow.ipynb",
                          "import time\nprint('started', flush=True)\ntime.sleep(120)")
    engine.shutdown_current()


def test_a_kernel_that_dies_is_noticed_within_seconds_and_replaced(notebook, slow_notebook,
                                                                    tmp_path):
    import os
    import signal
    import threading
    import time

    kernel = engine.current_kernel()
    kernel.ensure_started()
    pid = kernel.km.provisioner.process.pid
    killed = []

    def kill_when_running():
        time.sleep(3)  # the cell is sleeping by now (the notebook itself takes ~0.1 s)
        killed.append(time.monotonic())
        os.kill(pid, signal.SIGKILL)

    threading.Thread(target=kill_when_running, daemon=True).start()
    with pytest.raises(engine.KernelDied) as info:
        _run(slow_notebook, tmp_path / "s.ipynb", 1, tmp_path)
    noticed = time.monotonic() - killed[0]
    assert info.value.how == "killed by SIGKILL"
    assert noticed < 30, noticed  # was: never (nbclient waited forever)
    print(f"kernel death noticed after {noticed:.2f} s")
    # the next notebook runs on a fresh kernel
    out = _run(notebook, tmp_path / "after.ipynb", 5, tmp_path)
    assert out.cells[-1].outputs[0]["text"] == f"{tmp_path} 5 False\n"
    assert engine.current_kernel().km.provisioner.process.pid != pid


def test_a_cell_past_the_timeout_stops_the_kernel(notebook, slow_notebook, tmp_path):
    kernel = engine.current_kernel()
    kernel.ensure_started()
    pid = kernel.km.provisioner.process.pid
    with pytest.raises(engine.CellTimeout):
        papermill.execute_notebook(str(slow_notebook), str(tmp_path / "t.ipynb"),
                                   engine_name=engine.ENGINE_NAME, kernel_name="python3",
                                   progress_bar=False, kernel_cwd=str(tmp_path),
                                   execution_timeout=2)
    out = _run(notebook, tmp_path / "after.ipynb", 6, tmp_path)
    assert out.cells[-1].outputs[0]["text"] == f"{tmp_path} 6 False\n"
    assert engine.current_kernel().km.provisioner.process.pid != pid


def test_a_kernel_whose_port_is_taken_is_started_again_on_fresh_ports(monkeypatch):
    # Seen in a 100-brief batch: two workers started kernels at the same moment, both
    # were given the same free port, and one build failed "Address already in use".
    import socket

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    made = []

    class Clashing(engine.KernelManager):
        def __init__(self, **kw):
            super().__init__(**kw)
            if not made:  # the first kernel is handed a port someone else holds
                self.cache_ports = False  # (else jupyter_client picks its own)
                self.stdin_port = taken.getsockname()[1]
            made.append(self)

    monkeypatch.setattr(engine, "KernelManager", Clashing)
    kernel = engine.WarmKernel()
    try:
        kernel.ensure_started()
        assert kernel.km.is_alive() and len(made) == 2
        assert kernel.km.stdin_port != taken.getsockname()[1]
    finally:
        kernel.shutdown()
        taken.close()
