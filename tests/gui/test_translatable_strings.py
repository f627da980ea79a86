"""Every user-visible string in ui/ goes through Qt's translation functions (issue 16).

A pure AST walk, no QApplication: every text passed to a widget sink (``setText``,
``setToolTip``, ``QLabel(…)``, ``QMessageBox.warning(…)``, ``addRow``, …) must not be
a bare literal or f-string with letters in it; it has to come from ``self.tr(…)``,
``QCoreApplication.translate(…)`` or a variable (a ``QT_TRANSLATE_NOOP`` table entry
translated where shown). A name assigned such a literal in the same function (or at
module level) and then passed to a sink is caught too. lupdate only sees literals inside
those calls, so an f-string inside ``tr`` is flagged as well.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

UI_DIR = Path(__file__).resolve().parents[2] / "ui"

#: method name -> positions of its text arguments (None: every positional argument)
METHOD_SINKS: dict[str, tuple[int, ...] | None] = {
    "setText": (0,),
    "setToolTip": (0,),
    "setWindowTitle": (0,),
    "setPlaceholderText": (0,),
    "setStatusTip": (0,),
    "setWhatsThis": (0,),
    "setAccessibleName": (0,),
    "setAccessibleDescription": (0,),
    "setTitle": (0,),
    "setTitleText": (0,),
    "setLabelText": (0,),
    "setInformativeText": (0,),
    "setDetailedText": (0,),
    "setSuffix": (0,),
    "setPrefix": (0,),
    "setSpecialValueText": (0,),
    "setCheckBoxText": (0,),
    "showMessage": None,  # QStatusBar (text) and QSystemTrayIcon (title, message)
    "addTab": None,  # (widget, text) or (widget, icon, text)
    "insertTab": None,
    "setTabText": (1,),
    "setTabToolTip": (1,),
    "setItemText": (1,),
    "addRow": None,  # (label, field) or (text)
    "insertRow": None,
    "addAction": (0, 1),  # (text) or (icon, text); never a data string
    "addMenu": (0, 1),
    "addButton": (0,),
    "setHeaderData": (2,),
}
#: combo and list items: (text, data) or (icon, text, data); the data may be any string
ITEM_SINKS: dict[str, int] = {"addItem": 0, "insertItem": 1}
#: list-of-texts sinks: every literal element
LIST_SINKS = {"setHeaderLabels", "setHorizontalHeaderLabels", "setVerticalHeaderLabels"}
#: static calls on these classes -> positions of their text arguments
STATIC_SINKS: dict[str, dict[str, tuple[int, ...]]] = {
    "QMessageBox": {
        "information": (1, 2),
        "warning": (1, 2),
        "critical": (1, 2),
        "question": (1, 2),
        "about": (1, 2),
    },
    "QInputDialog": {
        "getText": (1, 2),
        "getMultiLineText": (1, 2),
        "getItem": (1, 2),
        "getInt": (1, 2),
        "getDouble": (1, 2),
    },
    # (parent, caption, directory, filter): the directory may be a default file name
    "QFileDialog": {
        "getOpenFileName": (1, 3),
        "getOpenFileNames": (1, 3),
        "getSaveFileName": (1, 3),
        "getExistingDirectory": (1,),
    },
}
#: constructors whose string arguments are all shown
CONSTRUCTORS = {
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QToolButton",
    "QMenu",
    "QCommandLinkButton",
    "QMessageBox",
    "QBarSet",
}
#: keyword arguments that are shown, on any call (PySide6 takes properties as keywords)
KEYWORD_SINKS = {
    "text",
    "toolTip",
    "statusTip",
    "whatsThis",
    "windowTitle",
    "placeholderText",
    "title",
    "caption",
    "filter",
    "suffix",
    "prefix",
    "specialValueText",
    "accessibleName",
    "accessibleDescription",
}
#: the project's own helpers that show their text arguments: name -> positions
HELPER_SINKS: dict[str, tuple[int, ...]] = {
    "confirm": (1, 2),  # ui.dialogs.ask.confirm(parent, title, text, yes=, no=)
    "show_error": (1,),  # ui.crash.show_error(parent, title, exc)
    "ask_reload_or_overwrite": (1,),  # ui.dialogs.conflict
    "_warn": (0, 1, 2),  # ui.capture's warning box (parent, title, message)
    "_muted": (0,),  # a muted label
    "_plain_label": (0,),
    "_show_error": (0,),  # a dialog's error line
    "show_problem": (0,),
    "show_test_result": (0,),
    "add_action": (1,),  # ui.main_window.add_action(menu, text, slot, …, tip=)
    "_button": (1,),  # ui.notice's buttons (name, text, …)
    "_with_folder_button": (1,),  # the folder chooser's title
    "_offer_undo": (0,),  # the Jobs page's "… Ctrl+Z to undo." line
    "_tooltip": (0,),
    "_write": (1,),  # a page's write, titled for its error box
    # ui.charts: titles, axis titles, bar set labels
    "_style": (1,),
    "_value_axis": (0,),
    "_category_axis": (1,),
    "_sparse_axis": (1,),
    "_bar_set": (0,),
}
#: helpers called on a module: (module, function) -> positions
MODULE_SINKS: dict[tuple[str, str], tuple[int, ...]] = {
    ("a11y", "name"): (1, 2),  # the accessible name and description
    ("plain", "label"): (0,),
    ("plain", "message"): (0,),
    ("plain", "tooltip"): (0,),
    ("plain", "wrapped_tooltip"): (0,),
    ("plain", "rich_safe"): (0,),
}
#: keyword arguments of those helpers that are shown
HELPER_KEYWORDS = {"yes", "no", "tip"}
#: calls whose result is translated text
TRANSLATORS = {"tr", "translate"}

#: literals that are not language, by file (keep this short, and say why)
EXEMPT: dict[str, set[str]] = {
    # example values of a PostgreSQL host and database name, not words to translate
    "ui/dialogs/connect_dialog.py": {"db.example.com", "workbench"},
    # typed into the password field of a screenshot (shown as dots)
    "ui/screenshots.py": {"not-a-real-password"},
}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    sink: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.sink}: {self.text}"


def _has_letters(text: str) -> bool:
    return any(c.isalpha() for c in text)


def _literal_text(node: ast.expr) -> str | None:
    """The language in ``node`` when it is an untranslated literal: a string constant or
    f-string whose literal parts have letters, or an operation (``+``, ``%``, ``.format``,
    ``a if c else b``) on one; else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if _has_letters(node.value) else None
    if isinstance(node, ast.JoinedStr):
        parts = "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
        return ast.unparse(node) if _has_letters(parts) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return _literal_text(node.left) or _literal_text(node.right)
    if isinstance(node, ast.IfExp):
        return _literal_text(node.body) or _literal_text(node.orelse)
    if isinstance(node, ast.BoolOp):
        return next((t for v in node.values if (t := _literal_text(v))), None)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
    ):
        return _literal_text(node.func.value)
    return None


def _call_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def _is_icon(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and _call_name(node.func) in {"icon", "QIcon", "fromTheme"}


def _text_arguments(call: ast.Call) -> list[tuple[str, ast.expr]]:
    """(sink, argument) of every argument of ``call`` that is shown as text."""
    name = _call_name(call.func)
    args = call.args
    out: list[tuple[str, ast.expr]] = []
    receiver = call.func.value if isinstance(call.func, ast.Attribute) else None
    if isinstance(receiver, ast.Name) and receiver.id in STATIC_SINKS:
        positions = STATIC_SINKS[receiver.id].get(name or "")
        if positions is not None:
            sink = f"{receiver.id}.{name}"
            out += [(sink, args[i]) for i in positions if i < len(args)]
    elif name in METHOD_SINKS and isinstance(call.func, ast.Attribute):
        positions = METHOD_SINKS[name]
        chosen = range(len(args)) if positions is None else positions
        out += [(name, args[i]) for i in chosen if i < len(args)]
    elif name in ITEM_SINKS and isinstance(call.func, ast.Attribute):
        at = ITEM_SINKS[name]
        if at < len(args) and _is_icon(args[at]):
            at += 1
        if at < len(args):
            out.append((name, args[at]))
    elif name in LIST_SINKS and args and isinstance(args[0], ast.List | ast.Tuple):
        out += [(name, element) for element in args[0].elts]
    elif name in CONSTRUCTORS and isinstance(call.func, ast.Name):
        out += [(name, a) for a in args]
    elif isinstance(receiver, ast.Name) and (receiver.id, name) in MODULE_SINKS:
        sink = f"{receiver.id}.{name}"
        out += [(sink, args[i]) for i in MODULE_SINKS[receiver.id, name or ""] if i < len(args)]
    elif name in HELPER_SINKS:
        out += [(name, args[i]) for i in HELPER_SINKS[name] if i < len(args)]
        out += [(f"{name}({k.arg}=)", k.value) for k in call.keywords if k.arg in HELPER_KEYWORDS]
    elif (
        name == "emit"
        and isinstance(receiver, ast.Attribute)
        and receiver.attr == "message"
        and args
    ):
        out.append(("message.emit (the status bar)", args[0]))
    out += [(f"{name}({k.arg}=)", k.value) for k in call.keywords if k.arg in KEYWORD_SINKS]
    return out


def _is_translator(call: ast.Call) -> bool:
    return _call_name(call.func) in TRANSLATORS


def _scopes(tree: ast.Module) -> list[ast.AST]:
    return [tree] + [
        n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
    ]


def _own_nodes(scope: ast.AST) -> list[ast.AST]:
    """The nodes of ``scope`` outside the functions defined in it."""
    out: list[ast.AST] = []
    stack = list(ast.iter_child_nodes(scope))
    while stack:
        node = stack.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue  # a scope of its own (a lambda is not: its calls belong here)
        out.append(node)
        stack.extend(ast.iter_child_nodes(node))
    return out


def _assigned_literals(nodes: list[ast.AST]) -> dict[str, list[ast.expr]]:
    """Names assigned (or extended with) an untranslated literal among ``nodes``."""
    assigned: dict[str, list[ast.expr]] = {}
    for node in nodes:
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign) and node.value:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and _literal_text(node.value) is not None:
                    assigned.setdefault(target.id, []).append(node.value)
    return assigned


def check_source(source: str, path: str = "<snippet>") -> list[Finding]:
    """Every untranslated text passed to a user-visible sink in ``source``."""
    tree = ast.parse(source)
    exempt = EXEMPT.get(path, set())
    found: set[Finding] = set()

    def flag(node: ast.expr, sink: str) -> None:
        text = _literal_text(node)
        if text is not None and text not in exempt:
            found.add(Finding(path, node.lineno, sink, text[:80]))

    module_names = _assigned_literals(_own_nodes(tree))
    for scope in _scopes(tree):
        nodes = _own_nodes(scope)
        # names assigned an untranslated literal here or at module level: passing one to a
        # sink flags the assignment
        assigned = _assigned_literals(nodes) if scope is not tree else {}
        for node in nodes:
            if isinstance(node, ast.Call):
                for sink, arg in _text_arguments(node):
                    flag(arg, sink)
                    if isinstance(arg, ast.Name):
                        for value in assigned.get(arg.id, []) + module_names.get(arg.id, []):
                            flag(value, f"{sink} (via {arg.id})")
                if _is_translator(node):
                    # lupdate reads literals only: an f-string or a name is not collected
                    text_at = 1 if _call_name(node.func) == "translate" else 0
                    if text_at < len(node.args) and isinstance(node.args[text_at], ast.JoinedStr):
                        found.add(
                            Finding(path, node.lineno, "f-string in tr", ast.unparse(node)[:80])
                        )
        if isinstance(scope, ast.FunctionDef) and scope.name == "headerData":
            for node in nodes:
                if isinstance(node, ast.Return) and node.value is not None:
                    flag(node.value, "headerData return")
    return sorted(found, key=lambda f: (f.path, f.line, f.text))


def check_paths(paths: list[Path], root: Path) -> list[Finding]:
    out: list[Finding] = []
    for path in paths:
        out += check_source(path.read_text(encoding="utf-8"), path.relative_to(root).as_posix())
    return out


def ui_sources() -> list[Path]:
    return sorted(p for p in UI_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_user_visible_string_in_ui_is_translatable() -> None:
    findings = check_paths(ui_sources(), UI_DIR.parent)
    assert not findings, (
        f"{len(findings)} user-visible strings in ui/ bypass Qt's translation functions "
        '(use self.tr("… {name}").format(name=…) or QCoreApplication.translate("Context", '
        '"…"); see ui/i18n.py):\n' + "\n".join(map(str, findings))
    )


def test_the_walk_covers_ui() -> None:
    names = {p.relative_to(UI_DIR).as_posix() for p in ui_sources()}
    assert {"main_window.py", "dialogs/draft_dialog.py", "pages/jobs.py"} <= names
    assert len(names) > 50


# -- the checker itself ----------------------------------------------------------------


def lines(source: str) -> list[int]:
    return [f.line for f in check_source(source)]


def test_the_checker_flags_an_f_string_and_passes_tr() -> None:
    assert lines('QLabel(f"Hello {x}")') == [1]
    assert lines('QLabel(self.tr("Hello {x}").format(x=x))') == []
    assert lines('QLabel(QCoreApplication.translate("Ctx", "Hello {x}").format(x=x))') == []


def test_the_checker_flags_literals_in_every_kind_of_sink() -> None:
    flagged = [
        'button.setToolTip("Save the draft")',
        'box.setWindowTitle(f"Import {name}")',
        'QMessageBox.warning(self, "Not saved", text)',
        'QMessageBox.question(self, title, f"Put {a} here?")',
        'QFileDialog.getSaveFileName(self, "Save", name, "Text (*.txt)")',
        'form.addRow("Name:", edit)',
        'combo.addItem("Any verdict", None)',
        'combo.addItem(icon("x"), "Any verdict", None)',
        'table.setHorizontalHeaderLabels(["Title", self.tr("Score")])',
        'menu.addAction("&Quit")',
        'QPushButton("Choose…")',
        'QLineEdit(placeholderText="e.g. referral")',
        'label.setText("Saved " + name)',
        'label.setText(self.tr("Saved") if ok else "Not saved")',
        'label.setText("{n} saved".format(n=n))',
        'self.tr(f"Hello {x}")',
        'spin.setSuffix(" /hr")',
        'a11y.name(edit, f"Fill-in: {label}", label=caption)',
        'confirm(self, title, text, yes="Record anyway")',
        'show_error(self, "Save draft", exc)',
        'self.ctx.message.emit(f"Saved {name}")',
    ]
    for source in flagged:
        assert set(lines(source)) == {1}, source
    assert len(lines('QFileDialog.getSaveFileName(self, "Save", name, "Text (*.txt)")')) == 2


def test_the_checker_passes_what_is_not_language() -> None:
    passed = [
        'combo.addItem(self.tr("Any verdict"), "any")',  # the data is not shown
        'label.setText(f"{count:,} · {rate}")',  # no words
        'tray.setToolTip(f"{APP_NAME}\\n{connects}")',
        'QFileDialog.getSaveFileName(self, self.tr("Save"), f"{name}.txt", self.tr("Text"))',
        'log.warning("watching failed: %s", exc)',  # a log line, not a message box
        'label.setText("")',
        "label.setText(title)",
        'box.setStyleSheet("color: red;")',
    ]
    for source in passed:
        assert lines(source) == [], source


def test_the_checker_follows_a_name_assigned_a_literal() -> None:
    source = """
def show(self, n):
    text = f"{n} postings saved"
    self.status.setText(text)
"""
    assert lines(source) == [3]
    built = """
def show(self, n):
    text = self.tr("%n postings saved", "", n)
    if n > 5:
        text += " Check them."
    self.status.setText(text)
"""
    assert lines(built) == [5]
    module = 'FILTER = "Postings (*.csv)"\ndef pick(self):\n    QFileDialog.getOpenFileName(self, self.tr("Open"), "", FILTER)\n'
    assert lines(module) == [1]
    marked = 'FILTER = QT_TRANSLATE_NOOP("Ctx", "Postings (*.csv)")\n' + module.split("\n", 1)[1]
    assert lines(marked) == []


def test_the_checker_reads_header_data_returns() -> None:
    source = """
class Model:
    def headerData(self, section, orientation, role):
        if section == 0:
            return "Title"
        return self.tr("Score")
"""
    assert lines(source) == [5]


def test_exemptions_are_few_and_still_used() -> None:
    assert sum(len(v) for v in EXEMPT.values()) <= 5
    for name, texts in EXEMPT.items():
        source = (UI_DIR.parent / name).read_text(encoding="utf-8")
        for text in texts:
            assert f'"{text}"' in source, f"{name} no longer has {text!r}: drop the exemption"


def test_lupdate_collected_every_marked_text() -> None:
    """Each literal in tr / translate / QT_TRANSLATE_NOOP in ui/ is in the committed .ts:
    lupdate silently drops some calls it cannot parse (``QCoreApplication.translate(ctx,
    "%n …", "", len(x))`` is one: the count has to be a plain name)."""
    import xml.etree.ElementTree as ET

    ts = UI_DIR.parent / "resources" / "i18n" / "proposal_workbench.ts"
    messages = [
        (context.findtext("name", ""), message.findtext("source", ""), message.get("numerus"))
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
    ]
    collected = {(context, text) for context, text, _plural in messages}
    sources = {text for _context, text, _plural in messages}
    plurals = {text for _context, text, plural in messages if plural == "yes"}
    missing, singular = [], []
    for path in ui_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = _call_name(node.func)
            at = {"tr": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1}.get(name or "")
            if at is None or at >= len(node.args):
                continue
            text = node.args[at]
            if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
                continue
            context = node.args[0] if at == 1 else None
            if isinstance(context, ast.Constant):
                found = (context.value, text.value) in collected
            else:  # self.tr: the class's name (or a base class's, as PySide6 looks them up)
                found = text.value in sources
            where = f"{path.relative_to(UI_DIR.parent)}:{node.lineno}: {text.value!r}"
            if not found:
                missing.append(where)
            elif (
                name != "QT_TRANSLATE_NOOP"
                and len(node.args) > at + 2
                and text.value not in plurals
            ):
                singular.append(where)
    assert not missing, "not in the .ts (run python -m ui.i18n; see above):\n" + "\n".join(missing)
    # a count given, but lupdate did not see a plural (it does only in self.tr("%n …", "", n))
    assert not singular, "plurals lupdate collected as one form:\n" + "\n".join(singular)


def test_the_texts_app_defines_are_marked_in_ui() -> None:
    """ui/app_texts.py marks app/'s field labels and settings texts for lupdate: it is
    what ``python -m ui.i18n`` writes from app/ now."""
    from ui import i18n

    assert i18n.app_texts_file().read_text(encoding="utf-8") == i18n.app_texts_source(), (
        "ui/app_texts.py is out of date: run python -m ui.i18n"
    )
    texts = i18n.app_texts()
    assert "Title" in texts["Fields"] and "Scoring" in texts["Settings"]
