"""``java.text.DecimalFormat`` as Pebble's ``numberformat`` filter (Kestra's ``numberFormat``) uses it,
following OpenJDK 25 (the JVM Kestra runs on).

Locale: Pebble formats with the engine's locale, which Kestra leaves to ``Locale.getDefault()``; we
assume en_US, the locale of Kestra's Docker image (the root locale has the same symbols): ``.`` ``,``
``-`` ``%`` ``‰`` ``E`` ``∞`` ``NaN``, currency ``$`` (``¤``) and ``USD`` (``¤¤``).

Numbers: Python's ``int`` is Java's Long within 64 bits and a BigInteger beyond, ``float`` is Double
(the evaluator's values hold no BigDecimal). A double is not formatted from its shortest decimal form
but from ``FloatingDecimal``'s digits, which ``Double.toString`` gave until Java 19 (JDK-4511638) and
which are sometimes longer (``2e23`` is ``1.9999999999999998E23``); ``DigitList`` then rounds them
HALF_EVEN, told by ``FloatingDecimal`` whether they are exact or were rounded up. Integers are exact.
JDK-8362448 moves DecimalFormat to Double.toString's digits after Java 25.
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass
from functools import lru_cache

from flowls.pebble.values import class_cast

DEFAULT_PATTERN = "#,##0.###"  # NumberFormat.getInstance(Locale.US)

_MAX_DIGITS = 2**31 - 1  # DecimalFormat.MAXIMUM_INTEGER_DIGITS and MAXIMUM_FRACTION_DIGITS
# NumberFormat's own limits, which DecimalFormat keeps capped to these and uses for Double and Long
# (not for BigInteger): DOUBLE_INTEGER_DIGITS, DOUBLE_FRACTION_DIGITS.
_DOUBLE_INTEGER_DIGITS = 309
_DOUBLE_FRACTION_DIGITS = 340
_LONG_MIN, _LONG_MAX = -(2**63), 2**63 - 1
_SYMBOLS = {"%": "%", "\u2030": "\u2030", "-": "-", "\u00a4": "$"}  # after a quote in an affix pattern
_NOT_A_NUMBER = "The input for the 'NumberFormat' filter has to be a number."


class NumberFormatError(Exception):
    """Why Pebble's ``numberformat`` filter fails, with Java's message: the filter's PebbleException
    (an input that is not a number), a ClassCastException (a format that is not a string), or the
    IllegalArgumentException of a malformed pattern (``PatternError``)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PatternError(NumberFormatError):
    """The ``IllegalArgumentException`` ``new DecimalFormat(pattern)`` throws."""


def number_format(value: object, pattern: object = None) -> str | None:
    """Pebble 4.1.1's ``NumberFormatFilter.apply``: ``None`` for a null input, otherwise the number
    formatted with ``new DecimalFormat(pattern, symbols)`` or, when ``pattern`` is null,
    ``NumberFormat.getInstance(locale)``; raises ``NumberFormatError``. An unknowable value or
    pattern is the caller's to catch first: here it is neither a number nor a string."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise NumberFormatError(_NOT_A_NUMBER)
    if pattern is None:
        pattern = DEFAULT_PATTERN
    elif not isinstance(pattern, str):  # the filter casts it: (String) args.get("format")
        raise NumberFormatError(class_cast(pattern, "java.lang.String"))
    return compile_pattern(pattern).format(value)


@dataclass(frozen=True, slots=True)
class DecimalFormat:
    """A compiled pattern; the digit limits are DecimalFormat's own, as a BigInteger uses them."""

    positive_prefix: str
    positive_suffix: str
    negative_prefix: str
    negative_suffix: str
    min_int: int
    max_int: int
    min_frac: int
    max_frac: int
    grouping: int  # 0: no grouping
    multiplier: int
    decimal_always: bool
    exponent_digits: int  # 0: no exponent notation

    def format(self, number: int | float) -> str:
        if isinstance(number, float):
            return self._format_double(number)
        # A BigInteger of fewer than 64 bits is formatted as a Long.
        return self._format_integer(number, _LONG_MIN <= number <= _LONG_MAX)

    def _format_double(self, number: float) -> str:
        if math.isnan(number):
            return "NaN"  # without prefix nor suffix
        negative = math.copysign(1.0, number) < 0  # -0.0 too
        number = abs(number) * self.multiplier  # in double arithmetic: it may overflow
        if math.isinf(number):
            return self._affixed(negative, "\u221e")
        min_int, max_int, min_frac, max_frac = self._limits(True)
        digits = _floating_decimal(number)
        if self.exponent_digits:
            digits = digits.rounded(max_int + max_frac)
            body = self._scientific(digits, min_int, max_int, min_frac)
        else:
            digits = digits.rounded(max_frac + digits.point)
            body = self._fixed(digits, False, min_int, min_frac, max_frac)
        return self._affixed(negative, body)

    def _format_integer(self, number: int, is_long: bool) -> str:
        # A Long the multiplier overflows goes through BigInteger, with the Long's limits still.
        number *= self.multiplier
        min_int, max_int, min_frac, max_frac = self._limits(is_long)
        digits = _Digits.of_int(abs(number))
        if self.exponent_digits:
            digits = digits.rounded(max_int + max_frac)
            body = self._scientific(digits, min_int, max_int, min_frac)
        else:
            body = self._fixed(digits, True, min_int, min_frac, max_frac)
        return self._affixed(number < 0, body)

    def _limits(self, capped: bool) -> tuple[int, int, int, int]:
        if not capped:
            return self.min_int, self.max_int, self.min_frac, self.max_frac
        return (
            min(self.min_int, _DOUBLE_INTEGER_DIGITS),
            min(self.max_int, _DOUBLE_INTEGER_DIGITS),
            min(self.min_frac, _DOUBLE_FRACTION_DIGITS),
            min(self.max_frac, _DOUBLE_FRACTION_DIGITS),
        )

    def _affixed(self, negative: bool, body: str) -> str:
        if negative:
            return self.negative_prefix + body + self.negative_suffix
        return self.positive_prefix + body + self.positive_suffix

    def _fixed(self, digits: _Digits, integer: bool, min_int: int, min_frac: int, max_frac: int) -> str:
        # The integer part never exceeds the maximum integer digits: a pattern without exponent
        # leaves it unlimited, and a double has at most 309 integer digits.
        text, point = digits.text, digits.point
        out: list[str] = []
        index = 0
        for i in range(max(min_int, point) - 1, -1, -1):
            if i < point and index < len(text):
                out.append(text[index])
                index += 1
            else:
                out.append("0")
            if self.grouping and i > 0 and i % self.grouping == 0:
                out.append(",")
        fraction_present = min_frac > 0 or (not integer and index < len(text))
        if not fraction_present and not out:
            out.append("0")
        if self.decimal_always or fraction_present:
            out.append(".")
        for i in range(max_frac):
            if i >= min_frac and (integer or index >= len(text)):
                break
            if -1 - i > point - 1:  # a zero between the point and the first significant digit
                out.append("0")
            elif not integer and index < len(text):
                out.append(text[index])
                index += 1
            else:
                out.append("0")
        return "".join(out)

    def _scientific(self, digits: _Digits, min_int: int, max_int: int, min_frac: int) -> str:
        text = digits.text
        exponent = digits.point
        integer_digits = min_int
        if max_int > 1 and max_int > min_int:
            # Engineering notation: the exponent is a multiple of max_int, and the minimum integer
            # digits are ignored. Java's int division truncates toward zero.
            if exponent >= 1:
                exponent = (exponent - 1) // max_int * max_int
            else:
                exponent = -((max_int - exponent) // max_int) * max_int
            integer_digits = 1
        else:
            exponent -= min_int
        if text:
            integer_digits = digits.point - exponent
        else:
            exponent = 0
        total = max(len(text), min_int + min_frac, integer_digits)
        out: list[str] = []
        for i in range(total):
            if i == integer_digits:
                out.append(".")
            out.append(text[i] if i < len(text) else "0")
        if self.decimal_always and total == integer_digits:
            out.append(".")
        out.append("E-" if exponent < 0 else "E")
        out.append(str(abs(exponent)).rjust(self.exponent_digits, "0"))
        return "".join(out)


@dataclass(frozen=True, slots=True)
class _Digits:
    """Java's ``DigitList``: the value is ``0.<text>`` times ``10**point``; ``text`` has no leading nor
    trailing zeros, and is empty for zero. ``tie`` says how a ``5`` ending ``text`` rounds: -1 down
    (``FloatingDecimal`` rounded ``text`` up), 1 up (it truncated ``text``), 0 to even (``text`` is
    exact)."""

    text: str
    point: int
    tie: int = 0

    @staticmethod
    def of_int(number: int) -> _Digits:
        if number == 0:
            return _Digits("", 0)
        text = str(number)
        return _Digits(text.rstrip("0"), len(text))

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


# --- FloatingDecimal ---------------------------------------------------------------------------
# jdk.internal.math.FloatingDecimal.BinaryToASCIIBuffer.dtoa, which DigitList.set(double) still uses in
# Java 25 (Double.toString moved to Raffaello Giulietti's algorithm in Java 19, DecimalFormat did not).
# Its int and long fast paths wrap around like Java's arithmetic, and compare with > where the
# FDBigInteger path has >=.

# FloatingDecimal.insignificantDigitsNumber and N_5_BITS (about ceil(log2(5**i))).
_INSIGNIFICANT_DIGITS = (
    0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9, 9,
    10, 10, 10, 11, 11, 11, 12, 12, 12, 12, 13, 13, 13, 14, 14, 14, 15, 15, 15, 15, 16, 16, 16, 17, 17, 17,
    18, 18, 18, 19,
)  # fmt: skip
_N_5_BITS = (0, 3, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28, 31, 33, 35, 38, 40, 42, 45, 47, 49, 52, 54, 56, 59, 61)


def _wrap(value: int, bits: int) -> int:
    """A Java int (32 bits) or long (64 bits) overflow."""
    half = 1 << (bits - 1)
    return (value + half) % (1 << bits) - half


def _floating_decimal(number: float) -> _Digits:
    """``FloatingDecimal.getBinaryToASCIIConverter(number)`` for a finite ``number >= 0``, read as
    ``DigitList.set`` reads it."""
    if number == 0:
        return _Digits("", 0)
    (bits,) = struct.unpack("<q", struct.pack("<d", number))
    fract_bits = bits & ((1 << 52) - 1)
    bin_exp = bits >> 52
    if bin_exp == 0:  # subnormal
        shift = 53 - fract_bits.bit_length()
        fract_bits <<= shift
        bin_exp = 1 - shift
        significant_bits = 53 - shift
    else:
        fract_bits |= 1 << 52
        significant_bits = 53
    digits, exponent, rounded_up, exact = _dtoa(bin_exp - 1023, fract_bits, significant_bits)
    text = "".join(map(str, digits))
    stripped = text.lstrip("0")  # as DigitList reads the string, should dtoa keep a first quotient of 0
    exponent -= len(text) - len(stripped)
    return _Digits(stripped.rstrip("0"), exponent, 0 if exact else -1 if rounded_up else 1)


def _dtoa(bin_exp: int, fract_bits: int, significant_bits: int) -> tuple[list[int], int, bool, bool]:
    """The digits, the decimal exponent (the value is ``0.<digits>`` times ``10**exponent``), whether
    the last digit was rounded up, and whether the digits are the exact value."""
    tail_zeros = (fract_bits & -fract_bits).bit_length() - 1
    fract_count = 53 - tail_zeros  # significant bits in fract_bits
    tiny_bits = max(0, fract_count - bin_exp - 1)  # significant bits right of the binary point
    if tiny_bits == 0 and bin_exp <= 62:
        # An integer below 2**63: its digits, less the ones a double cannot hold (rounded half up, but
        # flagged neither rounded up nor exact).
        excess = bin_exp - significant_bits - 1
        insignificant = _INSIGNIFICANT_DIGITS[excess] if 1 < excess < len(_INSIGNIFICANT_DIGITS) else 0
        value = fract_bits << (bin_exp - 52) if bin_exp >= 52 else fract_bits >> (52 - bin_exp)
        if insignificant:
            value, residue = divmod(value, 10**insignificant)
            value += residue >= 10**insignificant // 2
        text = str(value)
        return [int(c) for c in text.rstrip("0")], len(text) + insignificant, False, False

    # value = b / s * 10**dec_exp with 1 <= b / s < 10, m half an ulp scaled like b.
    dec_exp = _estimate_dec_exp(fract_bits, bin_exp)
    b5 = max(0, -dec_exp)
    b2 = b5 + tiny_bits + bin_exp
    s5 = max(0, dec_exp)
    s2 = s5 + tiny_bits
    m5, m2 = b5, b2 - significant_bits
    fract_bits >>= tail_zeros
    b2 -= fract_count - 1
    common = min(b2, s2)
    b2, s2, m2 = b2 - common, s2 - common, m2 - common
    if fract_count == 1:  # a power of two: the next double down is only half as far
        m2 -= 1
    if m2 < 0:
        b2, s2, m2 = b2 - m2, s2 - m2, 0
    b_bits = fract_count + b2 + (_N_5_BITS[b5] if b5 < len(_N_5_BITS) else b5 * 3)
    ten_s_bits = s2 + 1 + (_N_5_BITS[s5 + 1] if s5 + 1 < len(_N_5_BITS) else (s5 + 1) * 3)
    if b_bits < 64 and ten_s_bits < 64:
        width = 32 if b_bits < 32 and ten_s_bits < 32 else 64
        b = _wrap(fract_bits * 5**b5 << b2, width)
        s = _wrap(5**s5 << s2, width)
        m = _wrap(5**m5 << m2, width)
        tens = _wrap(s * 10, width)
        q, b = divmod(b, s)
        b, m = _wrap(10 * b, width), _wrap(m * 10, width)
        low, high = b < m, _wrap(b + m, width) > tens
        digits: list[int] = []
        if q == 0 and not high:
            dec_exp -= 1  # the estimate was one too high
        else:
            digits.append(q)
        if dec_exp < -3 or dec_exp >= 8:  # Double.toString's E form wants a second digit
            low = high = False
        while not low and not high:
            q, b = divmod(b, s)
            b, m = _wrap(10 * b, width), _wrap(m * 10, width)
            if m > 0:
                low, high = b < m, _wrap(b + m, width) > tens
            else:  # m overflowed
                low = high = True
            digits.append(q)
        low_digit_difference = _wrap(_wrap(b << 1, width) - tens, width)
        exact = b == 0
    else:
        b, s = fract_bits * 5**b5 << b2, 5**s5 << s2
        m, ten_s = 5 ** (m5 + 1) << (m2 + 1), 5 ** (s5 + 1) << (s2 + 1)  # scaled by 10 already
        q, b = divmod(b, s)
        b *= 10
        low, high = b < m, b + m >= ten_s
        digits = []
        if q == 0 and not high:
            dec_exp -= 1
        else:
            digits.append(q)
        if dec_exp < -3 or dec_exp >= 8:
            low = high = False
        while not low and not high:
            q, b = divmod(b, s)
            b *= 10
            m *= 10
            low, high = b < m, b + m >= ten_s
            digits.append(q)
        low_digit_difference = (2 * b > ten_s) - (2 * b < ten_s) if high and low else 0
        exact = b == 0
    exponent = dec_exp + 1
    rounded_up = False
    if high and (not low or low_digit_difference > 0 or (low_digit_difference == 0 and digits[-1] % 2)):
        # BinaryToASCIIBuffer.roundup: a carry out of the first digit is not flagged as rounding up.
        i = len(digits) - 1
        while digits[i] == 9 and i > 0:
            digits[i] = 0
            i -= 1
        if digits[i] == 9:
            digits[0] = 1
            exponent += 1
        else:
            digits[i] += 1
            rounded_up = True
    return digits, exponent, rounded_up, exact


def _estimate_dec_exp(fract_bits: int, bin_exp: int) -> int:
    """``FloatingDecimal.estimateDecExp``: floor(log10(value)), or one more."""
    (d2,) = struct.unpack("<d", struct.pack("<q", (1023 << 52) | (fract_bits & ((1 << 52) - 1))))
    return math.floor((d2 - 1.5) * 0.289529654 + 0.176091259 + bin_exp * 0.301029995663981)


# --- patterns ----------------------------------------------------------------------------------


@lru_cache(maxsize=256)
def compile_pattern(pattern: str) -> DecimalFormat:
    """``new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.US))``; raises
    ``PatternError`` with Java's message."""
    parser = _PatternParser(pattern)
    positive, start = parser.subpattern(0, negative=False)
    # Without a ";" Java reads the whole pattern again as the negative subpattern, which skips every
    # number character: "0E0E0" gives the positive suffix "E" but the negative affixes "" and "".
    negative = parser.subpattern(start, negative=True)[0] if start < len(pattern) else None
    if pattern == "":
        # The constructor's defaults stay (grouping by 3 included). Java 23 lowered the maximum
        # fraction digits from Integer.MAX_VALUE to 340 (JDK-8326908), which only toPattern shows.
        positive = _Subpattern("", "", 0, _MAX_DIGITS, 0, _DOUBLE_FRACTION_DIGITS, 3, 1, False, 0)
    neg_prefix, neg_suffix = "'-" + positive.prefix, positive.suffix
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
    prefix: str  # affix patterns: "'%", "'‰", "'-", "'¤", "'¤¤" stand for symbols, "''" for a quote
    suffix: str
    min_int: int
    max_int: int
    min_frac: int
    max_frac: int
    grouping: int
    multiplier: int
    decimal_always: bool
    exponent_digits: int


def _byte(value: int) -> int:
    """A Java byte overflow: DecimalFormat counts grouping and exponent digits in bytes."""
    return (value + 128) % 256 - 128


class _PatternParser:
    """``DecimalFormat.applyPattern``'s loop over one subpattern (phase 0 prefix, 1 number, 2 suffix)."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern

    def fail(self, message: str) -> PatternError:
        return PatternError(f'{message} "{self.pattern}"')

    def subpattern(self, start: int, negative: bool) -> tuple[_Subpattern, int]:
        """The subpattern at ``start``, and where the next one starts: past its ``;``, else ``start``."""
        pattern = self.pattern
        affixes: list[list[str]] = [[], []]
        affix = affixes[0]
        phase, in_quote, multiplier = 0, False, 1
        left = zeros = right = 0
        decimal_pos = grouping = -1
        exponent_digits = 0
        pos, end = start, start
        while pos < len(pattern):
            ch = pattern[pos]
            if phase == 1 and negative:
                # The negative subpattern only gives affixes: its number part is skipped unread.
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
                        grouping = _byte(grouping + 1)
                elif ch == "0":
                    if right > 0:
                        raise self.fail("Unexpected '0' in pattern")
                    zeros += 1
                    if grouping >= 0 and decimal_pos < 0:
                        grouping = _byte(grouping + 1)
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
                    count = 0
                    while pos < len(pattern) and pattern[pos] == "0":
                        count += 1
                        pos += 1
                    exponent_digits = _byte(count)
                    if left + zeros < 1 or exponent_digits < 1:
                        raise self.fail("Malformed exponential pattern")
                    phase, affix = 2, affixes[1]
                    continue
                else:
                    phase, affix = 2, affixes[1]
                    continue
                pos += 1
                continue
            # phases 0 and 2: prefix and suffix; a digit character (re)enters phase 1
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
        min_int = (decimal_pos if decimal_pos >= 0 else total) - left
        sub = _Subpattern(
            prefix="".join(affixes[0]),
            suffix="".join(affixes[1]),
            min_int=min_int,
            max_int=left + min_int if exponent_digits else _MAX_DIGITS,
            min_frac=left + zeros - decimal_pos if decimal_pos >= 0 else 0,
            max_frac=total - decimal_pos if decimal_pos >= 0 else 0,
            grouping=max(grouping, 0),  # 128 digits or more after the last "," wrap to no grouping
            multiplier=multiplier,
            decimal_always=decimal_pos in (0, total),
            exponent_digits=exponent_digits,
        )
        return sub, end


def _expand_affix(affix: str) -> str:
    """``DecimalFormat.expandAffix``: a quote makes the next character a symbol (or itself)."""
    out: list[str] = []
    i = 0
    while i < len(affix):
        ch = affix[i]
        i += 1
        if ch == "'":
            ch = affix[i]
            i += 1
            if ch == "\u00a4" and affix[i : i + 1] == "\u00a4":
                i += 1
                out.append("USD")
                continue
            ch = _SYMBOLS.get(ch, ch)
        out.append(ch)
    return "".join(out)
