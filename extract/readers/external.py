"""External programs (LibreOffice, Tesseract) run in a process group of their own, so that whatever ends the
wait (their time limit, the batch runner's, Ctrl-C) ends the program and every process it started."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from pathlib import Path


def start(argv: list[str], *, cwd: str | Path, env: dict[str, str]) -> subprocess.Popen:
    """Start ``argv`` in a new session (stdin closed, stdout and stderr captured). Raises OSError when the
    program cannot be started."""
    return subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env=env,
        start_new_session=True,
    )


def finish(proc: subprocess.Popen, timeout: float) -> tuple[bytes, bytes]:
    """The program's (stdout, stderr) once it has ended. Raises subprocess.TimeoutExpired after ``timeout``
    seconds; on that or any other exception the whole process group is killed first."""
    try:
        return proc.communicate(timeout=timeout)
    except BaseException:
        kill_group(proc)
        raise


def kill_group(proc: subprocess.Popen) -> None:
    """Kill the program and the processes it started (soffice starts soffice.bin as a child), and reap it."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()
