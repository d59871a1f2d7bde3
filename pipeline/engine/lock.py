"""One writer per output folder.

`OutputLock(out)` takes an exclusive `flock` on `OUT/.lock` and writes the
holder's pid (and start time) into it. The kernel drops the lock when the
holder exits for any reason, SIGKILL included, so a killed run never leaves
a stale lock behind. A second run waits up to `wait` seconds, then raises
`LockBusy` naming the lock file and the holder's pid (the CLI exits 2).

Plain `fcntl.flock` rather than the `filelock` package: filelock opens the
lock file with O_TRUNC, which would wipe the holder's pid each time a
waiter polls, and the pid is what the error message needs. Linux/macOS
only, like the symlink publish.
"""
from __future__ import annotations

import fcntl
import os
import time
from datetime import datetime, timezone
from pathlib import Path

LOCK_NAME = ".lock"


class LockBusy(RuntimeError):
    def __init__(self, path: Path, holder: str | None, waited: float):
        self.path, self.holder, self.waited = path, holder, waited
        who = f"held by pid {holder}" if holder else "held by another process"
        super().__init__(f"output folder is in use: lock file {path} is {who}; "
                         f"gave up after waiting {waited:g}s (another extract is writing to this folder)")


def read_holder(path: Path) -> str | None:
    try:
        text = Path(path).read_text().strip()
    except OSError:
        return None
    return text.split()[0] if text else None


class OutputLock:
    def __init__(self, out: str | Path, wait: float = 5.0, poll: float = 0.1):
        self.path = Path(out) / LOCK_NAME
        self.wait = wait
        self.poll = poll
        self.fd: int | None = None

    def acquire(self) -> "OutputLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + max(0.0, self.wait)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise LockBusy(self.path, read_holder(self.path), self.wait) from None
                time.sleep(self.poll)
        stamp = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {stamp}\n".encode(), 0)
        self.fd = fd
        return self

    def release(self) -> None:
        if self.fd is None:
            return
        try:
            os.ftruncate(self.fd, 0)
            fcntl.flock(self.fd, fcntl.LOCK_UN)
        finally:
            os.close(self.fd)
            self.fd = None

    def __enter__(self) -> "OutputLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()
