"""Every setting is reachable: Preferences edits each one, ``pwb config`` reads and writes it."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
)

from app import settings
from app.cli import main
from ui.main_window import MainWindow
from ui.preferences import PreferencesDialog, SettingEditor

#: a new, valid value for every setting (a setting added later must be added here)
NEW_VALUES: dict[str, Any] = {
    "connects.price_usd": 0.2,
    "connects.bundles": [10, 25, 50],
    "connects.agency_bundles": [200],
    "connects.monthly_allocation": {"basic": 12, "freelancer_plus": 80, "agency": 5},
    "connects.billing_day": 15,
    "connects.expiry_days": 300,
    "connects.credit_name": "bids",
    "connects.refund_rules": {
        "client_cancelled": "spend_and_boost",
        "removed_for_terms": "spend",
        "job_expired": "spend",
        "hired_someone_else": "none",
        "withdrawn": "none",
    },
    "connects.refund_boost_when_outbid": False,
    "connects.forecast_days": 45,
    "connects.typical_proposal": 10,
    "score.apply_threshold": 75,
    "score.maybe_threshold": 50,
    "proposal.max_length": 4000,
    "proposal.user_dictionary": ["Guesty", "Airtable"],
    "backup.keep": 14,
    "import.date_order": "DMY",
    "import.max_description_chars": 150_000,
    "import.column_mappings": {"title|budget|posted": {"budget": "fixed_budget"}},
    "replies.starters_offered": ["intro/short"],
    "capture.clipboard_watch": True,
    "capture.save_copied": True,
    "capture.global_keys": True,
    "capture.keep_in_tray": True,
    "capture.watch_folder": "",  # set to a scratch folder in the test
}


def type_into(qtbot, editor: SettingEditor, value: Any) -> None:
    """Change one setting in the dialog as a person would."""
    widget = editor.widget
    if isinstance(widget, QSpinBox):
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(widget, str(value))
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    elif isinstance(widget, QDoubleSpinBox):
        widget.setValue(value)
    elif isinstance(widget, QCheckBox):
        if widget.isChecked() != value:
            widget.setFocus()
            qtbot.keyClick(widget, Qt.Key.Key_Space)
    elif isinstance(widget, QLineEdit):
        widget.clear()
        qtbot.keyClicks(widget, settings.format_value(editor.spec.key, value))
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(widget.findData(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.clear()
        widget.setFocus()
        qtbot.keyClicks(widget, settings.format_value(editor.spec.key, value))
    else:
        for name, entry in value.items():
            part = editor.parts[name]
            if isinstance(part, QComboBox):
                part.setCurrentIndex(part.findData(entry))
            else:
                part.setValue(entry)


def pwb(capsys, db, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", db.location, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_preferences_edits_every_setting_and_pwb_config_round_trips(
    qtbot, capsys, window: MainWindow, db, modal, settle, tmp_path, monkeypatch
) -> None:
    (tmp_path / "alerts").mkdir()
    monkeypatch.setitem(NEW_VALUES, "capture.watch_folder", str(tmp_path / "alerts"))
    assert set(NEW_VALUES) == set(settings.SPECS), "every setting has a new value here"

    def edit_all(dialog: PreferencesDialog) -> None:
        assert set(dialog.editors) == set(settings.SPECS)  # every setting has an editor
        for key, value in NEW_VALUES.items():
            editor = dialog.editors[key]
            dialog.tabs.setCurrentIndex(dialog.group_tabs[editor.spec.group])
            type_into(qtbot, editor, value)
            assert editor.value() == value, key
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    modal(PreferencesDialog, edit_all)
    window.preferences_action.trigger()
    settle()
    assert modal.seen, "Preferences opened"
    with db.read() as session:
        stored = settings.all_values(session)
    assert stored == NEW_VALUES
    # the window follows the capture settings at once
    assert window.quick.clipboard.enabled and window.quick.clipboard.save_all
    assert window.quick.folder.folder == tmp_path / "alerts"

    for key, value in NEW_VALUES.items():
        code, out, _ = pwb(capsys, db, "config", "get", key, "--json")
        assert code == 0 and json.loads(out) == value, key
        default = settings.spec(key).default
        if key == "score.maybe_threshold":
            default = 40  # the default 45 is fine too; a value below the Apply score (75)
        code, out, err = pwb(
            capsys, db, "config", "set", key, settings.format_value(key, default), "--json"
        )
        assert code == 0, err
        assert json.loads(out) == {"key": key, "value": default}
        code, out, _ = pwb(capsys, db, "config", "get", key)
        assert out.strip() == settings.format_value(key, default), key
    code, out, _ = pwb(capsys, db, "config", "list", "--json")
    listed = {entry["key"]: entry for entry in json.loads(out)}
    assert list(listed) == list(settings.SPECS)
    assert listed["connects.billing_day"]["is_default"] is True
    assert listed["connects.billing_day"]["group"] == "Connects"
    assert QSettings().value("ui/theme") in ("system", None)


def test_preferences_shows_groups_with_meanings_and_refuses_a_bad_value(
    qtbot, window: MainWindow, db, modal, settle
) -> None:
    seen: dict[str, object] = {}

    def look(dialog: PreferencesDialog) -> None:
        tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
        seen["tabs"] = tabs
        texts = [label.text() for label in dialog.findChildren(QLabel)]
        seen["help"] = all(any(s.help in t for t in texts) for s in settings.SPECS.values())
        bundles = dialog.editors["connects.bundles"].widget
        assert isinstance(bundles, QLineEdit)
        bundles.setText("10, twenty")
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        seen["error"] = dialog.error_label.text()
        seen["open"] = dialog.isVisible()
        seen["tab"] = dialog.tabs.tabText(dialog.tabs.currentIndex())
        dialog.reject()

    modal(PreferencesDialog, look)
    window.preferences_action.trigger()
    settle()
    assert seen["tabs"] == [
        "General",
        "Connects",
        "Proposals",
        "Scoring",
        "Import",
        "Capture",
        "Backups",
        "Saved replies",
    ]
    assert seen["help"] is True
    assert seen["open"] is True and seen["tab"] == "Connects"
    assert "connects.bundles, item 2, takes a whole number, not 'twenty'" in str(seen["error"])
    with db.read() as session:
        assert settings.get(session, "connects.bundles") == [10, 20, 40, 60, 80]
