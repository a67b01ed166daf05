"""Worker processes that end with their parent, and running one task in a process of its own."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

PR_SET_PDEATHSIG = 1  # linux/prctl.h
PARENT_POLL_SECONDS = 0.5


@dataclass(frozen=True)
class WorkerDied:
    """The process running a task ended without giving its result back."""

    reason: str  # "was killed (SIGKILL, often the out-of-memory killer)", "exited with status 3"


def end_with_parent(parent_pid: int) -> None:
    """Make this process end when ``parent_pid`` does, even when the parent is killed outright.

    On Linux the kernel sends SIGKILL on the parent's death (prctl
    PR_SET_PDEATHSIG); elsewhere a daemon thread polls the parent id.
    """
    if sys.platform.startswith("linux") and _ask_kernel():
        if os.getppid() != parent_pid:  # the parent died before the request took hold
            os._exit(1)
        return
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()


def _ask_kernel() -> bool:
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def run_alone(fn: Callable[[Any], Any], item: Any) -> Any:
    """Return ``fn(item)`` computed in a new process, or WorkerDied if that process dies."""
    context = multiprocessing.get_context()
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_run_child, args=(fn, item, sender, os.getpid()))
    process.start()
    sender.close()
    try:
        ok, value = receiver.recv()
    except EOFError:
        process.join()
        return WorkerDied(describe_exit(process.exitcode))
    finally:
        receiver.close()
    process.join()
    if not ok:
        raise value
    return value


def _run_child(fn: Callable[[Any], Any], item: Any, sender: Any, parent_pid: int) -> None:
    end_with_parent(parent_pid)
    try:
        outcome = (True, fn(item))
    except Exception as exc:  # handed back to be raised in the parent, as a pool would
        outcome = (False, exc)
    sender.send(outcome)
    sender.close()


def describe_exit(code: int | None) -> str:
    """Return how a process ended, from its exit code, in words for a user."""
    if code is None:
        return "stopped"
    if code < 0:
        name = _signal_name(-code)
        if -code == signal.SIGKILL:
            return f"was killed ({name}, often the out-of-memory killer)"
        return f"crashed ({name})"
    return f"exited with status {code}"


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"
