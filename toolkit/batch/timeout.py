"""A time limit per document: a pathological document becomes an error record, not a hang.

In a process's main thread (serial runs, --jobs workers) the limit is a SIGALRM timer,
which also stops a regex that backtracks for ever (``re`` checks for signals while it
matches). Elsewhere (Dask worker threads) a timer thread raises the exception in the
worker's thread; that takes effect between Python bytecodes, so one C call that never
returns is not stopped there.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class DocumentTimeout(BaseException):
    """The document took longer than the batch run's --timeout (a BaseException, so that no
    ``except Exception`` in a detector swallows it)."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise DocumentTimeout in the body when it runs longer than ``seconds`` (None: never)."""
    if not seconds:
        yield
    elif threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _timer_thread(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    armed = True

    def expire(signum: int, frame: object) -> None:
        if armed:
            raise DocumentTimeout(f"timed out after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _timer_thread(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"armed": True, "fired": False}

    def expire() -> None:
        with lock:
            if state["armed"]:
                state["fired"] = True
                _raise_in(target, DocumentTimeout)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    except DocumentTimeout:
        raise DocumentTimeout(f"timed out after {seconds:g} s") from None
    finally:
        with lock:
            state["armed"] = False
            timer.cancel()
            if state["fired"]:
                _raise_in(target, None)  # withdraw it if it has not been raised yet


def _raise_in(thread_id: int, exception: type[BaseException] | None) -> None:
    """Raise ``exception`` in another thread at its next bytecode (None: cancel a pending one)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exception) if exception else None
    )
