"""``java.text.DecimalFormat`` with en-US symbols: what Pebble's ``numberformat`` filter (Kestra's
``numberFormat``) prints.

Pebble formats with the engine's locale, ``Locale.getDefault()`` since Kestra sets none; we assume a JVM
in en-US (or ROOT), whose symbols are the same: ``.`` ``,`` ``-`` ``%`` ``‰`` ``E`` ``∞`` ``NaN``, currency
``$``. The algorithm follows OpenJDK's ``DecimalFormat.applyPattern``/``subformat`` and ``DigitList``:
a double is rounded from its shortest decimal representation, with the exact binary value deciding
ties, HALF_EVEN; integers (Java's Long/BigInteger) are exact.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

_MAX_INT = 2**31 - 1  # DecimalFormat.MAXIMUM_INTEGER_DIGITS
_DOUBLE_INTEGER_DIGITS = 309
_DOUBLE_FRACTION_DIGITS = 340
_LONG_MIN, _LONG_MAX = -(2**63), 2**63 - 1
_SPECIAL_AFFIX = {"%": "%", "\u2030": "\u2030", "-": "-", "\u00a4": "$"}
DEFAULT_PATTERN = "#,##0.###"  # NumberFormat.getInstance(en_US)


class PatternError(ValueError):
    """``IllegalArgumentException`` from ``applyPattern``, with Java's message."""


@dataclass(frozen=True, slots=True)
class DecimalFormat:
    positive_prefix: str = ""
    positive_suffix: str = ""
    negative_prefix: str = "-"
    negative_suffix: str = ""
    min_int: int = 1
    max_int: int = _MAX_INT
    min_frac: int = 0
    max_frac: int = 3
    grouping: int = 0  # 0: no grouping
    multiplier: int = 1
    decimal_always: bool = False
    exponent_digits: int = 0  # 0: no exponent notation

    def format(self, number: int | float) -> str:
        if isinstance(number, float):
            return self._format_double(number)
        return self._format_integer(number)

    def _format_double(self, number: float) -> str:
        if math.isnan(number):
            return "NaN"  # no prefix nor suffix, as Java
        negative = number < 0 or (number == 0 and math.copysign(1.0, number) < 0)
        number *= self.multiplier  # in double arithmetic, as Java
        if math.isinf(number):
            return self._affixed(negative, "\u221e")
        number = abs(number)
        max_int = min(self.max_int, _DOUBLE_INTEGER_DIGITS)
        max_frac = min(self.max_frac, _DOUBLE_FRACTION_DIGITS)
        digits = _Digits.of_double(number)
        keep = max_int + max_frac if self.exponent_digits else max_frac + digits.point
        digits = digits.rounded(keep)
        return self._affixed(negative, self._body(digits, False, max_int, max_frac))

    def _format_integer(self, number: int) -> str:
        in_long = _LONG_MIN <= number <= _LONG_MAX  # a Long (even one the multiplier overflows) or a BigInteger
        number *= self.multiplier
        negative = number < 0
        max_int = min(self.max_int, _DOUBLE_INTEGER_DIGITS) if in_long else self.max_int
        max_frac = min(self.max_frac, _DOUBLE_FRACTION_DIGITS) if in_long else self.max_frac
        digits = _Digits.of_int(abs(number))
        if self.exponent_digits:
            digits = digits.rounded(max_int + max_frac)
        return self._affixed(negative, self._body(digits, True, max_int, max_frac))

    def _affixed(self, negative: bool, body: str) -> str:
        if negative:
            return self.negative_prefix + body + self.negative_suffix
        return self.positive_prefix + body + self.positive_suffix

    def _body(self, digits: _Digits, integer: bool, max_int: int, max_frac: int) -> str:
        if self.exponent_digits:
            return self._scientific(digits, max_int)
        return self._fixed(digits, integer, max_int, max_frac)

    def _fixed(self, digits: _Digits, integer: bool, max_int: int, max_frac: int) -> str:
        text, point = digits.text, digits.point
        count = max(self.min_int, point)
        index = 0
        if count > max_int:  # Java prints the least significant digits
            count, index = max_int, point - max_int
        out: list[str] = []
        for i in range(count - 1, -1, -1):
            if i < point and index < len(text):
                out.append(text[index])
                index += 1
            else:
                out.append("0")
            if self.grouping and i > 0 and i % self.grouping == 0:
                out.append(",")
        fraction_present = self.min_frac > 0 or (not integer and index < len(text))
        if not fraction_present and not out:
            out.append("0")
        if self.decimal_always or fraction_present:
            out.append(".")
        for i in range(max_frac):
            if i >= self.min_frac and (integer or index >= len(text)):
                break
            if -1 - i > point - 1:  # a zero between the point and the first significant digit
                out.append("0")
            elif not integer and index < len(text):
                out.append(text[index])
                index += 1
            else:
                out.append("0")
        return "".join(out)

    def _scientific(self, digits: _Digits, max_int: int) -> str:
        text = digits.text
        exponent = digits.point
        min_int = self.min_int
        if max_int > 1 and max_int > self.min_int:
            # Engineering notation: the exponent is a multiple of max_int (Java's int division truncates).
            shifted = exponent - 1 if exponent >= 1 else exponent - max_int
            exponent = int(shifted / max_int) * max_int
            min_int = 1
        else:
            exponent -= min_int
        integer_digits = min_int if not text else digits.point - exponent
        total = max(len(text), self.min_int + self.min_frac, integer_digits)
        out: list[str] = []
        for i in range(total):
            if i == integer_digits:
                out.append(".")
            out.append(text[i] if i < len(text) else "0")
        if self.decimal_always and total == integer_digits:
            out.append(".")
        if not text:
            exponent = 0
        out.append("E-" if exponent < 0 else "E")
        out.append(str(abs(exponent)).rjust(self.exponent_digits, "0"))
        return "".join(out)


@dataclass(frozen=True, slots=True)
class _Digits:
    """Java's ``DigitList``: the value is ``0.<text> × 10^point``; ``text`` has no leading nor trailing
    zeros, and is empty for zero. ``tie`` says how a ``5`` ending ``text`` rounds, from how ``text``
    relates to the exact value: -1 down (``text`` is above it), 1 up (below it, or not known to be
    exact), 0 to even (exact)."""

    text: str
    point: int
    tie: int = 0

    @staticmethod
    def of_int(number: int) -> _Digits:
        if number == 0:
            return _Digits("", 0)
        text = str(number)
        return _Digits(text.rstrip("0"), len(text))

    @staticmethod
    def of_double(number: float) -> _Digits:
        if number == 0:
            return _Digits("", 0)
        if number.is_integer() and number < 2**63:
            return _Digits._of_long_double(int(number))
        # Java starts from the shortest representation (FloatingDecimal), as Python's repr does.
        _, digit_tuple, exponent = Decimal(repr(number)).as_tuple()
        text = "".join(map(str, digit_tuple))
        shortest, exact = Decimal(repr(number)), Decimal(number)
        tie = 0 if exact == shortest else (1 if exact > shortest else -1)
        return _Digits(text.rstrip("0"), len(text) + int(exponent), tie)

    @staticmethod
    def _of_long_double(number: int) -> _Digits:
        """FloatingDecimal's shortcut for an integral double below 2^63: the integer's digits less the
        ones its 53-bit mantissa cannot hold (rounded half up), never flagged exact, so ties round up."""
        excess_bits = number.bit_length() - 1 - 53 - 1  # binExp - nSignificantBits - 1
        dropped = _INSIGNIFICANT_DIGITS[excess_bits] if 1 < excess_bits < len(_INSIGNIFICANT_DIGITS) else 0
        if dropped:
            number, residue = divmod(number, 10**dropped)
            number += residue >= 10**dropped // 2
        text = str(number)
        return _Digits(text.rstrip("0"), len(text) + dropped, 1)

    def rounded(self, keep: int) -> _Digits:
        """Keep ``keep`` significant digits, HALF_EVEN (``DigitList.round``)."""
        text = self.text
        if keep >= len(text):
            return self
        if keep < 0:
            return _Digits("", 0)
        if not self._rounds_up(keep):
            kept = text[:keep].rstrip("0")
            return _Digits(kept, self.point if kept else 0)
        if keep == 0:
            return _Digits("1", self.point + 1)
        bumped = str(int(text[:keep]) + 1)
        return _Digits(bumped.rstrip("0"), self.point + len(bumped) - keep)

    def _rounds_up(self, keep: int) -> bool:
        next_digit, rest = self.text[keep], self.text[keep + 1 :]
        if next_digit != "5" or rest:
            return next_digit >= "5"
        if self.tie:
            return self.tie > 0
        return keep > 0 and int(self.text[keep - 1]) % 2 == 1


# FloatingDecimal.insignificantDigitsNumber, by excess bits.
_INSIGNIFICANT_DIGITS = (
    0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9, 9,
    10, 10, 10, 11, 11, 11, 12, 12, 12, 12, 13, 13, 13, 14, 14, 14, 15, 15, 15, 15, 16, 16, 16, 17, 17, 17,
    18, 18, 18, 19,
)  # fmt: skip


# --- patterns ----------------------------------------------------------------------------------


def compile_pattern(pattern: str) -> DecimalFormat:
    """``new DecimalFormat(pattern)``; raises ``PatternError`` with Java's message."""
    parsed = _PatternParser(pattern)
    positive, end = parsed.subpattern(0, negative=False)
    negative = None
    if end < len(pattern):
        negative, _ = parsed.subpattern(end, negative=True)
    if pattern == "":
        # Java keeps its defaults then, grouping (by 3) included.
        positive = _Subpattern("", "", 0, _MAX_INT, 0, _MAX_INT, 3, 1, False, 0)
    neg_prefix, neg_suffix = ("'-" + positive.prefix, positive.suffix)
    if negative is not None and (negative.prefix, negative.suffix) != (positive.prefix, positive.suffix):
        neg_prefix, neg_suffix = negative.prefix, negative.suffix
    return DecimalFormat(
        positive_prefix=_expand_affix(positive.prefix),
        positive_suffix=_expand_affix(positive.suffix),
        negative_prefix=_expand_affix(neg_prefix),
        negative_suffix=_expand_affix(neg_suffix),
        min_int=positive.min_int,
        max_int=positive.max_int,
        min_frac=positive.min_frac,
        max_frac=positive.max_frac,
        grouping=positive.grouping,
        multiplier=positive.multiplier,
        decimal_always=positive.decimal_always,
        exponent_digits=positive.exponent_digits,
    )


@dataclass(frozen=True, slots=True)
class _Subpattern:
    prefix: str  # affix patterns: "'%", "'‰", "'-", "'¤" stand for symbols, "''" for a quote
    suffix: str
    min_int: int
    max_int: int
    min_frac: int
    max_frac: int
    grouping: int
    multiplier: int
    decimal_always: bool
    exponent_digits: int


class _PatternParser:
    """``DecimalFormat.applyPattern``'s loop over one subpattern (phase 0 prefix, 1 number, 2 suffix)."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern

    def fail(self, message: str) -> PatternError:
        return PatternError(f'{message} "{self.pattern}"')

    def subpattern(self, start: int, negative: bool) -> tuple[_Subpattern, int]:
        pattern = self.pattern
        affixes: list[list[str]] = [[], []]
        affix = affixes[0]
        phase, in_quote, multiplier = 0, False, 1
        left = zeros = right = 0
        decimal_pos = grouping = -1
        exponent_digits = 0
        pos, end = start, len(pattern)  # end: where the negative subpattern starts
        while pos < len(pattern):
            ch = pattern[pos]
            if phase == 1 and negative:
                # The negative subpattern only gives affixes: its number part is skipped.
                while pos < len(pattern) and pattern[pos] in "#0,.E":
                    pos += 1
                phase, affix = 2, affixes[1]
                continue
            if phase == 1:
                if ch == "#":
                    if zeros > 0:
                        right += 1
                    else:
                        left += 1
                    if grouping >= 0 and decimal_pos < 0:
                        grouping += 1
                elif ch == "0":
                    if right > 0:
                        raise self.fail("Unexpected '0' in pattern")
                    zeros += 1
                    if grouping >= 0 and decimal_pos < 0:
                        grouping += 1
                elif ch == ",":
                    grouping = 0
                elif ch == ".":
                    if decimal_pos >= 0:
                        raise self.fail("Multiple decimal separators in pattern")
                    decimal_pos = left + zeros + right
                elif ch == "E":
                    if exponent_digits:
                        raise self.fail("Multiple exponential symbols in pattern")
                    pos += 1
                    while pos < len(pattern) and pattern[pos] == "0":
                        exponent_digits += 1
                        pos += 1
                    if left + zeros < 1 or exponent_digits < 1:
                        raise self.fail("Malformed exponential pattern")
                    phase, affix = 2, affixes[1]
                    continue
                else:
                    phase, affix = 2, affixes[1]
                    continue
                pos += 1
                continue
            # phases 0 and 2: prefix and suffix
            if in_quote:
                if ch == "'":
                    if pattern[pos + 1 : pos + 2] == "'":
                        pos += 1
                        affix.append("''")
                    else:
                        in_quote = False
                    pos += 1
                    continue
                affix.append(ch)
            elif ch in "#0,.":
                phase = 1
                continue
            elif ch == "\u00a4":
                doubled = pattern[pos + 1 : pos + 2] == "\u00a4"
                pos += doubled
                affix.append("'\u00a4\u00a4" if doubled else "'\u00a4")
            elif ch == "'":
                if pattern[pos + 1 : pos + 2] == "'":
                    pos += 1
                    affix.append("''")
                else:
                    in_quote = True
            elif ch == ";":
                if phase == 0 or negative:
                    raise self.fail(f"Unquoted special character '{ch}' in pattern")
                end = pos + 1
                break
            elif ch in "%\u2030":
                if multiplier != 1:
                    raise self.fail("Too many percent/per mille characters in pattern")
                multiplier = 100 if ch == "%" else 1000
                affix.append("'" + ch)
            elif ch == "-":
                affix.append("'-")
            else:
                affix.append(ch)
            pos += 1
        if zeros == 0 and left > 0 and decimal_pos >= 0:
            # "##.###" is read as "#0.###", ".###" as ".0##"
            n = decimal_pos or 1
            right, left, zeros = left - n, n - 1, 1
        if (
            (decimal_pos < 0 and right > 0)
            or (decimal_pos >= 0 and (decimal_pos < left or decimal_pos > left + zeros))
            or grouping == 0
            or in_quote
        ):
            raise self.fail("Malformed pattern")
        total = left + zeros + right
        effective_decimal = decimal_pos if decimal_pos >= 0 else total
        min_int = effective_decimal - left
        sub = _Subpattern(
            prefix="".join(affixes[0]),
            suffix="".join(affixes[1]),
            min_int=min_int,
            max_int=left + min_int if exponent_digits else _MAX_INT,
            min_frac=left + zeros - decimal_pos if decimal_pos >= 0 else 0,
            max_frac=total - decimal_pos if decimal_pos >= 0 else 0,
            grouping=max(grouping, 0),
            multiplier=multiplier,
            decimal_always=decimal_pos in (0, total),
            exponent_digits=exponent_digits,
        )
        return sub, end


def _expand_affix(affix: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(affix):
        ch = affix[i]
        i += 1
        if ch == "'" and i < len(affix):
            ch = affix[i]
            i += 1
            if ch == "\u00a4" and affix[i : i + 1] == "\u00a4":
                i += 1
                out.append("USD")
                continue
            out.append(_SPECIAL_AFFIX.get(ch, ch))
            continue
        out.append(ch)
    return "".join(out)
