"""'marsad serve' refuses a port in use in one line (exit 4) instead of a server log traceback."""

from __future__ import annotations

import socket

import pytest
from click.testing import CliRunner

from marsad.cli import main

pytest.importorskip("uvicorn", reason="marsad serve needs the api extra")


def test_port_in_use_is_one_clear_line(db: str) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--db", db, "--port", str(port)])
    assert result.exit_code == 4, result.output
    assert f"port {port} on 127.0.0.1 is in use" in result.output and "--port" in result.output


def test_unknown_host_is_one_clear_line(db: str) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", db, "--host", "no-such-host.invalid"])
    assert result.exit_code == 4, result.output
    assert "--host no-such-host.invalid" in result.output
