"""Opening a SQLite store as a team and a scheduled job do: at once, read-only, full, foreign."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from planwatch.errors import StoreError
from planwatch.model import Action
from planwatch.store import Store


def _rows(sha: str, day: str, count: int = 3, text: str = "Action") -> list[Action]:
    return [
        Action("cfc", "HWFRS", "CFC plan", date.fromisoformat(day), "cfc.txt", sha, "txt",
               None, "Objective 1", "Risk", f"1.{i}", f"1.{i}", 1, f"{text} {i}", "", "", "",
               "", None, None, "none", "open", "", "", "", (), (), "", None, False, False, ())
        for i in range(1, count + 1)
    ]  # fmt: skip


_OPENER = textwrap.dedent(
    """
    import sys, time
    from planwatch.store import Store
    start = float(sys.argv[2])
    while time.time() < start:
        time.sleep(0.001)
    for _ in range(int(sys.argv[3])):
        Store(sys.argv[1]).close()
    """
)


def test_many_processes_opening_a_new_store_at_once_all_succeed(tmp_path):
    import time

    rounds = 3
    for n in range(rounds):
        path = tmp_path / f"new-{n}.db"
        start = str(time.time() + 1.5)
        children = [
            subprocess.Popen(
                [sys.executable, "-c", _OPENER, str(path), start, "5"],
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(4)
        ]
        errors = [child.communicate(timeout=120)[1] for child in children]
        assert [c.returncode for c in children] == [0, 0, 0, 0], errors
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_another_application_s_database_is_refused_unchanged(tmp_path):
    path = tmp_path / "crm.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (name TEXT)")
        conn.execute("INSERT INTO customers VALUES ('Ada')")
    before = path.read_bytes()
    with pytest.raises(StoreError, match=r"crm\.db: not a planwatch store \(.*customers"):
        Store(path)
    assert path.read_bytes() == before
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["customers"]


def test_another_application_s_postgresql_schema_is_refused_unchanged(postgres_url):
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE customers (name TEXT)")
    with pytest.raises(StoreError, match="not a planwatch store .*customers"):
        Store(postgres_url)
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        tables = conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        ).fetchall()
    assert tables == [("customers",)]


@contextmanager
def _read_only(folder: Path):
    """Make ``folder`` read-only: a read-only bind mount as root, else no write bits."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    bind = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
    if bind.returncode != 0:
        pytest.skip(f"cannot make a read-only folder as root here: {bind.stderr.strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_store_in_a_read_only_folder_is_read(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    with Store(folder / "planwatch.db") as store:
        store.load(_rows("a" * 64, "2021-11-17"))
        store.load(_rows("b" * 64, "2022-02-15", text="Task"))
    for extra in folder.glob("planwatch.db-*"):  # as a copy on a shared drive has none
        extra.unlink()
    with _read_only(folder), Store(folder / "planwatch.db") as store:
        assert store.backend.read_only
        assert [str(e.edition_date) for e in store.editions()] == ["2021-11-17", "2022-02-15"]
        assert len(store.history("cfc", "1.1")) == 2
        assert {c.action_id for c in store.changes("cfc")} == {"1.1", "1.2", "1.3"}
        with pytest.raises(StoreError, match="planwatch.db: the store is read-only here"):
            store.load(_rows("c" * 64, "2022-05-01"))


def test_the_history_export_and_diff_commands_read_a_read_only_store(tmp_path):
    from click.testing import CliRunner

    from planwatch.cli import cli

    folder = tmp_path / "shared"
    folder.mkdir()
    with Store(folder / "planwatch.db") as store:
        store.load(_rows("a" * 64, "2021-11-17"))
        store.load(_rows("b" * 64, "2022-02-15", text="Task"))
    for extra in folder.glob("planwatch.db-*"):
        extra.unlink()
    at = ["--store", str(folder / "planwatch.db")]
    with _read_only(folder):
        runs = {
            "history": CliRunner().invoke(cli, ["history", "cfc", *at]),
            "export": CliRunner().invoke(cli, ["export", "--format", "csv", *at]),
            "diff": CliRunner().invoke(cli, ["diff", "cfc@2021-11-17", "cfc@2022-02-15", *at]),
        }
    for name, run in runs.items():
        assert run.exit_code == 0, f"{name}: {run.stderr}"
    assert "2022-02-15" in runs["history"].stdout
    assert runs["export"].stdout.count("Task ") == 3 and runs["export"].stdout.count("cfc.txt") == 6
    assert "cfc: 2021-11-17 -> 2022-02-15: 3 added, 3 removed" in runs["diff"].stdout


@contextmanager
def _small_disk(tmp_path: Path):
    """Yield a folder on a 1 MB filesystem, or None where this machine cannot mount one."""
    folder = tmp_path / "small"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        yield None
        return
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_full_disk_is_one_line_naming_the_store_and_the_store_stays_whole(tmp_path):
    with _small_disk(tmp_path) as folder:
        path = (folder or tmp_path) / "planwatch.db"
        store = Store(path)
        if folder is None:  # no mounting here: the same SQLITE_FULL from a size cap
            store.backend.rows("PRAGMA max_page_count = 200")
        loaded = 0
        with pytest.raises(StoreError) as caught:
            for n in range(1, 400):
                store.load(
                    _rows(f"{n:064d}", f"{2000 + n // 12}-{n % 12 + 1:02d}-01", 50, "x" * 400)
                )
                loaded += 1
        message = str(caught.value)
        assert message.startswith(f"{path}: the disk is full"), message
        assert "\n" not in message and "rollback" not in message
        assert loaded > 0
        assert len(store.editions()) == loaded
        assert store.backend.rows("PRAGMA integrity_check")[0][0] == "ok"
        store.close()


def test_a_damaged_store_is_one_line_naming_it(tmp_path):
    path = tmp_path / "planwatch.db"
    with Store(path) as store:
        store.load(_rows("a" * 64, "2021-11-17", 400, "a long action text " * 5))
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 6] = b"\xff" * (4096 * 4)  # pages of the actions table
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError) as caught, Store(path) as store:
        list(store.all_actions())
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    assert "damaged" in message or "not a planwatch store" in message, message


def _as_someone_else(run) -> tuple[int, str]:
    """Call ``run`` in a child process of a user who is not the store's owner.

    Root reads any file, so as root the child drops to the unprivileged uid 65534;
    anyone else simply is not the owner of a mode-000 file.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child reports through the pipe
        try:  # the child must never return into the test run
            os.close(read_end)
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            code, text = run()
            os.write(write_end, f"{code}\n{text}".encode())
        finally:
            os._exit(0)
    os.close(write_end)
    os.waitpid(pid, 0)
    with os.fdopen(read_end) as report:
        code, _, text = report.read().partition("\n")
    return int(code), text


def test_a_store_this_user_may_not_read_is_one_line_saying_so(tmp_path):
    from click.testing import CliRunner

    from planwatch.cli import cli

    folder = Path(tempfile.mkdtemp())  # outside pytest's folder, which only its owner may enter
    try:
        folder.chmod(0o755)
        path = folder / "planwatch.db"
        with Store(path) as store:
            store.load(_rows("a" * 64, "2021-11-17"))
        path.chmod(0o600 if os.geteuid() == 0 else 0)

        def history() -> tuple[int, str]:
            run = CliRunner().invoke(cli, ["history", "cfc", "--store", str(path)])
            return run.exit_code, run.stderr

        code, message = _as_someone_else(history)
    finally:
        shutil.rmtree(folder)
    assert code == 1
    assert message == (
        f"error: {path}: permission denied; check who may read and write the store"
        " (unable to open database file)\n"
    )
