"""Amounts in million SEK as words, in Swedish or English, from one rounding rule.

The Swedish and the English map show the same numbers: 1,250 MSEK is "1,3 miljarder kronor"
and "SEK 1.3 billion", never 1.3 in one language and 1.2 in the other.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from .swedish import swedish_number

WORDS = {
    "sv": {"million": ("miljon", "miljoner"), "billion": ("miljard", "miljarder")},
    "en": {"million": ("million", "million"), "billion": ("billion", "billion")},
}


def one_decimal(value: float) -> float:
    """Rounded half up, as in school (28.45 → 28.5, 1.25 → 1.3), not to the nearest binary float."""
    return float(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def number(value: float, lang: str = "sv") -> str:
    """250000 → '250 000' (Swedish, non-breaking space) or '250,000'; 12.5 → '12,5' or '12.5'."""
    if lang == "sv":
        return swedish_number(value)
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"


def msek_text(value: float, lang: str = "sv") -> str:
    """'830 miljoner kronor', '13 miljarder kronor'; in English 'SEK 830 million', 'SEK 13 billion'."""
    unit, amount = ("billion", one_decimal(value / 1000)) if value >= 1000 else ("million", one_decimal(value))
    one, many = WORDS[lang][unit]
    word = one if amount == 1 else many
    if lang == "sv":
        return f"{number(amount, lang)} {word} kronor"
    return f"SEK {number(amount, lang)} {word}"


def amount_text(value: float | None, year: int | None, lang: str = "sv") -> str | None:
    """'13 miljarder kronor (2023)': the amount and the year it refers to; None without an amount."""
    if value is None:
        return None
    return msek_text(value, lang) + (f" ({year})" if year else "")
