"""The README and the command line agree, both ways."""

from __future__ import annotations

import re
from pathlib import Path

from extract.cli import build_parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def cli_section() -> str:
    start = README.index("## Command line")
    return README[start : README.index("\n## ", start + 1)]


def subcommands() -> dict:
    parser = build_parser()
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return dict(action.choices)


def options(parser) -> set[str]:
    return {s for a in parser._actions for s in a.option_strings if s.startswith("--") and s != "--help"}


def test_every_command_and_option_is_documented():
    section = cli_section()
    top = build_parser()
    for option in options(top):
        assert f"`{option}" in section, f"{option} is not in the README"
    for name, sub in subcommands().items():
        assert f"rectrack {name}" in section, f"command {name} is not in the README"
        for option in options(sub):
            assert re.search(rf"`(?:-\w [A-Z]+`, `)?{re.escape(option)}\b", section), (
                f"{name} {option} is not in the README"
            )


def test_everything_documented_exists():
    section = cli_section()
    known = options(build_parser()) | {o for sub in subcommands().values() for o in options(sub)}
    documented = set(re.findall(r"`(--[a-z][a-z-]*)", section))
    assert documented, "no options found in the README's command-line section"
    assert documented <= known, f"documented but not in the CLI: {sorted(documented - known)}"
    commands = set(re.findall(r"^rectrack ([a-z]+)", section, re.M))
    assert commands <= set(subcommands()), f"documented commands missing from the CLI: {commands - set(subcommands())}"


def test_help_texts_are_complete():
    for name, sub in subcommands().items():
        assert sub.description, f"{name} has no description"
        for action in sub._actions:
            assert action.help, f"{name} {action.option_strings or action.dest} has no help"
