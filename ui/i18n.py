"""Translation: the app's QTranslator for the system locale, and the lupdate run.

Every user-visible string in ``ui/`` goes through Qt's translation functions:
``self.tr("…")`` in a QObject subclass, ``QCoreApplication.translate("Context", "…")``
elsewhere, ``QT_TRANSLATE_NOOP("Context", "…")`` for tables of labels defined at
module level (translated where they are shown). ``pyside6-lupdate`` collects them into
``resources/i18n/proposal_workbench.ts`` (:func:`update_ts`; a test fails when the
committed file is out of date); a translator opens it in Qt Linguist, and
``pyside6-lrelease`` makes ``proposal_workbench_<locale>.qm`` beside it, which the app
loads at start for that locale (:func:`install_translators`).

    python -m ui.i18n            # rewrite the .ts file (and ui/app_texts.py) after changing strings
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.paths import resources_dir

#: the catalogue's base name: proposal_workbench.ts, proposal_workbench_de.qm, …
CATALOGUE = "proposal_workbench"
UI_DIR = Path(__file__).resolve().parent


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` where it is defined (a module-level
    table); it is translated where it is shown, with ``translate(context, text)``."""
    return text


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def ts_file() -> Path:
    return i18n_dir() / f"{CATALOGUE}.ts"


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[str]:
    """Load Qt's own translations and ours for ``locale`` (default: the system's) where a
    ``.qm`` file exists; returns the files' names loaded (none for English)."""
    locale = locale or QLocale()
    loaded: list[str] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase", qt_dir), (CATALOGUE, str(i18n_dir()))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            loaded.append(Path(translator.filePath()).name)
        else:
            translator.deleteLater()
    return loaded


def lupdate_program() -> list[str]:
    """``pyside6-lupdate`` (on PATH beside this Python, or the binary inside PySide6)."""
    import shutil

    beside = Path(sys.executable).with_name("pyside6-lupdate")
    for found in (shutil.which("pyside6-lupdate"), beside if beside.exists() else None):
        if found:
            return [str(found)]
    import PySide6

    inside = Path(PySide6.__file__).parent / ("lupdate.exe" if os.name == "nt" else "lupdate")
    if inside.exists():
        return [str(inside)]
    raise FileNotFoundError("pyside6-lupdate not found: install PySide6-Essentials")


def sources() -> list[Path]:
    """The Python files whose strings are collected: every module in ui/."""
    return sorted(p for p in UI_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def app_texts() -> dict[str, list[str]]:
    """The English texts app/ defines that ui/ shows, by context: the posting fields'
    labels and choices (the review form, the import mapping), the settings' groups, titles,
    help, choices and parts (Preferences), the names of proposal and posting statuses, flag
    severities and ledger kinds (:mod:`ui.app_words`). app/ knows no Qt, so ui/app_texts.py marks them for lupdate."""
    from app import settings
    from app.capture import EDITABLE_FIELDS
    from app.domain import JobStatus, LedgerKind, ProposalStatus, Severity
    from app.drafting.pipeline import status_label
    from app.importing.mapping import LABELS
    from ui.app_words import english

    fields = [spec.label for spec in EDITABLE_FIELDS] + list(LABELS.values())
    # the review form's choices, as it shows them ("fixed" -> "Fixed")
    fields += [c.capitalize() for spec in EDITABLE_FIELDS for c in spec.choices if c]
    setting_texts: list[str] = []
    for group, specs in settings.grouped():
        setting_texts.append(group)
        for spec in specs:
            setting_texts += [spec.title, spec.help]
            # choices and a table's parts, as Preferences shows them (ui.app_words)
            setting_texts += [english(name) for name in (*spec.choices, *spec.keys)]
    from app.insights.takeaways import EMPTY_HINTS, WORDS
    from app.messages import templates_in
    from ui.app_words import MESSAGE_MODULES

    root = UI_DIR.parent
    found = [t for module in MESSAGE_MODULES for t in templates_in(root / module)]
    messages = [*found, *WORDS, *EMPTY_HINTS.values()]
    return {
        "Fields": list(dict.fromkeys(fields)),
        "Settings": list(dict.fromkeys(t for t in setting_texts if t)),
        "ProposalStatus": [status_label(s) for s in ProposalStatus],
        "JobStatus": [english(s) for s in JobStatus],
        "Severity": [english(s) for s in Severity],
        "LedgerKind": [english(k) for k in LedgerKind],
        # the Insights takeaways and empty hints, the Connects warnings (ui.app_words.message)
        "Messages": list(dict.fromkeys(t for t in messages if t)),
    }


def app_texts_source() -> str:
    """The text of ui/app_texts.py for :func:`app_texts` (``python -m ui.i18n`` writes it)."""
    import json

    lines = [
        '"""The English texts app/ defines and ui/ shows, marked for lupdate (app/ knows no',
        "Qt): written by ``python -m ui.i18n`` from :func:`ui.i18n.app_texts`; a test fails",
        'when it is stale. Shown with ``QCoreApplication.translate("Fields", label)`` etc."""',
        "",
        "from ui.i18n import QT_TRANSLATE_NOOP",
        "",
        "# fmt: off",
    ]
    for context, texts in app_texts().items():
        lines.append(f"{context.upper()} = (")
        lines += [
            f"    QT_TRANSLATE_NOOP({json.dumps(context)}, {json.dumps(t, ensure_ascii=False)}),"
            for t in texts
        ]
        lines.append(")")
    lines.append("# fmt: on")
    return "\n".join(lines) + "\n"


def app_texts_file() -> Path:
    return UI_DIR / "app_texts.py"


def update_ts(target: Path | None = None) -> Path:
    """Run lupdate over ui/ into ``target`` (default: the committed .ts file). Locations
    are left out, so the file changes only when the strings do."""
    import subprocess

    target = target or ts_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    files = [str(p.relative_to(UI_DIR.parent)) for p in sources()]
    command = [*lupdate_program(), "-locations", "none", "-no-obsolete", *files, "-ts", str(target)]
    subprocess.run(command, cwd=UI_DIR.parent, check=True, capture_output=True, text=True)
    return target


def main(argv: Sequence[str] | None = None) -> int:  # pragma: no cover - a developer tool
    app_texts_file().write_text(app_texts_source(), encoding="utf-8")
    print(update_ts())
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
