"""Render saved replies in a Jinja2 sandbox that never crashes and never runs away.

Saved replies are written by users and shared between them, so they run in an
:class:`ImmutableSandboxedEnvironment` with limits on time (``TIME_LIMIT_S``),
output size (``MAX_OUTPUT_CHARS``) and the size of any value built on the way
(``MAX_VALUE_CHARS``). Whatever can make a value far larger than its arguments
(``str.format`` and ``format_map`` widths and fields, ``%``-formatting and the
``format`` filter with ``*`` widths, ``*`` repeats, ``center``/``ljust``/``rjust``/
``zfill``/``expandtabs``/``translate``, ``join`` with a long separator, ``replace``,
the ``indent``, ``wordwrap``, ``center`` and ``tojson`` filters) has the size of its
result estimated from the arguments and is refused *before* Python allocates it. A variable the context cannot fill is not an error: it
prints as a bracket placeholder ``[name]`` and becomes a *fill-in* the user
types before export, just like a ``[Client Name]`` written into the text.
Every failure comes back as a :class:`TemplateProblem` with the line number.
"""

from __future__ import annotations

import functools
import inspect
import logging
import re
import time
import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
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
from jinja2.nodes import EvalContext
from jinja2.runtime import Context
from jinja2.sandbox import (
    ImmutableSandboxedEnvironment,
    SandboxedEscapeFormatter,
    SandboxedFormatter,
)
from jinja2.utils import Namespace
from jinja2.visitor import NodeTransformer
from markupsafe import Markup

log = logging.getLogger("pwb.drafting")

TIME_LIMIT_S = 0.8
MAX_OUTPUT_CHARS = 100_000
MAX_VALUE_CHARS = 1_000_000
MAX_SEQUENCE_ITEMS = 100_000
MAX_INT_BITS = 10_000
#: ``|tojson(indent=N)`` indents every line of the JSON by up to depth × N
MAX_JSON_INDENT = 16

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
    #: where each fill-in is in ``text``, filled or not: label -> [(start, end)]
    #: (:func:`render_linked` fills it; a marker left is ``[label]``, a filled one its value)
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

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


def _width(value: Any) -> None:
    """A width, count or precision: never more than a value may hold."""
    if isinstance(value, int) and not isinstance(value, bool) and value > MAX_VALUE_CHARS:
        raise TemplateLimitError(f"{value:,} is too large a width or count for a reply")


def _width_args(args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    for value in (*args, *kwargs.values()):
        _width(value)


def _grows_to(size: int, what: str) -> None:
    """Refuse an operation whose result (estimated before it runs) is over the value limit."""
    if size > MAX_VALUE_CHARS:
        raise TemplateLimitError(f"{what} would grow past {MAX_VALUE_CHARS:,} characters")


def _spec_widths(spec: str) -> None:
    """``{:>1000000000}``, ``{:.{p}f}`` (resolved before this sees it): every number in a
    format spec is a fill, a width or a precision, and none may exceed the value limit."""
    for digits in _DIGITS.findall(spec):
        if len(digits) > 7 or int(digits) > MAX_VALUE_CHARS:
            raise TemplateLimitError("a format asks for a width larger than a reply can hold")


_DIGITS = re.compile(r"\d+")
#: one ``%`` conversion: ``%(key)-*.*s``, ``%08.3f``, ``%%``
_PERCENT = re.compile(
    r"%(?:\((?P<key>[^)]*)\))?[-#0 +]*(?P<width>\*|\d+)?(?:\.(?P<precision>\*|\d*))?[hlL]?"
    r"(?P<kind>.)?",
    re.DOTALL,
)


def _percent_size(template: Any, values: Any) -> None:
    """``'%*d' % (10**9, 1)``, ``'%(a)s' * 1000 % {'a': big}``: the size of the result,
    from the widths, precisions and the values each conversion prints, before Python
    makes it."""
    if not isinstance(template, str):
        return
    mapping = values if isinstance(values, Mapping) else None
    items = values if isinstance(values, tuple) else (values,)
    position, size = 0, len(template)
    seen: dict[int, int] = {}
    for conversion in _PERCENT.finditer(template):
        if conversion["kind"] == "%":
            continue
        for part in (conversion["width"], conversion["precision"]):
            if part == "*":
                star = items[position] if position < len(items) else 0
                position += 1
                _width(star)
                size += star if isinstance(star, int) and star > 0 else 0
            elif part:
                _spec_widths(part)
                size += int(part)
        if conversion["key"] is not None and mapping is not None:
            value = mapping.get(conversion["key"])
        else:
            value = items[position] if position < len(items) else None
            position += 1
        size += _weight(value, MAX_VALUE_CHARS, seen)
        _grows_to(size, "a %-format")


def _replace_size(text: Any, old: Any, new: Any, count: Any = -1) -> None:
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
        hits = text.count(old) if old else len(text) + 1
        if isinstance(count, int) and count >= 0:
            hits = min(hits, count)
        _grows_to(len(text) + hits * max(0, len(new) - len(old)), "a replace()")


def _join_size(items: Any, separator: Any) -> None:
    """``sep.join(items)``: every item's text plus a separator between each two."""
    if isinstance(items, str):
        size, count = len(items), len(items)
    elif isinstance(items, list | tuple | set | frozenset | dict | range):
        if len(items) > MAX_SEQUENCE_ITEMS:
            raise TemplateLimitError(f"a join of more than {MAX_SEQUENCE_ITEMS:,} items")
        seen: dict[int, int] = {}
        size, count = 0, len(items)
        for item in items:
            size += _weight(item, MAX_VALUE_CHARS, seen) if not isinstance(item, int) else 8
            _grows_to(size, "a join")
    else:
        return
    _grows_to(size + len(str(separator)) * max(0, count - 1), "a join")


def _sized(items: Any) -> Any:
    """An iterator (``x|map(...)``) as a list, so its size is known before a join."""
    if isinstance(items, str | list | tuple | set | frozenset | dict | range):
        return items
    listed = []
    for item in items:
        listed.append(item)
        if len(listed) > MAX_SEQUENCE_ITEMS:
            raise TemplateLimitError(f"a join of more than {MAX_SEQUENCE_ITEMS:,} items")
    return listed


def _lines_size(text: Any, prefix: Any, what: str) -> None:
    """``indent``: every line gets the prefix (a width or a string)."""
    if isinstance(text, str):
        each = prefix if isinstance(prefix, int) else len(str(prefix))
        _width(each)
        _grows_to(len(text) + (text.count("\n") + 2) * max(0, each), what)


def _wrap_size(text: Any, width: Any, wrapstring: Any) -> None:
    """``wordwrap``: at most one line per word and per ``width`` characters, each ended
    by ``wrapstring``."""
    if isinstance(text, str) and isinstance(width, int):
        _width(width)
        lines = len(text) // max(1, width) + len(text.split()) + 1
        _grows_to(len(text) + lines * len(str(wrapstring or "\n")), "a wordwrap")


def _translate_size(text: str, table: Any) -> None:
    if isinstance(table, Mapping):
        longest = max((len(v) for v in table.values() if isinstance(v, str)), default=1)
        _grows_to(len(text) * max(1, longest), "a translate()")


def _bind(signature: inspect.Signature, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    try:
        bound = signature.bind(*args, **kwargs)
    except TypeError:
        return None  # the filter itself says what is wrong with its arguments
    bound.apply_defaults()
    return bound


def _check_filter(name: str, arguments: dict[str, Any]) -> None:
    """The size a filter would make, from its arguments, before it runs."""
    a = arguments
    if name == "replace":
        _replace_size(a["s"], a["old"], a["new"], a["count"] if a["count"] is not None else -1)
    elif name == "join":
        a["value"] = _sized(a["value"])
        _join_size(a["value"], a["d"])
    elif name == "indent":
        _lines_size(a["s"], a["width"], "an indent")
    elif name == "wordwrap":
        _wrap_size(a["s"], a["width"], a["wrapstring"])
    elif name == "format":
        _percent_size(str(a["value"]), a["kwargs"] or a["args"])
    elif name == "tojson" and a["indent"] is not None:
        indent = a["indent"] if isinstance(a["indent"], int) else len(str(a["indent"]))
        if indent > MAX_JSON_INDENT:
            raise TemplateLimitError(f"tojson indents by at most {MAX_JSON_INDENT}")
    else:
        _width_args(tuple(a[key] for key in _WIDTHS.get(name, ())), {})


#: the arguments of a filter that are widths or counts
_WIDTHS = {
    "center": ("width",),
    "truncate": ("length", "leeway"),
    "batch": ("linecount",),
    "slice": ("slices",),
}
#: filters whose result can be far larger than their arguments
_SIZED_FILTERS = {"replace", "join", "indent", "wordwrap", "format", "tojson", *_WIDTHS}


def _guarded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that checks the clock, the size of what it is given, and the size of what
    it would make (before making it)."""
    signature = _own_signature(func) if name in _SIZED_FILTERS else None

    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _tick()
        lead = 0  # the context, environment or eval context Jinja passes first
        while lead < len(args) and isinstance(args[lead], Context | Environment | EvalContext):
            lead += 1
        for value in (*args[lead:], *kwargs.values()):
            _check_size(value)
        bound = _bind(signature, args[lead:], kwargs) if signature is not None else None
        if bound is not None:
            _check_filter(name, bound.arguments)
            args, kwargs = (*args[:lead], *bound.args), bound.kwargs
        return _check_size(func(*args, **kwargs))

    return guarded


def _own_signature(func: Callable[..., Any]) -> inspect.Signature:
    """A filter's signature without the context argument Jinja passes first.

    ``inspect.signature`` follows ``__wrapped__`` to the plain function; Jinja's
    async-aware filters (``slice``, ``join``, ...) add an eval context of their own
    when that function takes none, so it is dropped only where the function asks
    for one (``jinja_pass_arg``).
    """
    signature = inspect.signature(func)
    parameters = list(signature.parameters.values())
    if parameters and hasattr(inspect.unwrap(func), "jinja_pass_arg"):
        parameters = parameters[1:]
    return signature.replace(parameters=parameters)


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


class _LimitedFormatter(SandboxedFormatter):
    """``str.format`` that refuses a width or precision past the value limit and stops as
    soon as the fields it has made add up to more than a value may hold."""

    _made = 0

    def vformat(self, format_string: str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> str:
        self._made = len(format_string)
        return super().vformat(format_string, args, kwargs)

    def format_field(self, value: Any, format_spec: str) -> Any:
        _tick()
        _check_size(value)
        _spec_widths(format_spec)
        text = super().format_field(value, format_spec)
        self._made += len(text)
        _grows_to(self._made, "a format()")
        return text


class _LimitedEscapeFormatter(_LimitedFormatter, SandboxedEscapeFormatter):
    """The same for ``Markup.format`` (a ``|safe`` string's)."""


#: str methods whose one argument is a width (``'a'.center(10**9)``)
_STR_METHODS_WITH_WIDTH = {"center", "ljust", "rjust", "zfill"}
#: str methods a reply never needs that only lead to bytes (whose methods go unchecked)
_STR_METHODS_REFUSED = {"encode"}


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

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, str) and attr in _STR_METHODS_REFUSED:
            return False
        return super().is_safe_attribute(obj, attr, value)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``'...'.format`` and ``format_map`` through :class:`_LimitedFormatter`."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        template: str = value.__self__
        formatter = (
            _LimitedEscapeFormatter(self, escape=template.escape)
            if isinstance(template, Markup)
            else _LimitedFormatter(self)
        )
        is_format_map = value.__name__ == "format_map"

        def limited(*args: Any, **kwargs: Any) -> str:
            if not is_format_map:
                return type(template)(formatter.vformat(template, args, kwargs))
            if kwargs or len(args) != 1:
                return wrapped(*args, **kwargs)  # Jinja's own TypeError
            return type(template)(formatter.vformat(template, (), args[0]))

        return functools.update_wrapper(limited, value)

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
                args = (_sized(args[0]), *args[1:])
                _join_size(args[0], owner)
            elif method == "expandtabs":
                tabsize = args[0] if args else kwargs.get("tabsize", 8)
                _width(tabsize)
                if isinstance(tabsize, int):
                    _grows_to(len(owner) + owner.count("\t") * max(0, tabsize), "expandtabs()")
            elif method == "translate" and args:
                _translate_size(owner, args[0])
            elif method in _STR_METHODS_WITH_WIDTH:
                _width_args(args, kwargs)
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
            _percent_size(left, right)
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


#: brackets a stand-in value while rendering (Unicode private use: never in a reply)
_SENTINEL_RE = re.compile("\ue000(\\d+)\ue001")
_LINKED_RE = re.compile(f"{_SENTINEL_RE.pattern}|{FILL_IN_RE.pattern}")


def render_linked(
    body: str,
    context: Mapping[str, Any],
    *,
    snippets: Mapping[str, str] | None = None,
    values: Mapping[str, str] | None = None,
) -> Rendered:
    """:func:`render_template`, plus where every fill-in sits in the text (``spans``).

    The reply is rendered once with a stand-in for each value the user typed, to see
    where the values land; the stand-ins are then swapped for the values, and the result
    is checked against a plain render. Where a reply transforms a value (``|upper``), only
    the markers left have spans.
    """
    values = dict(values or {})
    filled = [key for key, value in values.items() if value != ""]
    stand_ins = {key: f"\ue000{n}\ue001" for n, key in enumerate(filled)}
    probe = render_template(body, context, snippets=snippets, values={**values, **stand_ins})
    if not probe.ok:
        return probe
    parts: list[str] = []
    spans: dict[str, list[tuple[int, int]]] = {}
    size = last = 0
    for match in _LINKED_RE.finditer(probe.text):
        parts.append(probe.text[last : match.start()])
        size += match.start() - last
        if match.group(1) is not None:
            key = filled[int(match.group(1))]
            piece = values[key]
        else:
            key, piece = match.group(2).strip(), match.group(0)
        spans.setdefault(key, []).append((size, size + len(piece)))
        parts.append(piece)
        size += len(piece)
        last = match.end()
    parts.append(probe.text[last:])
    text = "".join(parts)
    real = render_template(body, context, snippets=snippets, values=values)
    if text != real.text:  # a value went through a filter (``|upper``): only the markers
        real.spans = _marker_spans(real.text)
        return real
    return Rendered(text, find_fill_ins(text), spans=spans)


def moved_span(
    span: tuple[int, int], at: int, removed: int, added: int, *, growing: bool = False
) -> tuple[int, int]:
    """Where a fill-in's span is after an edit of the text (``removed`` characters at ``at``
    replaced by ``added``): text typed just before or just after it stays outside, unless
    ``growing`` (the user is still typing the value they started in it); an edit that
    overlaps it (typing over part of the value) becomes part of it. An empty result means
    the user deleted the fill-in."""
    start, end = span
    if removed == 0:  # typing
        if at <= start:
            return start + added, end + added
        return (start, end + added) if at < end or at == end and growing else (start, end)
    if at + removed <= start:  # all before it
        return start - removed + added, end - removed + added
    if at >= end:  # all after it
        return start, end
    if at <= start and at + removed >= end and added == 0:
        return at, at  # deleted
    return min(start, at), max(end, at + removed) - removed + added


def _marker_spans(text: str) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for match in FILL_IN_RE.finditer(text):
        spans.setdefault(match.group(1).strip(), []).append((match.start(), match.end()))
    return spans


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
