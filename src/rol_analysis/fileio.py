"""Atomic, reproducible file output.

Every file the package writes goes through here: it is written to a temporary file in
the target folder and renamed into place, so a failed run leaves the previous file
untouched, and tables are written the same way byte for byte on every run.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any


def write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (temporary file, then rename).

    Parameters
    ----------
    path : path-like
        Destination; its folder is created if missing.
    data : bytes
        Content.

    Returns
    -------
    pathlib.Path
        The destination path.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_text(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` atomically (encoded as given; line endings are kept as they are)."""
    return write_bytes(path, text.encode(encoding))


def write_json(path: str | os.PathLike, obj: Any) -> Path:
    """Write ``obj`` as pretty-printed JSON with sorted keys (stable diffs)."""
    text = json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n"
    return write_text(path, text)


def write_csv(path: str | os.PathLike, df) -> Path:
    """Write a DataFrame as CSV that Excel opens with Chinese intact (UTF-8 with BOM).

    Floats are written with ``repr`` precision and ``\\n`` line endings, so the same
    frame always gives the same bytes.
    """
    text = df.to_csv(index=False, lineterminator="\n")
    return write_bytes(path, text.encode("utf-8-sig"))


def write_parquet(path: str | os.PathLike, df) -> Path:
    """Write a DataFrame as parquet (pyarrow), atomically."""
    import io

    buf = io.BytesIO()
    df.to_parquet(buf, index=False, engine="pyarrow")
    return write_bytes(path, buf.getvalue())


def read_json(path: str | os.PathLike, default: Any = None) -> Any:
    """A JSON file's content, or ``default`` when it is missing or unreadable.

    For files the package wrote itself (build records, validation summaries, report
    metadata), where a missing or damaged file means "not built yet", not an error.
    """
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return default


def stat_key(path: str | os.PathLike) -> tuple:
    """What identifies a file's content for a cache within one process: path, inode,
    size and change time (``st_ctime_ns``, which every write and rename moves and no
    program can set back, unlike the modification time)."""
    st = os.stat(path)
    return (str(path), st.st_ino, st.st_size, st.st_ctime_ns)


_SHA_CACHE: dict = {}


def sha256_cached(path: str | os.PathLike) -> str:
    """:func:`sha256_file`, kept by :func:`stat_key`: ``rol list`` digests every peer's
    table once per region-year that shows it (hundreds of times at national scale)."""
    key = stat_key(path)
    if key not in _SHA_CACHE:
        if len(_SHA_CACHE) > 100_000:  # bounded: a long-lived kernel builds many
            _SHA_CACHE.clear()
        _SHA_CACHE[key] = sha256_file(path)
    return _SHA_CACHE[key]


def sha256_file(path: str | os.PathLike) -> str:
    """Hex sha256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
