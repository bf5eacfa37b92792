"""Run ``rol`` with faults at named points of a build: for tests/test_faults.py.

``python tests/fault_driver.py LOG FAULTS rol-args...`` runs the same code as the
``rol`` command (``cli.main``) in this process, after wrapping a few internals so that,
when the build reaches a named point, it appends the point's name to ``LOG`` and then
kills itself (``KILL``: SIGKILL) or presses Ctrl-C (``INT``: SIGINT to its process
group, as a terminal does). ``FAULTS`` is a comma-separated list such as
``INT@index,KILL@journal``: every point fires once, in the order the build reaches them.

A point in time picked at random hits the millisecond windows of a build (making the
staging folder, the renames of the publish) only now and then; a named point hits them
every time, so a few builds cover every phase. The points:

``lock``
    every region-year lock taken, the publish of a killed build not yet finished
``stage-new``
    ``.rol-cache/stage/.<pid>-<random>.new/owner.json`` written, folder not yet renamed
``kernel:<notebook>:<seconds>``
    that many seconds into running the notebook (the kernel busy), or as it ends if
    it ends sooner
``index``
    the new ``reports/index.html`` rendered in ``.rol-cache/txn/``, nothing moved yet
``journal``
    the commit point: new folders in ``.rol-cache/txn/``, journal written, no rename yet
``rename:<n>``
    right after the n-th rename of the publish that touches ``reports/`` or
    ``data/processed/`` (1: the old data folder moved aside, 2: the new one in place,
    3 and 4: the same for the report folder, 5: the index); of ``rol remove``: 1 the
    data folder moved aside, 2 the report folder, 3 the index (the panel not yet
    written)
``stage-remove``
    the outputs published, the staging folder being removed: owner.json already gone
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from pathlib import Path


def main(log: str, faults: str, args: list[str]) -> None:
    from rol_analysis import cli, pipeline, render

    pending = {}
    for item in faults.split(","):
        how, point = item.split("@", 1)
        pending[point] = signal.SIGKILL if how == "KILL" else signal.SIGINT

    def fire(point: str) -> None:
        how = pending.pop(point, None)
        if how is None:
            return
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(point + "\n")
        if how == signal.SIGKILL:
            os.kill(os.getpid(), signal.SIGKILL)
        else:
            os.killpg(os.getpgrp(), signal.SIGINT)

    root = Path(args[args.index("--root") + 1]).resolve()
    outputs = (str(root / "reports"), str(root / "data" / "processed"))
    publishing = []

    recover = pipeline.recover

    def recover_hook(root_, region, year):
        fire("lock")
        return recover(root_, region, year)

    write_json = pipeline.write_json

    def write_json_hook(path, data, *a, **kw):
        result = write_json(path, data, *a, **kw)
        path = Path(path)
        if path.name == "owner.json" and path.parent.name.endswith(".new"):
            fire("stage-new")
        elif path.name == "journal.json":
            fire("journal")
        return result

    run_notebook = pipeline.run_notebook

    def run_notebook_hook(root_, nb_name, *a, **kw):
        mine = [p for p in pending
                if p.startswith("kernel:") and nb_name.startswith(p.split(":")[1])]
        for point in mine:
            timer = threading.Timer(float(point.split(":")[2]), fire, (point,))
            timer.daemon = True
            timer.start()
        result = run_notebook(root_, nb_name, *a, **kw)
        for point in mine:  # a notebook quicker than the delay: cut at its last cell
            fire(point)
        return result

    write_index = render.write_index

    def write_index_hook(root_, *a, **kw):
        result = write_index(root_, *a, **kw)
        if kw.get("out") is not None:  # the publish's staged index, not a re-render
            fire("index")
        return result

    publish = pipeline.publish

    def publish_hook(*a, **kw):
        publishing.append(0)
        return publish(*a, **kw)

    remove_cmd = pipeline.remove

    def remove_cmd_hook(*a, **kw):  # `rol remove`: its renames are counted alike
        publishing.append(0)
        return remove_cmd(*a, **kw)

    replace = os.replace

    def replace_hook(src, dst, *a, **kw):
        result = replace(src, dst, *a, **kw)
        if publishing and (str(src).startswith(outputs) or str(dst).startswith(outputs)):
            publishing[0] += 1
            fire(f"rename:{publishing[0]}")
        return result

    remove = pipeline.Stage.remove

    def remove_hook(self):
        if "stage-remove" in pending:
            # rmtree takes the folder apart in no fixed order: owner.json first is the
            # case the next build must recognise
            (self.path / "owner.json").unlink(missing_ok=True)
            fire("stage-remove")
        return remove(self)

    pipeline.recover = recover_hook
    pipeline.write_json = write_json_hook
    pipeline.run_notebook = run_notebook_hook
    render.write_index = write_index_hook
    pipeline.publish = publish_hook
    pipeline.remove = remove_cmd_hook
    os.replace = replace_hook
    pipeline.Stage.remove = remove_hook
    sys.argv = ["rol", *args]
    cli.main(args, prog_name="rol")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
