"""The benchmark runner: modules by name, the words after one name passed to it."""

from __future__ import annotations

from typing import Any

import pytest

import bench.__main__ as runner


def test_arguments_after_a_name_go_to_that_benchmark(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []

    class Fake:
        @staticmethod
        def main(argv: list[str]) -> int:
            seen.append(argv)
            return 0

    def fake_import(name: str) -> Any:
        assert name == "bench.store"
        return Fake

    monkeypatch.setattr(runner.importlib, "import_module", fake_import)
    assert runner.main(["store", "--articles", "2000"]) == 0
    assert seen == [["--articles", "2000"]]


def test_unknown_names_and_shared_arguments_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert runner.main(["--articles", "2000"]) == 2
    assert "unknown benchmark '--articles'" in capsys.readouterr().err
    assert runner.main(["time", "store", "--articles", "2000"]) == 2
    assert "one benchmark at a time" in capsys.readouterr().err
