"""Every command's --help says what it does and ends with examples that really parse."""

from __future__ import annotations

import shlex

import click
import pytest
from click.testing import CliRunner

from marsad.cli import EXAMPLES, _commands, main

LEAVES = dict(_commands(main))


def test_every_command_has_examples() -> None:
    missing = sorted(set(LEAVES) - set(EXAMPLES))
    assert not missing, f"commands without examples in marsad.cli.EXAMPLES: {missing}"
    assert not set(EXAMPLES) - set(LEAVES), "examples for commands that do not exist"


@pytest.mark.parametrize("path", sorted(LEAVES))
def test_help_shows_a_summary_and_the_examples(path: str) -> None:
    result = CliRunner().invoke(main, [*path.split(), "--help"])
    assert result.exit_code == 0, result.output
    assert "Examples:" in result.output
    for line in EXAMPLES[path]:
        assert line in result.output  # printed as written (\b keeps click from rewrapping)
    assert (LEAVES[path].help or "").strip()


def _argv(line: str) -> list[str]:
    """The marsad arguments of an example line (after a pipe into marsad, before | > or #)."""
    words = shlex.split(line.split("#")[0])
    start = words.index("marsad") + 1
    out = []
    for w in words[start:]:
        if w in ("|", ">"):
            break
        out.append(w)
    return out


@pytest.mark.parametrize("path,line", [(p, line) for p, lines in sorted(EXAMPLES.items()) for line in lines])
def test_examples_use_real_options(path: str, line: str) -> None:
    argv = _argv(line)
    command = main
    args = list(argv)
    ctx = click.Context(main)
    while isinstance(command, click.Group):
        name = args.pop(0)
        found = command.get_command(ctx, name)
        assert found is not None, f"{line}: no command {name!r}"
        command = found
    assert " ".join(argv[: len(argv) - len(args)]) in LEAVES
    # parse the options and arguments as click would (unknown options and bad choices fail here)
    command.make_context(path, args, resilient_parsing=False)
