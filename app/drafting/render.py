"""Render saved replies in a Jinja2 sandbox that never crashes and never runs away.

Saved replies are written by users and shared between them, so they run in an
:class:`ImmutableSandboxedEnvironment` with limits on time (``TIME_LIMIT_S``),
output size (``MAX_OUTPUT_CHARS``) and the size of any value built on the way
(``MAX_VALUE_CHARS``). A variable the context cannot fill is not an error: it
prints as a bracket placeholder ``[name]`` and becomes a *fill-in* the user
types before export, just like a ``[Client Name]`` written into the text.
Every failure comes back as a :class:`TemplateProblem` with the line number.
"""

from __future__ import annotations

import functools
import logging
import re
import time
import traceback
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from jinja2 import (
    BaseLoader,
    ChainableUndefined,
    Environment,
    Template,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
    nodes,
)
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace
from jinja2.visitor import NodeTransformer

log = logging.getLogger("pwb.drafting")

TIME_LIMIT_S = 0.8
MAX_OUTPUT_CHARS = 100_000
MAX_VALUE_CHARS = 1_000_000
MAX_SEQUENCE_ITEMS = 100_000
MAX_INT_BITS = 10_000

#: a placeholder left in the text: ``[Client Name]``, ``[portfolio link]``, ``[job.budget]``
#: (not a Markdown link ``[text](url)``, not ``[x]``)
FILL_IN_RE = re.compile(r"\[([A-Za-z][^\[\]\n]{1,60})\](?!\()")

_MAIN_FILE = "<template>"
_SNIPPET_FILE = "<reply {}>"
_SNIPPET_FILE_RE = re.compile(r"^<reply (.+)>$")


class TemplateLimitError(Exception):
    """A render went over a limit (time, size, nesting)."""


@dataclass(frozen=True)
class TemplateProblem:
    """Why a reply could not be rendered, and where."""

    message: str
    line: int | None = None
    #: the snippet the problem is in; ``None`` means the reply being rendered
    reply: str | None = None

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else ""
        if self.reply:
            where = f"{where} of snippet {self.reply}" if where else f"snippet {self.reply}"
        return f"{where}: {self.message}" if where else self.message


@dataclass
class Rendered:
    """A rendered reply: its text and fill-ins, or the problem that stopped it."""

    text: str
    fill_ins: list[str] = field(default_factory=list)
    problem: TemplateProblem | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


@dataclass
class _RenderState:
    deadline: float
    snippets: Mapping[str, str]
    #: id() of each context dict -> its dotted path ("job", "client"), to name fill-ins
    paths: dict[int, str] = field(default_factory=dict)


_STATE: ContextVar[_RenderState | None] = ContextVar("pwb_render_state", default=None)


def _tick() -> None:
    state = _STATE.get()
    if state is not None and time.perf_counter() > state.deadline:
        raise TemplateLimitError(
            f"the reply takes longer than {TIME_LIMIT_S:g} s to render (a loop that runs too long?)"
        )


def _weight(value: Any, budget: int, seen: dict[int, int]) -> int:
    """About how many characters ``value`` prints as; stops counting past ``budget``.

    Containers can share one big list many times over (``[L] * 1000``): printing
    that is what blows up, so shared parts are counted each time, but measured once.
    """
    if isinstance(value, str):
        return len(value)
    if not isinstance(value, list | tuple | dict | set | frozenset):
        return 24
    known = seen.get(id(value))
    if known is not None:
        return known
    total = 2
    items = value.items() if isinstance(value, dict) else value
    for item in items:
        total += _weight(item, budget - total, seen) + 2
        if total > budget:
            break
    seen[id(value)] = total
    return total


def _check_size(value: Any) -> Any:
    """``value``, unless printing it would make more than ``MAX_VALUE_CHARS`` characters."""
    if isinstance(value, str):
        too_big = len(value) > MAX_VALUE_CHARS
    elif isinstance(value, int):
        if value.bit_length() > MAX_INT_BITS:
            raise TemplateLimitError("a number grows larger than a reply could ever need")
        return value
    else:
        too_big = _weight(value, MAX_VALUE_CHARS, {}) > MAX_VALUE_CHARS
    if too_big:
        raise TemplateLimitError(f"a value grows larger than {MAX_VALUE_CHARS:,} characters")
    return value


def _safe_concat(parts: list[Any]) -> str:
    """``a ~ b``: checked before Python builds the string."""
    for part in parts:
        _check_size(part)
    return _check_size("".join(str(part) for part in parts))


class _FillIn(ChainableUndefined):
    """An unknown variable: prints as ``[name]`` so the user can fill it in."""

    __slots__ = ()

    def __str__(self) -> str:
        if self._undefined_exception is not UndefinedError:
            self._fail_with_undefined_error()  # a sandbox violation, not a missing value
        return f"[{self.fill_in_name}]"

    @property
    def fill_in_name(self) -> str:
        name = self._undefined_name or "value"
        state = _STATE.get()
        parent = state.paths.get(id(self._undefined_obj)) if state else None
        return f"{parent}.{name}" if parent else name


class _SafeNamespace(Namespace):
    """``namespace()`` whose attributes cannot grow past the value limit."""

    def __setitem__(self, name: str, value: Any) -> None:
        _tick()
        super().__setitem__(name, _check_size(value))


class _ReplyLoader(BaseLoader):
    """Resolves ``{% include "intro/short" %}`` from the saved replies of this render."""

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        state = _STATE.get()
        body = state.snippets.get(template) if state else None
        if body is None:
            raise TemplateNotFound(template)

        def uptodate() -> bool:
            current = _STATE.get()
            return current is not None and current.snippets.get(template) == body

        return body, _SNIPPET_FILE.format(template), uptodate


def _width_args(args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and value > MAX_VALUE_CHARS:
            raise TemplateLimitError(f"{value:,} is too large a width or count for a reply")
        if isinstance(value, str) and re.search(r"\d{7,}", value):
            raise TemplateLimitError("a format asks for a width larger than a reply can hold")


def _replace_size(text: Any, old: Any, new: Any, count: int = -1) -> None:
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
        hits = text.count(old) if old else len(text) + 1
        if count >= 0:
            hits = min(hits, count)
        if len(text) + hits * max(0, len(new) - len(old)) > MAX_VALUE_CHARS:
            raise TemplateLimitError(f"a replace() would grow past {MAX_VALUE_CHARS:,} characters")


def _join_size(items: Any) -> None:
    if isinstance(items, list | tuple) and len(items) <= MAX_SEQUENCE_ITEMS:
        total = sum(len(i) for i in items if isinstance(i, str))
        if total > MAX_VALUE_CHARS:
            raise TemplateLimitError(f"a join would grow past {MAX_VALUE_CHARS:,} characters")


def _guarded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that checks the clock and the size of what it makes."""

    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _tick()
        plain = [a for a in args if not isinstance(a, Context | Environment)]
        for value in (*plain, *kwargs.values()):
            _check_size(value)
        if name == "replace" and len(plain) >= 3:
            _replace_size(*plain[:4])
        elif name == "join" and plain:
            _join_size(plain[0] if isinstance(plain[0], list | tuple) else None)
        elif name in {"center", "indent", "wordwrap", "format", "truncate", "batch", "slice"}:
            _width_args(tuple(plain[1:]), kwargs)
        return _check_size(func(*args, **kwargs))

    return guarded


def _loop_guard(iterable: Any) -> Iterator[Any]:
    """Wrapped around every ``{% for %}``: a loop checks the clock on each turn."""
    for item in iterable:
        _tick()
        yield item


class _ConcatGuard(NodeTransformer):
    """Rewrites ``a ~ b`` into a checked join (Jinja's own one would build any size)."""

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        parts = [self.visit(part) for part in node.nodes]
        items = nodes.List(parts, lineno=node.lineno)
        return nodes.Filter(items, "pwb_concat", [], [], None, None, lineno=node.lineno)


_STR_METHODS_WITH_WIDTH = {"center", "ljust", "rjust", "zfill", "expandtabs", "format"}


class _Sandbox(ImmutableSandboxedEnvironment):
    """The sandbox plus limits: loops, calls, operators and outputs are all checked."""

    intercepted_binops = frozenset({"*", "**", "%", "+", "//"})

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(
                loop.iter, "pwb_loop_guard", [], [], None, None, lineno=loop.lineno
            )
        return _ConcatGuard().visit(tree)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _tick()
        for value in (*args, *kwargs.values()):
            _check_size(value)
        owner = getattr(__obj, "__self__", None)
        method = getattr(__obj, "__name__", "")
        if isinstance(owner, str | list | tuple | dict):
            _check_size(owner)
        if isinstance(owner, str):
            if method == "replace":
                _replace_size(owner, *args, **kwargs)
            elif method == "join" and args:
                _join_size(list(args[0]) if isinstance(args[0], list | tuple) else None)
            elif method in _STR_METHODS_WITH_WIDTH:
                _width_args((owner, *args) if method == "format" else args, kwargs)
        try:
            result = super().call(__context, __obj, *args, **kwargs)
        except RecursionError:
            raise TemplateLimitError(
                "macros or loops call themselves without end (too deeply nested)"
            ) from None
        return _check_size(result)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        _tick()
        _check_size(left)
        _check_size(right)
        if operator == "**" and _is_number(left) and _is_number(right):
            if abs(right) > 64 and abs(left) > 1:
                raise TemplateLimitError("a power that large is not something a reply needs")
        elif operator == "*":
            _check_repeat(left, right)
            _check_repeat(right, left)
        elif operator == "%" and isinstance(left, str):
            _width_args((left,), {})
        return _check_size(super().call_binop(context, operator, left, right))


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _check_repeat(seq: Any, times: Any) -> None:
    if (
        isinstance(seq, str | list | tuple)
        and isinstance(times, int)
        and times > 0
        and (_weight(seq, MAX_VALUE_CHARS, {}) * times > MAX_VALUE_CHARS or times > MAX_VALUE_CHARS)
    ):
        raise TemplateLimitError(f"repeating a value would grow past {MAX_VALUE_CHARS:,} items")


def _finalize(value: Any) -> Any:
    """Every ``{{ value }}`` passes here: the clock and the size are checked."""
    _tick()
    return _check_size(value)


def _make_environment() -> _Sandbox:
    env = _Sandbox(
        loader=_ReplyLoader(),
        undefined=_FillIn,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
        auto_reload=True,
        cache_size=400,
    )
    env.filters = {name: _guarded_filter(name, f) for name, f in env.filters.items()}
    env.filters["pwb_loop_guard"] = _loop_guard
    env.filters["pwb_concat"] = _safe_concat
    env.globals["namespace"] = _SafeNamespace
    del env.globals["lipsum"]  # lorem ipsum of any length: never wanted in a proposal
    return env


_ENV = _make_environment()


@functools.lru_cache(maxsize=128)
def _compile(body: str) -> Template:
    return _ENV.from_string(body)


def render_template(
    body: str,
    context: Mapping[str, Any],
    *,
    snippets: Mapping[str, str] | None = None,
    values: Mapping[str, str] | None = None,
) -> Rendered:
    """Render ``body`` with ``context``; ``values`` are what the user typed for fill-ins.

    ``snippets`` maps reply names to bodies for ``{% include %}``. A value keyed
    by a variable name (``client_name``, ``client.name``) fills that variable;
    any value also replaces a matching ``[placeholder]`` in the text.
    """
    state = _RenderState(time.perf_counter() + TIME_LIMIT_S, snippets or {})
    token = _STATE.set(state)
    try:
        full = _with_values(context, values or {})
        _register_paths(full, "", state.paths)
        text = _generate(_compile(body), full)
    except Exception as exc:  # every template failure is the user's to fix, never a crash
        log.debug("template failed", exc_info=True)
        return Rendered("", [], problem_of(exc))
    finally:
        _STATE.reset(token)
    text = fill_placeholders(text, values or {})
    return Rendered(text, find_fill_ins(text))


def _generate(template: Template, context: dict[str, Any]) -> str:
    parts: list[str] = []
    size = 0
    for chunk in template.generate(context):
        size += len(chunk)
        if size > MAX_OUTPUT_CHARS:
            raise TemplateLimitError(
                f"the reply's text grows past {MAX_OUTPUT_CHARS // 1000} KB; "
                "a proposal is far shorter"
            )
        _tick()
        parts.append(chunk)
    return "".join(parts)


def check_syntax(body: str) -> TemplateProblem | None:
    """The syntax error in ``body``, if any (no rendering)."""
    try:
        _compile(body)
    except Exception as exc:
        return problem_of(exc)
    return None


def _with_values(context: Mapping[str, Any], values: Mapping[str, str]) -> dict[str, Any]:
    """The context with the user's values merged in (``client.name`` goes into ``client``)."""
    full = {k: (dict(v) if isinstance(v, Mapping) else v) for k, v in context.items()}
    for key, value in values.items():
        parts = key.strip().split(".")
        if not all(p.isidentifier() for p in parts):
            continue  # a "[Client Name]" label, used for placeholder replacement only
        target = full
        for part in parts[:-1]:
            nested = target.get(part)
            if not isinstance(nested, dict):
                nested = target[part] = {}
            target = nested
        target[parts[-1]] = value
    return full


def _register_paths(scope: Mapping[str, Any], prefix: str, paths: dict[int, str]) -> None:
    for key, value in scope.items():
        if isinstance(value, dict):
            path = f"{prefix}{key}"
            paths[id(value)] = path
            _register_paths(value, f"{path}.", paths)


def find_fill_ins(text: str) -> list[str]:
    """The placeholders left in ``text``, each once, in order of appearance."""
    seen: dict[str, None] = {}
    for match in FILL_IN_RE.finditer(text):
        seen.setdefault(match.group(1).strip(), None)
    return list(seen)


def fill_placeholders(text: str, values: Mapping[str, str]) -> str:
    """Replace ``[label]`` with the user's value for ``label`` (case and spacing ignored)."""
    if not values:
        return text
    lookup = {_label_key(k): v for k, v in values.items() if v != ""}

    def sub(match: re.Match[str]) -> str:
        return lookup.get(_label_key(match.group(1)), match.group(0))

    return FILL_IN_RE.sub(sub, text)


def _label_key(label: str) -> str:
    return " ".join(label.lower().replace("_", " ").split())


def problem_of(exc: BaseException) -> TemplateProblem:
    """A plain message with the line (and snippet) for any failure of a render."""
    if isinstance(exc, TemplateSyntaxError):
        snippet = exc.name if exc.name else None
        return TemplateProblem(f"syntax error: {exc.message}", exc.lineno, snippet)
    line, snippet = _where(exc)
    return TemplateProblem(_plain_message(exc), line, snippet)


def _where(exc: BaseException) -> tuple[int | None, str | None]:
    line: int | None = None
    snippet: str | None = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == _MAIN_FILE:
            line, snippet = frame.lineno, None
        elif match := _SNIPPET_FILE_RE.match(frame.filename):
            line, snippet = frame.lineno, match.group(1)
    return line, snippet


def _plain_message(exc: BaseException) -> str:
    if isinstance(exc, TemplateNotFound):
        return f"unknown snippet {exc.name!r} (no saved reply has that name)"
    if isinstance(exc, SecurityError):
        return f"not allowed in a saved reply: {exc}"
    if isinstance(exc, TemplateLimitError):
        return str(exc)
    if isinstance(exc, UndefinedError):
        return f"{exc} (it has no value here, so it cannot be used in a calculation)"
    if isinstance(exc, RecursionError):
        return "snippets or macros include themselves without end (too deeply nested)"
    if isinstance(exc, MemoryError):
        return "the reply grows too big to render"
    return f"cannot render: {exc}" if str(exc) else f"cannot render: {type(exc).__name__}"
