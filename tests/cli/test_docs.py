"""Every command explains itself and is shown in the README."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from planwatch.cli import cli

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help_and_a_readme_line(name: str) -> None:
    command = cli.commands[name]
    assert command.help and len(command.help) > 20, f"{name} has no help text"
    for param in command.params:
        if param.param_type_name == "option" and param.name != "help":
            assert param.help, f"{name} --{param.name} has no help text"
    assert f"planwatch {name}" in README, f"README shows no `planwatch {name}` line"
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert "Usage: " in result.output


def test_the_contract_commands_are_all_there() -> None:
    assert {"extract", "diff", "load", "history", "export"} <= set(cli.commands)
