"""The output folder: what plantasks owns in it, one run at a time, all tables switched at once.

Users point ``--out`` at folders that hold their own files: a ``tasks/`` of to-do notes,
``$HOME`` with someone else's ``.cache/``, the corpus itself. plantasks therefore keeps
everything it writes under one folder of its own, proven by a marker file, and deletes
nothing outside it::

    OUT/
      .plantasks/                  plantasks' area; OWNER is the marker written on first use
        OWNER
        lock                       held (flock) by the run that writes; says its pid
        versions/<run>/<table>/    the tables of one run, and its _run.json
        current -> versions/<run>  the published run: replaced in one rename
        cache/                     the content-hash cache of per-document parts
      documents -> .plantasks/current/documents   one link per table, never changed
      …
      _run.json -> .plantasks/current/_run.json

``pd.read_parquet("OUT/targets")`` and DuckDB's ``read_parquet('OUT/targets/*.parquet')``
follow the links. Publishing a run is one rename of ``current``, so a reader, a crash or
a kill at any moment sees every table of the old run or every table of the new one,
never a mix. A run refuses a folder that is the corpus or inside it, the root of the file
system, or one that holds
anything plantasks did not write where a table or ``.plantasks`` would go. A second run
into the same folder fails at once with "busy" instead of mixing its tables with the
first's. Output folders of earlier plantasks versions (real table folders next to
``_run.json``) are moved into the area on first use.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.errors import OutputError
from pipeline.registry import ALL_TABLES

AREA = ".plantasks"
MARKER = "OWNER"
MARKER_TEXT = (
    "plantasks output folder: everything under .plantasks/ and the table links next to it "
    "are written by plantasks and may be deleted by it.\n"
)
LOCK = "lock"
VERSIONS = "versions"
CURRENT = "current"
CACHE = "cache"
RUN_INFO = "_run.json"
DATA_PACKAGE = "datapackage.json"  # pipeline/tables/datapackage.py writes it into each run
# entries next to .plantasks that are plantasks' links into the current run
PUBLISHED = (*ALL_TABLES, RUN_INFO, DATA_PACKAGE)


def explain(exc: OSError) -> str:
    """An OSError in a few words a user can act on."""
    if exc.errno == errno.ENOSPC:
        return "no space left on the device"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "not writable (permission denied or read-only)"
    if exc.errno == errno.ENAMETOOLONG:
        return "a file name is too long for the file system"
    return exc.strerror or str(exc)


def _link_target(name: str) -> str:
    return f"{AREA}/{CURRENT}/{name}"


class OutputFolder:
    """One output folder: ownership checks, the run lock, versions and their publication."""

    def __init__(self, out_dir: Path, corpus: Path | None = None) -> None:
        self.out_dir = Path(out_dir)
        self.corpus = Path(corpus) if corpus is not None else None
        self.area = self.out_dir / AREA
        self._lock_fd: int | None = None

    # ------------------------------------------------------------------ paths

    @property
    def versions(self) -> Path:
        return self.area / VERSIONS

    @property
    def current(self) -> Path:
        return self.area / CURRENT

    @property
    def cache_dir(self) -> Path:
        return self.area / CACHE

    def _error(self, problem: str) -> OutputError:
        return OutputError(str(self.out_dir), problem)

    # ------------------------------------------------------------------ ownership

    def check(self) -> None:
        """Refuse a folder plantasks must not write into (see the module docstring)."""
        out = self.out_dir
        if out.exists() and not out.is_dir():
            raise self._error("exists and is not a folder")
        resolved = out.resolve()
        if resolved == Path(resolved.anchor):
            raise self._error(
                "is the root of the file system: the tables would stand among the system's folders; "
                "choose a folder of their own (e.g. outputs)"
            )
        if self.corpus is not None and self.corpus.is_dir():
            corpus = self.corpus.resolve()
            if resolved == corpus:
                raise self._error(
                    "is the corpus folder itself: the tables would mix with the documents; "
                    "choose another --out (e.g. outputs)"
                )
            if resolved.is_relative_to(corpus):
                raise self._error(
                    f"is inside the corpus folder {corpus}: the tables would be read as "
                    "documents next time; choose an --out outside it"
                )
        if not out.is_dir():
            return
        if os.path.lexists(self.area) and not self.owned():
            raise self._error(
                f"{AREA} exists but was not made by plantasks (no {AREA}/{MARKER}): "
                "refusing to write here; choose another --out"
            )
        legacy = self._legacy_run()
        for name in PUBLISHED:
            entry = out / name
            if not os.path.lexists(entry) or self._is_our_link(entry):
                continue
            if legacy and entry.name in legacy:
                continue
            raise self._error(
                f"{name} exists and was not written by plantasks{_sample(entry)}: "
                "refusing to replace it; move it away or choose another --out"
            )

    def owned(self) -> bool:
        """True when the area exists and carries plantasks' marker, or is one a killed
        first run left before its marker (empty but for the marker's temporary file)."""
        marker = self.area / MARKER
        if self.area.is_symlink() or not self.area.is_dir() or marker.is_symlink():
            return False
        try:
            return marker.read_text(encoding="utf-8") == MARKER_TEXT
        except FileNotFoundError:
            try:
                return all(p.name.startswith(f".{MARKER}-") for p in self.area.iterdir())
            except OSError:
                return False
        except (OSError, UnicodeDecodeError):
            return False

    def _is_our_link(self, entry: Path) -> bool:
        try:
            return entry.is_symlink() and os.readlink(entry) == _link_target(entry.name)
        except OSError:
            return False

    def _legacy_run(self) -> set[str]:
        """Names of the tables an earlier plantasks version wrote here as real folders.

        Proof that they are ours: a ``_run.json`` with ``pipeline_version`` next to them,
        and nothing but ``.parquet`` files inside each.
        """
        info = self.out_dir / RUN_INFO
        if info.is_symlink() or not info.is_file():
            return set()
        try:
            if "pipeline_version" not in json.loads(info.read_text(encoding="utf-8")):
                return set()
        except (OSError, ValueError, TypeError):
            return set()
        names = {RUN_INFO}
        package = self.out_dir / DATA_PACKAGE
        if package.is_file() and not package.is_symlink():
            names.add(DATA_PACKAGE)
        for table in ALL_TABLES:
            folder = self.out_dir / table
            if folder.is_symlink() or not folder.is_dir():
                continue
            try:
                if all(p.is_file() and not p.is_symlink() and p.suffix == ".parquet" for p in folder.iterdir()):
                    names.add(table)
            except OSError:
                continue
        return names

    def claim(self) -> None:
        """Create the folder and plantasks' area with its marker (idempotent)."""
        self.out_dir.mkdir(parents=True, exist_ok=True)
        if self.owned() and (self.area / MARKER).is_file():
            return
        self.area.mkdir(exist_ok=True)
        tmp = self.area / f".{MARKER}-{uuid.uuid4().hex[:8]}"
        tmp.write_text(MARKER_TEXT, encoding="utf-8")
        os.replace(tmp, self.area / MARKER)

    # ------------------------------------------------------------------ lock

    def lock(self) -> None:
        """Become the one run writing here, or raise OutputError saying who is."""
        path = self.area / LOCK
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise self._error(
                f"busy: another plantasks run{holder} is writing here; wait for it to "
                "finish, or write elsewhere with --out"
            ) from None
        except OSError:
            os.close(fd)
            raise
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}\n".encode(), 0)
        self._lock_fd = fd

    def try_lock(self) -> bool:
        """Take the lock if it is free (housekeeping that can wait for another run)."""
        try:
            self.lock()
        except (OutputError, OSError):
            return False
        return True

    def release(self) -> None:
        if getattr(self, "_lock_fd", None) is not None:
            fd, self._lock_fd = self._lock_fd, None
            os.close(fd)  # closing the descriptor drops the flock

    def __del__(self) -> None:
        self.release()

    @property
    def locked(self) -> bool:
        return getattr(self, "_lock_fd", None) is not None

    # ------------------------------------------------------------------ runs

    def open_run(self) -> Path:
        """Check, claim, lock, tidy up after any killed run; return a fresh version folder."""
        try:
            self.check()
            self.claim()
            self.lock()
        except OSError as exc:
            raise self._error(f"cannot write the output folder: {explain(exc)}") from exc
        try:
            self.check()  # again, now that no other run can change it
            self.recover()
            version = self.versions / f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
            version.mkdir(parents=True)
            probe = version / ".probe"
            probe.write_bytes(b"ok")
            probe.unlink()
        except OutputError:
            self.release()
            raise
        except OSError as exc:
            self.release()
            raise self._error(f"cannot write the output folder: {explain(exc)}") from exc
        return version

    def recover(self) -> None:
        """Under the lock: finish what a killed run left (a half-made link, a legacy move)
        and delete every version but the published one."""
        self._migrate_legacy()
        published = self.published_version()
        if self.versions.is_dir():
            for version in self.versions.iterdir():
                if version.name != published:
                    _remove(version)
        for stray in self.area.glob(f".{CURRENT}-*"):
            _remove(stray)
        for name in PUBLISHED:  # a link made but not yet renamed into place
            for stray in self.out_dir.glob(f".{name}-*.link"):
                if stray.is_symlink() and os.readlink(stray) == _link_target(name):
                    stray.unlink()
        if published is not None:
            self._link_tables()

    def published_version(self) -> str | None:
        """The name of the version ``current`` points to, if it is one of ours."""
        try:
            target = os.readlink(self.current)
        except OSError:
            return None
        name = Path(target).name
        if target != f"{VERSIONS}/{name}" or not (self.versions / name).is_dir():
            return None
        return name

    def publish(self, version: Path) -> None:
        """Make ``version`` the published run: one rename of ``current``.

        Every table link exists before the switch and points through ``current``, so
        the rename alone moves all tables from the old run to the new one.
        """
        if not self.locked:
            raise RuntimeError("publish needs the run lock (open_run)")
        old = self.published_version()
        self._link_tables()
        tmp = self.area / f".{CURRENT}-{uuid.uuid4().hex[:8]}"
        os.symlink(f"{VERSIONS}/{version.name}", tmp)
        os.replace(tmp, self.current)  # the switch
        if old is not None and old != version.name:
            _remove(self.versions / old)

    def _link_tables(self) -> None:
        """Create any missing link ``OUT/<table>`` → ``.plantasks/current/<table>``."""
        for name in PUBLISHED:
            entry = self.out_dir / name
            if self._is_our_link(entry):
                continue
            if os.path.lexists(entry):
                continue  # a legacy folder not yet moved; check() refused anything else
            tmp = self.out_dir / f".{name}-{uuid.uuid4().hex[:8]}.link"
            os.symlink(_link_target(name), tmp)
            os.replace(tmp, entry)

    def _migrate_legacy(self) -> None:
        """Move the real table folders of an earlier plantasks version into a version
        and link them, so that they are published as before. A kill in the middle leaves
        a table missing until the next run finishes the move."""
        legacy = self._legacy_run()
        if not legacy:
            return
        published = self.published_version()
        if published is None:
            published = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
            (self.versions / published).mkdir(parents=True)
            tmp = self.area / f".{CURRENT}-{uuid.uuid4().hex[:8]}"
            os.symlink(f"{VERSIONS}/{published}", tmp)
            os.replace(tmp, self.current)
        # _run.json last: until it moves, the remaining folders are still recognised as ours
        for name in sorted(legacy, key=lambda n: n == RUN_INFO):
            target = self.versions / published / name
            if os.path.lexists(target):
                _remove(target)
            os.replace(self.out_dir / name, target)
            link = self.out_dir / f".{name}-{uuid.uuid4().hex[:8]}.link"
            os.symlink(_link_target(name), link)
            os.replace(link, self.out_dir / name)


def _read_holder(fd: int) -> str:
    try:
        text = os.pread(fd, 200, 0).decode("utf-8", errors="replace").strip()
    except OSError:
        return ""
    return f" ({text})" if text else ""


def _sample(entry: Path) -> str:
    """`` (it holds my_todo.txt, …)`` for a folder, to show whose it is."""
    if entry.is_symlink():
        return f" (a link to {os.readlink(entry)})"
    if entry.is_dir():
        try:
            names = sorted(p.name for p in entry.iterdir())[:3]
        except OSError:
            return ""
        return f" (it holds {', '.join(names)}{', …' if len(names) == 3 else ''})" if names else ""
    return ""


def _remove(path: Path) -> None:
    """Delete a file, link or folder inside plantasks' area (never followed out of it)."""
    if path.is_symlink() or not path.is_dir():
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        return
    shutil.rmtree(path, ignore_errors=True)


@contextmanager
def housekeeping(out_dir: Path) -> Iterator[OutputFolder | None]:
    """The folder, locked, if it is plantasks' and no run is writing; else None."""
    folder = OutputFolder(out_dir)
    if not folder.owned() or not folder.try_lock():
        yield None
        return
    try:
        yield folder
    finally:
        folder.release()
