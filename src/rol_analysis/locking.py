"""Build locks that say who holds them, and notice when their holder is gone.

One lock per region-year (and one for ``reports/index.html``), kept as files under the
project's cache folder (``<root>/.rol-cache/locks/``), never beside the outputs.

The lock is an ``fcntl.flock`` on that file: the operating system releases it when the
holding process dies, however it dies, so a killed build never leaves a lock behind.
While it holds the lock, the process writes who it is into the file (pid, host, start
time of the process, command line, since when); a waiting process reads that to tell the
user whom it waits for. When the recorded holder is dead but the lock is still held (a
forked child inherited the open file), the lock file is replaced, so the next build does
not wait for an orphan.

``filelock`` was considered: its Unix lock is the same ``flock``, but it records no holder
and has no way to take over from an orphan, which is what this module adds.
"""

from __future__ import annotations

import datetime as _dt
import errno
import json
import os
import socket
import sys
import time
from pathlib import Path

from .exceptions import RolError

try:  # pragma: no cover - Windows has no fcntl: builds stay atomic, but are not locked
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None

POLL_SECONDS = 0.2


class LockBusy(RolError):
    """Another build holds the lock and the caller asked not to wait. Exit code 2."""

    exit_code = 2


def process_start_time(pid: int) -> int | None:
    """The start time of process ``pid`` in clock ticks since boot (Linux), or None.

    Together with the pid it names one process: a pid reused by a later process has
    another start time.
    """
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            stat = fh.read()
    except OSError:
        return None
    # the command name (field 2) may hold spaces and parentheses: split after the last ')'
    fields = stat[stat.rfind(b")") + 2:].split()
    try:
        return int(fields[19])
    except (IndexError, ValueError):
        return None


def process_alive(pid: int, start_time: int | None = None) -> bool:
    """Whether process ``pid`` runs (and is the same process, when its start time is
    given)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by another user
        pass
    if start_time is not None:
        now = process_start_time(pid)
        if now is not None and now != start_time:
            return False
        if now is None and Path("/proc").is_dir() and not Path(f"/proc/{pid}").exists():
            return False
    return True


def me() -> dict:
    """Who this process is, as recorded in the locks and stage folders it owns."""
    return {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "start_time": process_start_time(os.getpid()),
        "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]) if sys.argv else "",
        "since": _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC"),
        "since_epoch": time.time(),
    }


def owner_gone(owner: dict | None) -> bool:
    """Whether the process an ``owner`` record names is known to have ended.

    Unknown (no record, another host) counts as alive: only a process on this host can
    be checked.
    """
    if not owner or owner.get("host") != socket.gethostname() or not owner.get("pid"):
        return False
    return not process_alive(int(owner["pid"]), owner.get("start_time"))


def describe(owner: dict | None) -> str:
    """``pid 123 on host h (rol build --region ...) since 10:01:02 UTC, 12 s ago``."""
    if not owner:
        return "another process (it has not said who it is yet)"
    ago = ""
    if owner.get("since_epoch"):
        ago = f", {max(0, time.time() - owner['since_epoch']):.0f} s ago"
    cmd = f" ({owner['command']})" if owner.get("command") else ""
    return (f"pid {owner.get('pid')} on host {owner.get('host')}{cmd} since "
            f"{owner.get('since')}{ago}")


def _read_owner(fd: int) -> dict | None:
    try:
        data = os.pread(fd, 65536, 0)
        return json.loads(data.decode("utf-8")) if data.strip() else None
    except (OSError, ValueError):
        return None


class Lock:
    """An exclusive lock on ``path`` (a file under the cache's ``locks/`` folder).

    Parameters
    ----------
    path : path-like
        The lock file; created if missing.
    what : str
        What it protects, for messages (``weibin/2023``).
    """

    def __init__(self, path, what: str):
        self.path = Path(path)
        self.what = what
        self.fd: int | None = None

    def _same_file(self, fd: int) -> bool:
        try:
            return os.stat(self.path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            return False

    def _take_over(self, fd: int, owner: dict) -> None:
        """Move aside a lock file held by an orphan of a dead holder."""
        guard = os.open(f"{self.path}.takeover", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(guard, fcntl.LOCK_EX)
            # another waiter may have taken over already: then the path is a new file
            if self._same_file(fd) and owner_gone(_read_owner(fd)):
                aside = self.path.with_name(f"{self.path.name}.stale-{os.getpid()}")
                os.replace(self.path, aside)
                aside.unlink(missing_ok=True)
        finally:
            os.close(guard)

    def acquire(self, wait: bool = True, on_wait=None) -> Lock:
        """Take the lock; wait for it unless ``wait`` is false.

        Parameters
        ----------
        wait : bool
            False: raise :class:`LockBusy` at once when another process holds it.
        on_wait : callable, optional
            Called once with a sentence saying who holds the lock, when this call has
            to wait.

        Raises
        ------
        LockBusy
            When ``wait`` is false and the lock is held.
        """
        if fcntl is None:  # pragma: no cover
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        told = False
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    os.close(fd)
                    raise
                owner = _read_owner(fd)
                if owner_gone(owner):
                    self._take_over(fd, owner)
                    os.close(fd)
                    continue
                os.close(fd)
                message = f"{self.what} is being built by {describe(owner)}"
                if not wait:
                    raise LockBusy(
                        f"{message}. Wait for it to finish, or run the command again "
                        f"without --no-wait to wait for it (lock file: {self.path})."
                    ) from None
                if not told and on_wait is not None:
                    on_wait(f"waiting: {message}")
                    told = True
                time.sleep(POLL_SECONDS)
                continue
            if not self._same_file(fd):  # replaced by a take-over meanwhile
                os.close(fd)
                continue
            os.ftruncate(fd, 0)
            os.pwrite(fd, json.dumps(me()).encode("utf-8"), 0)
            self.fd = fd
            return self

    def release(self) -> None:
        """Give the lock up (clearing the holder record first)."""
        fd, self.fd = self.fd, None
        if fd is None:
            return
        try:
            os.ftruncate(fd, 0)
        except OSError:
            pass
        os.close(fd)  # closing the last descriptor releases the flock

    def __enter__(self):
        # ``with lock.acquire(wait=False):`` must not lock again: a second flock of the
        # same file from this process would wait for itself
        return self if self.fd is not None else self.acquire()

    def __exit__(self, *exc):
        self.release()
