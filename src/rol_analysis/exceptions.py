"""Errors that reach the user as a message and an exit code, never a traceback.

Every message is one paragraph that names the file (or argument), says what is wrong
and what to do about it.
"""

from __future__ import annotations


class RolError(Exception):
    """Base class: a problem the user can act on.

    Parameters
    ----------
    message : str
        One paragraph: the file or argument, the problem, the fix.
    """

    exit_code = 2

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message

    def _render_traceback_(self) -> list[str]:
        # IPython shows this instead of a traceback: in a notebook the user sees the
        # message, as on the command line.
        return [f"{type(self).__name__}: {self.message}"]


class InputError(RolError):
    """A raw report (or another input file) cannot be used as it is. Exit code 2."""

    exit_code = 2


class UsageError(RolError):
    """A command-line argument or parameter is not acceptable. Exit code 2."""

    exit_code = 2


class SuiteError(RolError):
    """An expectation suite file is malformed or names an unknown expectation. Exit 2."""

    exit_code = 2


def write_error(exc: OSError, rerun: str = "the build") -> RolError | None:
    """The user-facing error for a failed write, or None when ``exc`` is not one.

    A folder the user made read-only, a full disk or a read-only mount is a problem
    with the environment, not a bug: exit 2, saying which path and what to do.
    ``rerun`` names what to run again once it is fixed (``rol review`` writes a
    worksheet, not a build).
    """
    import errno

    copy = ("copy the project folder to a writable place and run there (--root DIR "
            "points rol at the copy)")
    fixes = {
        errno.EACCES: ("permission denied", "make it writable (e.g. `chmod -R u+w` on it), "
                       f"or {copy}"),
        errno.EPERM: ("operation not permitted", f"make it writable, or {copy}"),
        # chmod cannot help on a read-only mount: say so, and only the copy
        errno.EROFS: ("the file system is read-only (mounted read-only)", copy),
        errno.ENOSPC: ("no space left on the device", "free some space"),
    }
    if not isinstance(exc, OSError) or exc.errno not in fixes:
        return None
    problem, fix = fixes[exc.errno]
    where = exc.filename or "an output folder"
    return InputError(f"cannot write {where}: {problem}. Fix: {fix}, then run {rerun} "
                      "again.")


def read_only_mount(path) -> bool:
    """Whether ``path`` (or, where it does not exist yet, its nearest existing parent)
    is on a file system mounted read-only: there ``os.access`` refuses a write as it
    does for a folder without write permission, and only a copy elsewhere helps."""
    import os
    from pathlib import Path

    path = Path(path)
    while not path.exists() and path != path.parent:
        path = path.parent
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows): not known to be
        return False


class ValidationFailed(RolError):
    """Processed data failed a gating expectation: nothing is published. Exit code 1."""

    exit_code = 1


class BuildError(RolError):
    """A notebook failed for a reason other than bad input or failed validation."""

    exit_code = 1
