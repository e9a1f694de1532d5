"""How explain writes a formula: :class:`Style`, the two spellings (numbers: :func:`model.numfmt.fmt`).

A formula is built once from :class:`Style` pieces and comes out either as
plain Unicode text (``tex=False``: the GUI inspector) or as TeX maths
(``tex=True``: the Markdown and LaTeX worked examples).  The builders that
use it are in :mod:`model.explain_lines` and :mod:`model.worked_example`.
"""

from __future__ import annotations

from .messages import Message, Say
from .numfmt import fmt

__all__ = ["Style", "fmt", "is_hangul", "tex_escape"]


# ---------------------------------------------------------------- two spellings
_SYMBOLS: dict[str, tuple[str, str]] = {
    "times": (" × ", r" \times "),
    "minus": (" − ", " - "),
    "delta": ("δ", r"\delta"),
    "dLda": ("dL/da", r"\frac{\partial L}{\partial a}"),
    "dLdy": ("dL/dy", r"\frac{\partial L}{\partial y}"),
    "dLdz": ("dL/dz", r"\frac{\partial L}{\partial z}"),
    "dLdx": ("dL/dx", r"\frac{\partial L}{\partial x}"),
    "dLdw": ("∂L/∂w", r"\frac{\partial L}{\partial w}"),
    "dLdb": ("∂L/∂b", r"\frac{\partial L}{\partial b}"),
    "sum": ("Σ ", r"\sum "),
    "sum_n": ("Σₙ ", r"\sum_n "),
    "sum_k": ("Σₖ ", r"\sum_k "),
    "a_n": ("aₙ", "a_n"),
    "delta_n": ("δₙ", r"\delta_n"),
    "y_k": ("yₖ", "y_k"),
    "t_k": ("tₖ", "t_k"),
    "dLdy_k": ("dL/dyₖ", r"\frac{\partial L}{\partial y_k}"),
    "ellipsis": ("…", r"\dots"),
    "lr": ("lr", r"\mathrm{lr}"),
    "ln": ("ln", r"\ln"),
    "sign": ("sign", r"\operatorname{sign}"),
    "to": ("→", r"\to"),
}

_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")

# Unicode pieces of Optimizer.describe_update() and their TeX; longest first.
_RULE_TEX = (
    ("√v̂", r"\sqrt{\hat v}"),
    ("m̂", r"\hat m"),
    ("√s", r"\sqrt{s}"),
    ("√v", r"\sqrt{v}"),
    ("∂L/∂w", r"\frac{\partial L}{\partial w}"),
    ("w_new", r"w_{\mathrm{new}}"),
    ("β₁", r"\beta_1"),
    ("β₂", r"\beta_2"),
    ("(1−α)", r"(1-\alpha)"),
    ("(1−β₁)", r"(1-\beta_1)"),
    ("×", r"\times "),
    ("−", "-"),
    ("·", r"\cdot "),
    ("μ", r"\mu "),
    ("α", r"\alpha "),
    ("ε", r"\epsilon "),
    ("²", "^2"),
    (";", r",\quad "),
    ("lr", r"\mathrm{lr}"),
)


_TEX_TEXT = {"~": r"\~{}", "^": r"\^{}", "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}"}


def is_hangul(ch: str) -> bool:
    """A Korean letter (syllable or jamo): kept in TeX text, which then loads the kotex package."""
    return "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f"


def tex_escape(text: str, hangul: bool = False) -> str:
    """``text`` safe for pdflatex: specials escaped, anything non-ASCII dropped (Korean letters kept if ``hangul``:
    the document then loads kotex)."""
    out = []
    for ch in text:
        if ch in "\\":
            out.append(r"\textbackslash{}")
        elif ch in "&%$#_{}":
            out.append("\\" + ch)
        elif ch in _TEX_TEXT:
            out.append(_TEX_TEXT[ch])
        elif ord(ch) < 128 or (hangul and is_hangul(ch)):
            out.append(ch)
    return "".join(out)


class Style:
    """One spelling of the formulas: Unicode text (tex=False) or TeX maths (tex=True).

    ``say`` renders the words around the maths (a :class:`Message`): English by default, the
    interface's language when the GUI passes its translator.
    """

    def __init__(self, tex: bool, precision: int, say: Say = str) -> None:
        self.tex = tex
        self.p = precision
        self.say = say
        #: TeX keeps Korean letters when the words are Korean (English exports stay ASCII for plain pdflatex).
        self.hangul = tex and any(is_hangul(ch) for ch in say(Message("wx_title")))

    def words(self, code: str, *args: object) -> str:
        """The phrase ``code`` (a key of model.messages.ENGLISH) with its arguments, as the reader reads it."""
        return self.say(Message(code, args))

    def __getattr__(self, key: str) -> str:
        try:
            return _SYMBOLS[key][self.tex]
        except KeyError:
            raise AttributeError(key) from None

    def num(self, x: float) -> str:
        s = fmt(x, self.p)
        if not self.tex:
            return s
        if s == "—":
            return r"\text{n/a}"
        if "∞" in s:
            return s.replace("∞", r"\infty")
        if "e" in s:
            mantissa, exponent = s.split("e")
            return rf"{mantissa} \times 10^{{{exponent}}}"
        return s

    def op(self, x: float) -> str:
        """A number as an operand: negative ones in parentheses."""
        s = self.num(x)
        return f"({s})" if s.startswith("-") else s

    def fn(self, name: str, arg: str) -> str:
        return rf"\mathrm{{{tex_escape(name)}}}({arg})" if self.tex else f"{name}({arg})"

    def dfn(self, name: str, arg: str) -> str:
        return rf"\mathrm{{{tex_escape(name)}}}'({arg})" if self.tex else f"{name}'({arg})"

    def sq(self, expr: str) -> str:
        return f"{expr}^2" if self.tex else f"{expr}²"

    def frac(self, num: str, den: str) -> str:
        return rf"\frac{{{num}}}{{{den}}}" if self.tex else f"{num} / {den}"

    def mean(self, count: str) -> str:
        return rf"\frac{{1}}{{{count}}} " if self.tex else f"(1/{count}) "

    def exp(self, arg: str) -> str:
        return f"e^{{{arg}}}" if self.tex else f"e^({arg})"

    def sub(self, symbol: str, index: int) -> str:
        return f"{symbol}_{{{index}}}" if self.tex else f"{symbol}{str(index).translate(_SUBSCRIPTS)}"

    def new(self, symbol: str) -> str:
        return rf"{symbol}_{{\mathrm{{new}}}}" if self.tex else f"{symbol}_new"

    def change(self, symbol: str) -> str:
        return rf"\Delta {symbol}" if self.tex else f"Δ{symbol}"

    def note(self, code: str, *args: object) -> str:
        """The phrase ``code`` in parentheses after a line."""
        text = self.words(code, *args)
        return rf"\quad\text{{({tex_escape(text, self.hangul)})}}" if self.tex else f"   ({text})"

    def rule(self, text: str) -> str:
        """An optimizer's describe_update() line."""
        if not self.tex:
            return text
        for uni, tex in _RULE_TEX:
            text = text.replace(uni, tex)
        return text if text.isascii() else rf"\text{{({tex_escape(self.words('ex_see_rule'), self.hangul)})}}"

    def terms(self, terms: list[str], limit: int, total: int | None = None) -> str:
        """``terms`` joined by +, cut to ``limit`` with a count of what was left out."""
        total = len(terms) if total is None else total
        if total <= limit:
            return " + ".join(terms)
        rest = total - (limit - 1)
        return " + ".join(terms[: limit - 1]) + f" + {self.ellipsis}" + self.note("ex_more_terms", rest)
