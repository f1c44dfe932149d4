"""`marsad analyze`: formats, several files, standard input, and a clear error for bad input.

The CLI runs in a subprocess, as a user runs it: exit codes and stderr are the real ones."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = "عنوان تجريبي للخبر\nوصل وزير الخارجية إلى المدينة أمس، وقال إن الزيارة ناجحة.\n"


def run(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "marsad.cli", *args],
        input=stdin,
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    p = tmp_path / "خبر.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def test_json_follows_the_contract(article: Path) -> None:
    r = run("analyze", str(article), "--published", "2025-12-18", "--format", "json")
    assert r.returncode == 0, r.stderr.decode()
    d = json.loads(r.stdout)
    assert d["schema"] == "marsad.analysis/1"
    assert d["document"]["published"] == "2025-12-18"
    assert d["document"]["source"] == "خبر.txt"
    assert d["document"]["title"] == "عنوان تجريبي للخبر"


def test_md_and_text_reports_start_with_the_headline(article: Path) -> None:
    for fmt in ("md", "text"):
        r = run("analyze", str(article), "--format", fmt)
        assert r.returncode == 0
        first = r.stdout.decode().splitlines()[0]
        assert first.lstrip("# ") == "عنوان تجريبي للخبر"


def test_folder_and_several_paths_give_one_json_line_each(tmp_path: Path, article: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("خبر ثان قصير عن الاقتصاد.", encoding="utf-8")
    (tmp_path / "ignored.bin").write_bytes(b"\x00\x01")
    r = run("analyze", str(tmp_path), "--format", "jsonl")
    assert r.returncode == 0, r.stderr.decode()
    lines = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert sorted(d["document"]["source"] for d in lines) == ["b.txt", "خبر.txt"]


def test_standard_input(article: Path) -> None:
    r = run("analyze", "-", "--title", "من المدخل", stdin=article.read_bytes())
    assert r.returncode == 0
    d = json.loads(r.stdout)
    assert d["document"]["title"] == "من المدخل" and d["document"]["source"] == "stdin"


def test_version_and_help() -> None:
    assert run("--version").stdout.decode().strip().startswith("marsad, version")
    for cmd in ([], ["analyze"], ["stages"], ["kb"], ["kb", "show"]):
        r = run(*cmd, "--help")
        assert r.returncode == 0 and b"Usage:" in r.stdout


# -- bad input: one clear line on stderr, a documented exit code, never a traceback ------------


def assert_clean_error(r: subprocess.CompletedProcess[bytes], code: int, *words: str) -> str:
    err = r.stderr.decode()
    assert r.returncode == code, err
    assert "Traceback" not in err
    assert err.startswith("marsad: error: ")
    assert len(err.strip().splitlines()) == 1
    for w in words:
        assert w in err, err
    return err


def test_missing_path(tmp_path: Path) -> None:
    assert_clean_error(run("analyze", str(tmp_path / "nope.txt")), 3, "nope.txt", "no such file")


def test_empty_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.txt"
    p.write_text("  \n", encoding="utf-8")
    assert_clean_error(run("analyze", str(p)), 3, "empty.txt is empty")


def test_binary_file(tmp_path: Path) -> None:
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert_clean_error(run("analyze", str(p)), 3, "not a text file", "NUL byte at offset 8")


def test_invalid_utf8_says_at_which_byte(tmp_path: Path) -> None:
    p = tmp_path / "cp1256.txt"
    p.write_bytes("مرحبا".encode() + "عالم".encode("cp1256"))
    assert_clean_error(run("analyze", str(p)), 3, "not valid UTF-8", "at offset 10", "iconv -f CP1256")


def test_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    assert_clean_error(run("analyze", str(tmp_path)), 3, "holds no article files")


def test_bad_publication_date(article: Path) -> None:
    assert_clean_error(run("analyze", str(article), "--published", "أمس"), 4, "publication date", "YYYY-MM-DD")


def test_bad_stage_order(article: Path) -> None:
    assert_clean_error(run("analyze", str(article), "--stages", "language,nope"), 5, "no stage named 'nope'")


def test_a_20_mb_text_is_refused_with_the_limit_and_how_to_raise_it(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    line = ("كلمة " * 20 + "\n").encode()
    with big.open("wb") as f:
        for _ in range(20 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    err = assert_clean_error(run("analyze", str(big)), 3, "big.txt is 20.0 MB", "10 MB limit", "--max-size")
    assert "MARSAD_MAX_INPUT_MB" in err


def test_the_limit_can_be_raised_or_lowered(article: Path) -> None:
    assert_clean_error(run("analyze", str(article), env={"MARSAD_MAX_INPUT_MB": "0.00001"}), 3, "limit")
    r = run("analyze", str(article), "--max-size", "1", env={"MARSAD_MAX_INPUT_MB": "0.00001"})
    assert r.returncode == 0


def test_one_bad_file_among_several_is_reported_and_the_rest_analyzed(tmp_path: Path, article: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa")
    r = run("analyze", str(article), str(bad), "--format", "jsonl")
    assert r.returncode == 3
    assert len(r.stdout.decode().splitlines()) == 1
    err = r.stderr.decode()
    assert "skipped: " in err and "bad.txt" in err and "1 of 2 files" in err and "Traceback" not in err
