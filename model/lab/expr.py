"""A safe parser for the functions a student types, e.g. ``x0^2 + x1^2`` or ``sin(x) * exp(-x)``.

Nothing typed ever reaches ``eval``, ``compile`` or ``ast``: a small tokenizer
and a Pratt (precedence-climbing) parser build a tree of :class:`Node` tuples,
and the evaluator walks that tree with numpy, so one call evaluates a whole
grid of points.  Only numbers, the variables the caller names, the constants
``pi`` and ``e``, the operators ``+ - * / ^`` (``**``, ``×``, ``÷`` and ``−``
are accepted as well) and the functions in :data:`FUNCTIONS` exist.  Anything
else is refused with an :class:`ExprError` that carries a code, the character
position (0-based) and the offending text, so the GUI can write one sentence in
the user's language pointing at the spot.

Precedence, lowest first: ``+ -``, ``* /``, unary ``-``, ``^`` (right
associative, so ``-x^2`` is ``-(x^2)`` and ``2^3^2`` is ``2^9``, as in maths).

:func:`Expression.gradient` differentiates the tree exactly (forward mode), so a
typed function gets an analytic gradient beside the numerical one.  At a kink
(``abs``, ``min``, ``max`` where both sides are equal) it takes one side.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

Array = np.ndarray

#: Longest accepted input, in characters: a lesson's function fits easily, a pasted program does not.
MAX_LENGTH = 200
#: Deepest nesting of parentheses, calls and unary signs; bounds the parser's recursion.
MAX_DEPTH = 30


def _sigmoid(z: Array) -> Array:
    # exp of a large negative argument overflows to inf, and 1/(1+inf) = 0 is the right limit.
    return np.asarray(1.0 / (1.0 + np.exp(-z)))


#: name -> (number of arguments, numpy implementation)
FUNCTIONS: dict[str, tuple[int, Callable[..., Array]]] = {
    "sin": (1, np.sin),
    "cos": (1, np.cos),
    "tan": (1, np.tan),
    "exp": (1, np.exp),
    "log": (1, np.log),
    "sqrt": (1, np.sqrt),
    "abs": (1, np.abs),
    "tanh": (1, np.tanh),
    "sigmoid": (1, _sigmoid),
    "relu": (1, lambda z: np.maximum(z, 0.0)),
    "min": (2, np.minimum),
    "max": (2, np.maximum),
}
CONSTANTS: dict[str, float] = {"pi": math.pi, "e": math.e}

#: Error codes of :class:`ExprError` (the GUI has one sentence per code).
ERROR_CODES = (
    "empty",  # nothing typed
    "too_long",  # more than MAX_LENGTH characters
    "too_deep",  # nested deeper than MAX_DEPTH
    "bad_character",  # a character that is no part of the language, e.g. ';' or '_'
    "bad_number",  # '1.2.3', '1e', or a number too large for float64
    "unknown_name",  # a name that is neither a variable, a constant nor a function
    "attribute",  # 'x0.real', 'sin.__class__': there is no attribute access
    "not_a_function",  # 'x0(2)': a variable or constant called like a function
    "needs_parentheses",  # 'sin x0': a function without its argument list
    "wrong_arguments",  # 'sin(x0, x1)', 'max(x0)'
    "missing_operand",  # '2 *', '* 2', '()'
    "missing_operator",  # '2 x0', '2(x0)', 'x0 x1'
    "unclosed_parenthesis",  # '(x0 + 1'
    "unmatched_parenthesis",  # 'x0 + 1)'
)


class ExprError(ValueError):
    """Why a typed function was refused.

    * ``code``: one of :data:`ERROR_CODES`.
    * ``position``: 0-based index of the first offending character (the
      length of the text when something is missing at the end).
    * ``text``: the offending token or name ('' when something is missing).
    * ``expected``: the number of arguments for ``wrong_arguments``, the limit
      for ``too_long``/``too_deep``, else 0.
    """

    def __init__(self, code: str, position: int, text: str = "", expected: int = 0) -> None:
        super().__init__(code, position, text, expected)
        self.code, self.position, self.text, self.expected = code, position, text, expected

    def __str__(self) -> str:
        where = f" at character {self.position + 1}"
        detail = f" {self.text!r}" if self.text else ""
        return f"{self.code.replace('_', ' ')}{detail}{where}"


@dataclass(frozen=True)
class Token:
    kind: str  # "num", "name", "op", "(", ")", ",", "end"
    text: str
    pos: int
    value: float = 0.0


_OP_ALIASES = {"×": "*", "÷": "/", "−": "-", "**": "^", "·": "*"}
_SINGLE = {"+": "op", "-": "op", "*": "op", "/": "op", "^": "op", "(": "(", ")": ")", ",": ","}


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text``, ending with an "end" token; raises ExprError on a bad character or number."""
    if len(text) > MAX_LENGTH:
        raise ExprError("too_long", MAX_LENGTH, expected=MAX_LENGTH)
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c.isascii() and (c.isdigit() or (c == "." and i + 1 < n and text[i + 1].isdigit())):
            start = i
            while i < n and text[i].isascii() and (text[i].isdigit() or text[i] == "."):
                i += 1
            if i < n and text[i] in "eE" and (i + 1 < n) and (text[i + 1].isdigit() or text[i + 1] in "+-"):
                i += 2
                while i < n and text[i].isascii() and text[i].isdigit():
                    i += 1
            raw = text[start:i]
            try:
                value = float(raw)
            except ValueError:
                raise ExprError("bad_number", start, raw) from None
            if not math.isfinite(value):
                raise ExprError("bad_number", start, raw)
            tokens.append(Token("num", raw, start, value))
        elif c.isascii() and c.isalpha():
            start = i
            while i < n and text[i].isascii() and text[i].isalnum():
                i += 1
            tokens.append(Token("name", text[start:i], start))
        elif text.startswith("**", i):
            tokens.append(Token("op", "^", i))
            i += 2
        elif c in _OP_ALIASES:
            tokens.append(Token("op", _OP_ALIASES[c], i))
            i += 1
        elif c in _SINGLE:
            tokens.append(Token(_SINGLE[c], c, i))
            i += 1
        elif c == ".":
            raise ExprError("attribute", i, ".")
        else:
            raise ExprError("bad_character", i, c)
    tokens.append(Token("end", "", n))
    return tokens


# A node is a plain tuple: ("num", value) | ("var", index) | ("neg", a) | (op, a, b) | ("call", name, args).
Node = tuple[Any, ...]

_BINARY = {"+": (10, 11), "-": (10, 11), "*": (20, 21), "/": (20, 21), "^": (41, 40)}  # (left, right) binding
_UNARY_POWER = 30  # -x^2 = -(x^2) since ^ binds tighter; -x*y = (-x)*y


class _Parser:
    def __init__(self, text: str, variables: Sequence[str]) -> None:
        self.tokens = tokenize(text)
        self.i = 0
        self.variables = list(variables)
        self.depth = 0

    def peek(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def parse(self) -> Node:
        if self.peek().kind == "end":
            raise ExprError("empty", 0)
        node = self.expression(0)
        tok = self.peek()
        if tok.kind == ")":
            raise ExprError("unmatched_parenthesis", tok.pos, ")")
        if tok.kind != "end":
            raise ExprError("missing_operator", tok.pos, tok.text)
        return node

    def _enter(self, pos: int) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError("too_deep", pos, expected=MAX_DEPTH)

    def expression(self, min_power: int) -> Node:
        left = self.prefix()
        while True:
            tok = self.peek()
            if tok.kind == "op":
                lp, rp = _BINARY[tok.text]
                if lp < min_power:
                    return left
                self.take()
                self._enter(tok.pos)
                left = (tok.text, left, self.expression(rp))
                self.depth -= 1
            elif tok.kind in ("num", "name", "("):
                raise ExprError("missing_operator", tok.pos, tok.text)
            else:
                return left

    def prefix(self) -> Node:
        tok = self.take()
        if tok.kind == "num":
            return ("num", tok.value)
        if tok.kind == "op" and tok.text in "+-":
            self._enter(tok.pos)
            operand = self.expression(_UNARY_POWER)
            self.depth -= 1
            return ("neg", operand) if tok.text == "-" else operand
        if tok.kind == "(":
            self._enter(tok.pos)
            inner = self.expression(0)
            self.close(tok)
            self.depth -= 1
            return inner
        if tok.kind == "name":
            return self.name(tok)
        if tok.kind == "end":
            raise ExprError("missing_operand", tok.pos)
        raise ExprError("missing_operand", tok.pos, tok.text)

    def close(self, opening: Token) -> None:
        tok = self.peek()
        if tok.kind == ")":
            self.take()
        elif tok.kind == "end":
            raise ExprError("unclosed_parenthesis", opening.pos, "(")
        else:
            raise ExprError("missing_operator", tok.pos, tok.text)

    def name(self, tok: Token) -> Node:
        after = self.peek()
        if tok.text in FUNCTIONS:
            if after.kind != "(":
                raise ExprError("needs_parentheses", tok.pos, tok.text)
            self.take()
            self._enter(after.pos)
            args = [] if self.peek().kind == ")" else [self.expression(0)]
            while self.peek().kind == ",":
                self.take()
                args.append(self.expression(0))
            self.close(after)
            self.depth -= 1
            arity = FUNCTIONS[tok.text][0]
            if len(args) != arity:
                raise ExprError("wrong_arguments", tok.pos, tok.text, arity)
            return ("call", tok.text, tuple(args))
        if tok.text in self.variables:
            node: Node = ("var", self.variables.index(tok.text))
        elif tok.text in CONSTANTS:
            node = ("num", CONSTANTS[tok.text])
        else:
            raise ExprError("unknown_name", tok.pos, tok.text)
        if after.kind == "(":
            raise ExprError("not_a_function", tok.pos, tok.text)
        return node


def _num(node: Node) -> float | None:
    return float(node[1]) if node[0] == "num" else None


@dataclass(frozen=True)
class Expression:
    """A parsed function of ``variables`` (e.g. ("x0", "x1")), evaluated with numpy.

    ``text`` is what was typed; ``tree`` the parsed nodes.
    """

    text: str
    variables: tuple[str, ...]
    tree: Node

    def __call__(self, *xs: Array | float) -> Array:
        """f at the points ``xs`` (one array per variable, broadcast together); float64, same shape.

        Overflow, 0/0 and log of negatives give inf/NaN quietly: the caller decides what to show.
        """
        args = [np.asarray(x, dtype=np.float64) for x in xs]
        if len(args) != len(self.variables):
            raise TypeError(f"expected {len(self.variables)} arguments, got {len(args)}")
        shape = np.broadcast_shapes(*(a.shape for a in args))
        with np.errstate(all="ignore"):
            return np.broadcast_to(_evaluate(self.tree, args), shape).astype(np.float64)

    def gradient(self, *xs: Array | float) -> Array:
        """The exact gradient at ``xs``: shape (n_variables, *broadcast shape), one row per variable."""
        args = [np.asarray(x, dtype=np.float64) for x in xs]
        if len(args) != len(self.variables):
            raise TypeError(f"expected {len(self.variables)} arguments, got {len(args)}")
        shape = np.broadcast_shapes(*(a.shape for a in args))
        with np.errstate(all="ignore"):
            _, d = _differentiate(self.tree, args)
            return np.stack([np.broadcast_to(di, shape) for di in d]).astype(np.float64)


def parse(text: str, variables: Sequence[str] = ("x0", "x1")) -> Expression:
    """Parse ``text`` as a function of ``variables``; raises :class:`ExprError` on anything else."""
    if not text.strip():
        raise ExprError("empty", 0)
    tree = _Parser(text, variables).parse()
    return Expression(text, tuple(variables), tree)


# ------------------------------------------------------------------ evaluation
def _evaluate(node: Node, xs: list[Array]) -> Array:
    kind = node[0]
    if kind == "num":
        return np.asarray(node[1])
    if kind == "var":
        return xs[node[1]]
    if kind == "neg":
        return np.asarray(np.negative(_evaluate(node[1], xs)))
    if kind == "call":
        fn = FUNCTIONS[node[1]][1]
        return np.asarray(fn(*(_evaluate(a, xs) for a in node[2])))
    a, b = _evaluate(node[1], xs), _evaluate(node[2], xs)
    return np.asarray(_BINARY_UFUNCS[kind](a, b))


_BINARY_UFUNCS = {"+": np.add, "-": np.subtract, "*": np.multiply, "/": np.divide, "^": np.power}


def _differentiate(node: Node, xs: list[Array]) -> tuple[Array, list[Array]]:
    """(value, [d value / d x_k for each k]) by forward-mode differentiation of the tree."""
    kind = node[0]
    zero = np.asarray(0.0)
    if kind == "num":
        return np.asarray(node[1]), [zero] * len(xs)
    if kind == "var":
        return xs[node[1]], [np.asarray(1.0 if k == node[1] else 0.0) for k in range(len(xs))]
    if kind == "neg":
        v, d = _differentiate(node[1], xs)
        return -v, [-di for di in d]
    if kind == "call":
        return _differentiate_call(node[1], [_differentiate(a, xs) for a in node[2]])
    (a, da), (b, db) = _differentiate(node[1], xs), _differentiate(node[2], xs)
    if kind == "+":
        return a + b, [x + y for x, y in zip(da, db, strict=True)]
    if kind == "-":
        return a - b, [x - y for x, y in zip(da, db, strict=True)]
    if kind == "*":
        return a * b, [x * b + a * y for x, y in zip(da, db, strict=True)]
    if kind == "/":
        return a / b, [(x * b - a * y) / (b * b) for x, y in zip(da, db, strict=True)]
    value = np.power(a, b)
    c = _num(node[2])
    if c is not None:  # constant exponent: c·a^(c−1)·a', defined for negative a too
        return value, [c * np.power(a, c - 1.0) * x for x in da]
    # general a^b = exp(b ln a): d = a^b (b' ln a + b a'/a); the b' term vanishes where b' = 0
    return value, [value * (np.where(y == 0, 0.0, y * np.log(a)) + b * x / a) for x, y in zip(da, db, strict=True)]


def _differentiate_call(name: str, args: list[tuple[Array, list[Array]]]) -> tuple[Array, list[Array]]:
    if name in ("min", "max"):
        (a, da), (b, db) = args
        pick_a = a <= b if name == "min" else a >= b
        value = np.where(pick_a, a, b)
        return value, [np.where(pick_a, x, y) for x, y in zip(da, db, strict=True)]
    (a, da) = args[0]
    value = np.asarray(FUNCTIONS[name][1](a))
    local = _local_derivative(name, a, value)
    return value, [local * x for x in da]


def _local_derivative(name: str, a: Array, value: Array) -> Array:
    """d name(a) / da, written with the value where that is cheaper (exp, sqrt, tanh, sigmoid)."""
    if name == "sin":
        return np.asarray(np.cos(a))
    if name == "cos":
        return np.asarray(-np.sin(a))
    if name == "tan":
        return np.asarray(1.0 / np.cos(a) ** 2)
    if name == "exp":
        return value
    if name == "log":
        return np.asarray(1.0 / a)
    if name == "sqrt":
        return np.asarray(0.5 / value)
    if name == "abs":
        return np.asarray(np.sign(a))
    if name == "tanh":
        return np.asarray(1.0 - value * value)
    if name == "sigmoid":
        return np.asarray(value * (1.0 - value))
    return np.asarray((a > 0).astype(np.float64))  # relu
