"""Finds the voldir binary and runs `voldir serve --demo` for the browser suite.

The server is started on a port the kernel picks (`--port 0`, read back from the address it
prints), so two runs never collide, and it is always stopped: SIGINT first (so it deletes its
pending uploads), then SIGKILL if it lingers, from tearDown and from an exit hook alike.
"""

import atexit
import os
import queue
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parents[2]

ADDRESS_LINE = re.compile(r"^voldir serve: (http://[^ ]+/) \(directory: (.+)\)$")
ADMIN_LINE = re.compile(r"^First admin: (\S+), one-time password: (\S+)$")


def voldir_binary():
    """`$VOLDIR_BIN`, else the debug build's voldir (built first when it is missing)."""
    given = os.environ.get("VOLDIR_BIN")
    if given:
        if not os.access(given, os.X_OK):
            raise RuntimeError(f"VOLDIR_BIN '{given}' is not an executable file")
        return given
    bin_path = subprocess.run(
        ["swift", "build", "--show-bin-path"], cwd=PACKAGE_ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()
    binary = Path(bin_path) / "voldir"
    if not binary.exists():
        subprocess.run(["swift", "build", "--product", "voldir"], cwd=PACKAGE_ROOT, check=True)
    return str(binary)


class VoldirServer:
    """One `voldir serve --demo` process: its URL, directory path and first admin."""

    def __init__(self, binary, start_timeout=180):
        self.binary = binary
        self.start_timeout = start_timeout
        self.process = None
        self.url = None
        self.database = None
        self.admin_name = None
        self.admin_password = None
        self.output = []
        self._lines = queue.Queue()
        self._stderr = tempfile.TemporaryFile(mode="w+")

    def start(self):
        """Starts the server and waits for its address and first-admin lines."""
        self.process = subprocess.Popen(
            [self.binary, "serve", "--demo", "--host", "127.0.0.1", "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            stdin=subprocess.DEVNULL,
            text=True,
            start_new_session=True,
        )
        atexit.register(self.stop)
        threading.Thread(target=self._read_stdout, daemon=True).start()
        deadline = time.monotonic() + self.start_timeout
        while self.url is None or self.admin_password is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.process.poll() is not None:
                self.stop()
                raise RuntimeError(
                    "voldir serve --demo did not print its address and first admin "
                    f"(exit status {self.process.returncode}).\nstdout:\n"
                    + "".join(self.output)
                    + "\nstderr:\n"
                    + self.stderr_text()
                )
            try:
                line = self._lines.get(timeout=min(remaining, 0.5))
            except queue.Empty:
                continue
            if match := ADDRESS_LINE.match(line.strip()):
                self.url, self.database = match.group(1), match.group(2)
            elif match := ADMIN_LINE.match(line.strip()):
                self.admin_name, self.admin_password = match.group(1), match.group(2)
        return self

    def _read_stdout(self):
        for line in self.process.stdout:
            self.output.append(line)
            self._lines.put(line)

    def stderr_text(self):
        self._stderr.seek(0)
        return self._stderr.read()

    def voldir(self, *arguments, stdin=None):
        """Runs the CLI against the served directory; raises with its output when it fails."""
        result = subprocess.run(
            [self.binary, *arguments, "--db", self.database], input=stdin, capture_output=True, text=True
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"voldir {' '.join(arguments)} failed ({result.returncode}):\n{result.stdout}{result.stderr}"
            )
        return result.stdout

    def stop(self):
        """SIGINT, then SIGKILL after 10 seconds; then deletes the demo's throwaway folder."""
        process = self.process
        if process is None or process.returncode is not None and self.database is None:
            return
        if process.poll() is None:
            try:
                os.kill(process.pid, signal.SIGINT)
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.kill(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
            except ProcessLookupError:
                pass
        if self.database:
            folder = Path(self.database).parent
            if folder.name.startswith("voldir-serve-demo-"):
                shutil.rmtree(folder, ignore_errors=True)
            self.database = None
