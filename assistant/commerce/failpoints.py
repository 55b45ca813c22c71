"""Named crash points for the crash-recovery tests: a process dies there when told to.

Set SHOPASSIST_CRASH_AT=<name> in a test's child process; nothing happens otherwise. This is
how the tests prove that a SIGKILL at each step of checkout loses nothing and doubles nothing.
"""

from __future__ import annotations

import os
import signal

CRASH_ENV = "SHOPASSIST_CRASH_AT"


def crash_point(name: str) -> None:
    """Kill this process with SIGKILL if the environment names this point."""
    if os.environ.get(CRASH_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)
