"""Examples at the foot of every ``pwb ... --help`` (argparse epilogs).

One place for all of them, keyed by the command's words; :func:`add_examples`
puts them on the parser. ``tests/test_cli_manners.py`` parses every example with
the real parser, so an example that no longer works fails a test, and so does a
command without examples.
"""

from __future__ import annotations

import argparse

EXAMPLES: dict[str, tuple[str, ...]] = {
    "": (
        "pwb --db /tmp/demo.sqlite3 demo",
        "pwb jobs --search python --limit 10",
        "pwb completion bash > ~/.local/share/bash-completion/completions/pwb",
        "pwb --member Ann submit 42",
    ),
    "init": ("pwb init", "pwb --db ~/agency.sqlite3 init"),
    "info": ("pwb info", "pwb info --json"),
    "parse": ("pwb parse posting.txt --json", "xclip -o | pwb parse - --now 2026-03-01T09:00"),
    "add": ("pwb add posting.txt", "xclip -o | pwb add - --json"),
    "import": (
        "pwb import alerts.csv",
        "pwb import scraped.jsonl --skip-invalid --json",
    ),
    "imports": ("pwb imports", "pwb imports --limit 5 --json"),
    "imports undo": ("pwb imports undo 3",),
    "job": ("pwb job 42", "pwb job 42 --json"),
    "jobs": (
        "pwb jobs --limit 20",
        "pwb jobs --search 'shopify theme' --status shortlisted --json",
    ),
    "score": ("pwb score 42", "pwb score posting.txt --profile Shopify --json"),
    "rescore": ("pwb rescore", "pwb rescore --profile Shopify --json"),
    "profile": ("pwb profile list", "pwb profile show Shopify"),
    "profile show": ("pwb profile show", "pwb profile show Shopify --json"),
    "profile list": ("pwb profile list", "pwb profile list --json"),
    "profile export": ("pwb profile export shopify.toml --profile Shopify", "pwb profile export -"),
    "profile import": (
        "pwb profile import shopify.toml",
        "pwb profile import - --no-rescore",
        "pwb profile import shopify.toml --force",
    ),
    "profile use": ("pwb profile use Shopify",),
    "replies": ("pwb replies list", "pwb replies check proposal/general --job 42"),
    "replies list": ("pwb replies list", "pwb replies list --kind snippet --json"),
    "replies show": ("pwb replies show intro/short",),
    "replies add": (
        "pwb replies add proposal/shopify shopify.j2",
        "pwb replies add intro/warm -",
        "pwb replies add intro/warm warm.j2 --force",
    ),
    "replies check": (
        "pwb replies check proposal/general",
        "pwb replies check intro/short --job 42",
    ),
    "replies delete": ("pwb replies delete proposal/old",),
    "draft": (
        "pwb draft 42",
        "pwb draft 42 --reply proposal/general --set 'Client Name=Ann' --out draft.txt --save",
        "pwb draft posting.txt --json",
    ),
    "proposals": ("pwb proposals", "pwb proposals --status submitted --json"),
    "status": (
        "pwb status 12 viewed",
        "pwb status 12 job_closed --reason 'client cancelled: budget cut' --json",
        "pwb status 12 hired --revenue 800 --at 2026-03-04",
        "pwb status 12 viewed --expect-version 3",
    ),
    "ledger": ("pwb ledger", "pwb ledger --json --limit 0"),
    "ledger buy": ("pwb ledger buy 40", "pwb ledger buy 80 --usd 12 --at 2026-03-01 --json"),
    "ledger add": (
        "pwb ledger add bonus 10 --note 'Rising Talent'",
        "pwb ledger add correction -3 --json",
    ),
    "ledger reconcile": ("pwb ledger reconcile 57", "pwb ledger reconcile 57 --json"),
    "ledger refund-boost": ("pwb ledger refund-boost 12",),
    "submit": (
        "pwb submit 42",
        "pwb submit 42 --connects 16 --boost 8 --bid 45 --text proposal.txt --json",
        "pwb submit 42 --invited --again",
        "pwb submit 42 --text proposal.txt --force",
    ),
    "config": ("pwb config list", "pwb config set connects.billing_day 15"),
    "config list": ("pwb config list", "pwb config list --json"),
    "config get": ("pwb config get connects.monthly_allocation --json",),
    "config set": (
        "pwb config set score.apply_threshold 75",
        "pwb config set connects.bundles '10, 20, 40, 80'",
        "pwb config set connects.monthly_allocation basic=20",
    ),
    "config reset": ("pwb config reset score.apply_threshold",),
    "report": (
        "pwb report --from 2026-01-01",
        "pwb report --profile Shopify --json",
        "pwb report --member Ann --from 2026-11-01",
    ),
    "chart": (
        "pwb chart funnel --out funnel.png",
        "pwb chart spend --out spend.png --from 2026-01-01 --theme dark",
        "pwb chart funnel --out ann-funnel.png --member Ann --json",
    ),
    "demo": ("pwb --db /tmp/demo.sqlite3 demo", "pwb --db /tmp/big.sqlite3 demo --jobs 200000"),
    "backup": ("pwb backup", "pwb backup --out ~/workbench-copy.sqlite3 --json"),
    "backups": ("pwb backups", "pwb backups --json"),
    "restore": ("pwb restore backups/auto-20261201-090000.sqlite3",),
    "check": ("pwb check", "pwb check --repair --json"),
    "export": ("pwb export --out ~/workbench-2026-12.zip",),
    "import-all": ("pwb --db ~/new.sqlite3 import-all ~/workbench-2026-12.zip",),
    "members": ("pwb members list", "pwb --member Ann members add Ben --role admin"),
    "members list": ("pwb members list", "pwb members list --json"),
    "members add": ("pwb members add Ann", "pwb members add Ben --role admin --json"),
    "members role": ("pwb members role Ann admin", "pwb members role Ben member --json"),
    "completion": (
        "pwb completion bash > ~/.local/share/bash-completion/completions/pwb",
        "pwb completion zsh > ~/.zfunc/_pwb",
        "pwb completion fish > ~/.config/fish/completions/pwb.fish",
    ),
}


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """Every parser below ``parser`` by its command words (``""`` is ``parser`` itself)."""
    found = {"": parser}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                for words, below in subcommands(child).items():
                    found[f"{name} {words}".strip()] = below
    return found


def add_examples(parser: argparse.ArgumentParser) -> None:
    """Put each command's examples under its ``--help`` (kept as written)."""
    for words, command in subcommands(parser).items():
        lines = EXAMPLES.get(words)
        if lines:
            command.epilog = "examples:\n" + "\n".join(f"  {line}" for line in lines)
            command.formatter_class = argparse.RawDescriptionHelpFormatter
