"""``pwb completion bash|zsh|tcsh|fish``: a shell completion script for ``pwb``.

The script is written from the parser itself, so it knows every command,
subcommand, option and choice; it completes without starting ``pwb`` (no
half-second Python start per Tab). bash, zsh and tcsh come from shtab; shtab has
no fish, so :func:`fish_script` writes fish's ``complete`` lines the same way.

    pwb completion bash > ~/.local/share/bash-completion/completions/pwb
    pwb completion zsh > ~/.zfunc/_pwb            # with fpath+=(~/.zfunc) in .zshrc
    pwb completion fish > ~/.config/fish/completions/pwb.fish
"""

from __future__ import annotations

import argparse
import shlex
import sys

SHELLS = ("bash", "zsh", "tcsh", "fish")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("completion", help="print a shell completion script for pwb")
    p.add_argument("shell", choices=SHELLS, help=", ".join(SHELLS))
    p.set_defaults(func=cmd_completion)


def cmd_completion(args: argparse.Namespace) -> int:
    sys.stdout.write(script(args.shell))
    return 0


def script(shell: str) -> str:
    from app.cli import build_parser

    parser = build_parser()
    if shell == "fish":
        return fish_script(parser)
    import shtab

    return str(shtab.complete(parser, shell=shell))


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _help(action: argparse.Action | argparse.ArgumentParser | None) -> str:
    text = getattr(action, "help", None) or getattr(action, "description", None) or ""
    return "" if text == argparse.SUPPRESS else str(text).split("\n")[0]


def _quote(text: str) -> str:
    return shlex.quote(text.replace("%", "%%"))


def fish_script(parser: argparse.ArgumentParser) -> str:
    """fish ``complete`` lines: commands by position, each command's options and choices."""
    prog = parser.prog
    valued: set[str] = set()
    lines: list[str] = []

    def options(command: argparse.ArgumentParser, condition: str) -> None:
        for action in command._actions:
            if not action.option_strings or action.help == argparse.SUPPRESS:
                continue
            parts = [f"complete -c {prog} -n {_quote(condition)}"]
            for flag in action.option_strings:
                parts.append(f"-l {flag[2:]}" if flag.startswith("--") else f"-s {flag[1:]}")
            if action.nargs != 0:
                valued.update(action.option_strings)
                parts.append("-r")
                parts.append(
                    f"-a {_quote(' '.join(map(str, action.choices)))}" if action.choices else "-F"
                )
            if _help(action):
                parts.append(f"-d {_quote(_help(action))}")
            lines.append(" ".join(parts))

    def walk(command: argparse.ArgumentParser, words: list[str]) -> None:
        path = " ".join(words)
        options(command, f"__{prog}_path_in {path}" if words else "true")
        for name, child in _subparsers(command).items():
            lines.append(
                f"complete -c {prog} -n {_quote(f'__{prog}_path_is {path}'.strip())} "
                f"-a {_quote(name)} -d {_quote(_help(_choice_action(command, name)))}"
            )
            walk(child, [*words, name])
        for action in command._actions:  # positional choices (pwb chart KIND, ...)
            if not action.option_strings and action.choices and not _subparsers(command):
                lines.append(
                    f"complete -c {prog} -n {_quote(f'__{prog}_path_is {path}'.strip())} "
                    f"-a {_quote(' '.join(map(str, action.choices)))}"
                )

    walk(parser, [])
    header = [
        f"# fish completion for {prog} (written by `{prog} completion fish`)",
        f"function __{prog}_words --description 'the command words typed so far, no options'",
        "    set -l words (commandline -opc)",
        "    set -e words[1]",
        f"    set -l valued {' '.join(sorted(valued))}",
        "    set -l path",
        "    set -l skip 0",
        "    for word in $words",
        "        if test $skip = 1",
        "            set skip 0",
        "        else if contains -- $word $valued",
        "            set skip 1",
        "        else if not string match -q -- '-*' $word",
        "            set -a path $word",
        "        end",
        "    end",
        '    echo "$path"',
        "end",
        f"function __{prog}_path_is --description 'the command words so far are exactly ARGV'",
        f"    set -l path (__{prog}_words)",
        '    test "$path" = "$argv"',
        "end",
        f"function __{prog}_path_in --description 'the command words so far start with ARGV'",
        f"    set -l path (__{prog}_words)",
        '    test "$path" = "$argv"; or string match -q -- "$argv *" "$path"',
        "end",
        f"complete -c {prog} -f",
    ]
    return "\n".join([*header, *lines]) + "\n"


def _choice_action(parser: argparse.ArgumentParser, name: str) -> argparse.Action | None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if choice.dest == name or choice.metavar == name:
                    return choice
    return None
