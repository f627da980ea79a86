"""Translatable: the committed .ts file is what lupdate collects from ui/ now, and a
translation, when there is one for the locale, reaches what the user sees (issue 16)."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from ui import i18n


def messages(ts: Path) -> set[tuple[str, str, str, bool]]:
    """(context, source, comment, plural) of every message: what a translator sees,
    not where lupdate found it."""
    found = set()
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found.add(
                (
                    name,
                    message.findtext("source", ""),
                    message.findtext("comment", ""),
                    message.get("numerus") == "yes",
                )
            )
    return found


def test_the_committed_ts_file_is_up_to_date(tmp_path: Path) -> None:
    fresh = i18n.update_ts(tmp_path / "fresh.ts")
    committed, now = messages(i18n.ts_file()), messages(fresh)
    missing = sorted(now - committed)[:20]
    stale = sorted(committed - now)[:20]
    assert not missing and not stale, (
        f"resources/i18n/proposal_workbench.ts is out of date (run python -m ui.i18n): "
        f"new {missing}, gone {stale}"
    )
    assert len(now) > 300  # the menus, pages and dialogs, not a handful


def pseudo_qm(tmp_path: Path, locale: str, plural_forms: tuple[str, ...] = ()) -> Path:
    """A translation of every message into "⟦text⟧", compiled with lrelease. With
    ``plural_forms`` (the locale's forms, e.g. Esperanto's ``("one", "other")``) a plural
    message becomes "⟦one: text⟧" / "⟦other: text⟧", %n kept (lrelease drops plurals missing a
    form); without, each of its existing forms becomes "⟦text⟧"."""
    tree = ET.parse(i18n.ts_file())
    root = tree.getroot()
    root.set("language", locale)
    for message in root.iter("message"):
        source = message.findtext("source", "")
        translation = message.find("translation")
        assert translation is not None
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes" and plural_forms:
            for form in translation.findall("numerusform"):
                translation.remove(form)
            for name in plural_forms:
                ET.SubElement(translation, "numerusform").text = f"⟦{name}: {source}⟧"
        elif message.get("numerus") == "yes":
            for form in translation.findall("numerusform"):
                form.text = f"⟦{source}⟧"
        else:
            translation.text = f"⟦{source}⟧"
    ts = tmp_path / f"{i18n.CATALOGUE}_{locale}.ts"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    lrelease = i18n.lupdate_program()[0].replace("lupdate", "lrelease")
    subprocess.run([lrelease, str(ts)], check=True, capture_output=True)
    return ts.with_suffix(".qm")


@pytest.mark.clock
def test_a_translation_for_the_locale_is_loaded_and_shown(
    qtbot, ctx, tmp_path, monkeypatch
) -> None:
    from ui.main_window import MainWindow
    from ui.pages.jobs import JobsPage

    qm = pseudo_qm(tmp_path, "eo")
    monkeypatch.setattr(i18n, "i18n_dir", lambda: qm.parent)
    app = QCoreApplication.instance()
    assert app is not None
    before = set(app.findChildren(QTranslator))
    loaded = i18n.install_translators(app, QLocale("eo"))
    try:
        assert f"{i18n.CATALOGUE}_eo.qm" in loaded
        QSettings().clear()
        window = MainWindow(ctx)
        qtbot.add_widget(window)
        assert window.file_menu.title() == "⟦&File⟧"
        assert window.nav.item(0).text() == "⟦Jobs⟧"
        page = window.go_to(JobsPage)
        assert page.title_label.text() == "⟦Jobs⟧"
        assert page.empty_paste_button.text() == "⟦Paste a posting⟧"
        assert page.verdict_combo.itemText(0) == "⟦Any verdict⟧"
    finally:
        for translator in set(app.findChildren(QTranslator)) - before:
            app.removeTranslator(translator)
            translator.deleteLater()


def test_english_needs_no_file(qapp) -> None:
    assert i18n.CATALOGUE + "_en.qm" not in i18n.install_translators(qapp, QLocale("en_US"))


def test_module_level_texts_and_placeholders_are_translated(qtbot, esperanto) -> None:
    """Texts made outside a QObject (translate with a context, QT_TRANSLATE_NOOP tables)
    reach the user translated, placeholders filled in after translation."""
    from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

    from app.domain import PostingFacts
    from app.importing.dates import DAY_FIRST
    from app.importing.run import DateOrder
    from app.storage.imports import KeptPosting, UndoReport
    from ui.capture_actions import capture_actions
    from ui.charts import chart_title
    from ui.dialogs.import_dialog import describe_order, undo_text
    from ui.dialogs.review_dialog import ReviewDialog

    window = QWidget()
    qtbot.add_widget(window)
    paste, imports = capture_actions(window)
    assert paste.text() == "⟦&Paste posting⟧"
    assert imports.toolTip() == "⟦Import postings from a CSV, JSON or JSONL file⟧"
    assert chart_title("spend") == "⟦Connects spent⟧"
    assert describe_order(DateOrder(DAY_FIRST, "option")) == "⟦⟦day/month/year⟧ (⟦as chosen⟧)⟧"
    undone = UndoReport(1, "a.csv", removed=2, restored=1, kept=[KeptPosting(5, "T", "edited")])
    assert undo_text(undone) == (
        "⟦Import of a.csv undone: 2 postings removed, 1 restored.⟧ "
        "⟦one: 1 kept as you changed them since.⟧"
    )
    review = ReviewDialog([PostingFacts(title="A"), PostingFacts(title="B")], doubtful=2)
    qtbot.add_widget(review)
    assert review.windowTitle() == "⟦Review postings⟧"
    assert review.picker.itemText(1) == "⟦2 of 2: B⟧"
    assert review.doubt.text().startswith("⟦other: 2 of these 2 do not look like job postings")
    # a label app/ defines, marked in ui/app_texts.py
    title = review.editors["title"]
    parent = title.parentWidget()
    assert parent is not None
    form = parent.layout()
    assert isinstance(form, QFormLayout)
    label = form.labelForField(title)
    assert isinstance(label, QLabel) and label.text() == "⟦Title⟧"
