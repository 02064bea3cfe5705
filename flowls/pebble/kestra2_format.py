"""Pebble 4.1.2's ``format`` filter, new in Kestra 2.0: ``String.format(input.toString(), args)``, after
``java.util.Formatter`` in the server's locale (en_US in Kestra's Docker image), its exceptions'
messages included.

Our values stand for Java's as elsewhere: an int is a Long, a float a Double. Dates (``%t``) of a
Long and hexadecimal floats (``%a``) are not computed: the filter gives an ``Unknowable``.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

from flowls.pebble.values import Entry, Unknowable, java_class, java_str, java_string_hash

# Formatter.Flags, by their characters in Flags.toString's order.
_FLAG_ORDER = "-^#+ 0,(<"
_CONVERSIONS = frozenset("bBsShHcCdoxXeEgGfaAn%")
_DATE_TIME = frozenset("HIklMSLNpzZsQBbhAaCYyjmdeRTrDFc")
_INT_MAX = 2**31 - 1


class _FormatError(Exception):
    """A java.util.IllegalFormatException, by its message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _NotComputed(Exception):
    """What Java computes that we do not (dates, hexadecimal floats)."""


class _TooLarge(Exception):
    """A width or precision past the rendering's size limit."""


@dataclass
class _Specifier:
    """Formatter.FormatSpecifier: ``index`` is 0 for the next argument, -1 for the previous one (``<``),
    -2 for none (``%n``, ``%%``), else the explicit position."""

    conversion: str  # lower-cased; a date-time's own letter when ``date_time``
    flags: str = ""
    index: int = 0
    width: int = -1
    precision: int = -1
    date_time: bool = False

    def __str__(self) -> str:
        """``FormatSpecifier.toString``, as MissingFormatArgumentException quotes it."""
        text = "%" + "".join(flag for flag in _FLAG_ORDER if flag in self.flags and flag != "^")
        if self.index > 0:
            text += f"{self.index}$"
        if self.width != -1:
            text += str(self.width)
        if self.precision != -1:
            text += f".{self.precision}"
        upper = "^" in self.flags
        if self.date_time:
            text += "T" if upper else "t"
        return text + (self.conversion.upper() if upper else self.conversion)


def _parse(text: str) -> list[str | _Specifier]:
    """``Formatter.parse``: fixed texts and specifiers, every specifier checked before anything prints."""
    parts: list[str | _Specifier] = []
    i = 0
    while i < len(text):
        percent = text.find("%", i)
        if percent < 0:
            parts.append(text[i:])
            break
        if percent > i:
            parts.append(text[i:percent])
        i = percent + 1
        if i >= len(text):
            raise _FormatError("Conversion = '%'")
        first = text[i]
        if first in _CONVERSIONS:
            parts.append(_simple(first))
            i += 1
            continue
        specifier, i = _parse_specifier(text, i)
        parts.append(specifier)
    return parts


def _simple(conversion: str) -> _Specifier:
    """A conversion right after its ``%``: no flags to check."""
    specifier = _Specifier(conversion.lower(), "^" if conversion.isupper() else "")
    if conversion in "n%":
        specifier.index = -2
    return specifier


def _digits(text: str, i: int) -> int:
    while i < len(text) and "0" <= text[i] <= "9":
        i += 1
    return i


def _parse_specifier(text: str, start: int) -> tuple[_Specifier, int]:
    """``FormatSpecifierParser.parse``: ``%[index$][flags][width][.precision][tT]conversion``."""
    unknown = _FormatError(f"Conversion = '{text[start]}'")
    i = start
    argument = ""
    end = _digits(text, i)
    if end > i and end < len(text) and text[end] == "$":
        argument, i = text[i : end + 1], end + 1
    flags_end = i
    while flags_end < len(text) and text[flags_end] in "-#+ 0,(<":
        flags_end += 1
    flags, i = text[i:flags_end], flags_end
    end = _digits(text, i)
    width, i = text[i:end], end
    precision = ""
    if i < len(text) and text[i] == ".":
        end = _digits(text, i + 1)
        if end == i + 1:
            raise unknown
        precision, i = text[i:end], end
    date_time = ""
    if i < len(text) and text[i] in "tT" and i + 1 < len(text):
        if not _is_conversion(text[i + 1]):
            # Java then builds a specifier of conversion '\0' if anything came before the 't'.
            raise _FormatError("Conversion = '\0'") if argument or flags or width or precision else unknown
        date_time, conversion, i = text[i], text[i + 1], i + 2
    elif i < len(text) and _is_conversion(text[i]):
        conversion, i = text[i], i + 1
    else:
        raise unknown
    return _specifier(argument, flags, width, precision, date_time, conversion), i


def _is_conversion(char: str) -> bool:
    return ("a" <= char <= "z") or ("A" <= char <= "Z") or char == "%"


def _specifier(argument: str, flags: str, width: str, precision: str, date_time: str, conversion: str) -> _Specifier:
    """The FormatSpecifier constructor: each part read, then ``check()``."""
    specifier = _Specifier(conversion)
    if argument:
        index = int(argument[:-1])
        if index > _INT_MAX:
            raise _FormatError("Format argument index: (not representable as int)")
        if index <= 0:
            raise _FormatError(f"Illegal format argument index = {index}")
        specifier.index = index
    seen = ""
    for flag in flags:
        if flag in seen:
            raise _FormatError(f"Flags = '{flag}'")
        seen += flag
    specifier.flags = seen
    if "<" in seen:
        specifier.index = -1
    if width:
        specifier.width = int(width) if int(width) <= _INT_MAX else -(2**31)
        if specifier.width < 0:
            raise _FormatError(str(specifier.width))
    if precision:
        specifier.precision = int(precision[1:]) if int(precision[1:]) <= _INT_MAX else -(2**31)
        if specifier.precision < 0:
            raise _FormatError(str(specifier.precision))
    if date_time:
        specifier.date_time = True
        if date_time == "T":
            specifier.flags += "^"
    elif conversion not in _CONVERSIONS:
        raise _FormatError(f"Conversion = '{conversion}'")
    elif conversion.isupper():
        specifier.flags += "^"
        specifier.conversion = conversion.lower()
    if conversion in "n%" and not date_time:
        specifier.index = -2
    _check(specifier)
    return specifier


def _flags_text(flags: str) -> str:
    return "".join(flag for flag in _FLAG_ORDER if flag in flags)


def _mismatch(flags: str, conversion: str) -> _FormatError:
    """FormatFlagsConversionMismatchException."""
    return _FormatError(f"Conversion = {conversion}, Flags = {_flags_text(flags)}")


def _bad_flags(specifier: _Specifier, bad: str) -> None:
    found = "".join(flag for flag in specifier.flags if flag in bad)
    if found:
        raise _mismatch(found, specifier.conversion)


def _missing_width(specifier: _Specifier, flags: str) -> None:
    if specifier.width == -1 and any(flag in specifier.flags for flag in flags):
        raise _FormatError(str(specifier))


def _check(specifier: _Specifier) -> None:
    """``FormatSpecifier.check``: the flags, width and precision each conversion allows."""
    conversion, flags = specifier.conversion, specifier.flags
    if specifier.date_time:
        if specifier.precision != -1:
            raise _FormatError(str(specifier.precision))
        if conversion not in _DATE_TIME:
            raise _FormatError(f"Conversion = 't{conversion}'")
        _bad_flags(specifier, "#+ 0,(")
        _missing_width(specifier, "-")
    elif conversion in "bsh":
        if conversion in "bh" and "#" in flags:
            raise _mismatch("#", conversion)
        _missing_width(specifier, "-")
        _bad_flags(specifier, "+ 0,(")
    elif conversion == "c":
        if specifier.precision != -1:
            raise _FormatError(str(specifier.precision))
        _bad_flags(specifier, "#+ 0,(")
        _missing_width(specifier, "-")
    elif conversion in "doxefga":
        _missing_width(specifier, "-0")
        if ("+" in flags and " " in flags) or ("-" in flags and "0" in flags):
            raise _FormatError(f"Flags = '{_flags_text(flags)}'")
        if conversion in "dox":
            if specifier.precision != -1:
                raise _FormatError(str(specifier.precision))
            _bad_flags(specifier, "#" if conversion == "d" else ",")
        else:
            _bad_flags(specifier, {"a": "(,", "e": ",", "g": "#"}.get(conversion, ""))
    else:  # % and n
        if specifier.precision != -1:
            raise _FormatError(str(specifier.precision))
        if conversion == "%":
            if flags not in ("", "-"):
                raise _FormatError(f"Flags = '{_flags_text(flags)}'")
            _missing_width(specifier, "-")
        elif specifier.width != -1:
            raise _FormatError(str(specifier.width))
        elif flags:
            raise _FormatError(f"Flags = '{_flags_text(flags)}'")


# --- printing ----------------------------------------------------------------------------------


def _conversion_error(conversion: str, value: object) -> _FormatError:
    """IllegalFormatConversionException."""
    return _FormatError(f"{conversion} != {java_class(value)}")


def _justified(specifier: _Specifier, text: str) -> str:
    if specifier.width == -1:
        return text
    return text.ljust(specifier.width) if "-" in specifier.flags else text.rjust(specifier.width)


def _general(specifier: _Specifier, text: str) -> str:
    """``print(String)``: the precision cuts, ``^`` upper-cases, the width pads."""
    if specifier.precision != -1:
        text = text[: specifier.precision]
    return _justified(specifier, text.upper() if "^" in specifier.flags else text)


def _hash_code(value: object) -> int:
    """``hashCode()``, as an unsigned 32-bit int."""
    if value is None:
        return 0
    if isinstance(value, bool):
        return 1231 if value else 1237
    if isinstance(value, int):
        bits = value & (2**64 - 1)
        return (bits ^ (bits >> 32)) & 0xFFFFFFFF
    if isinstance(value, float):
        bits = 0x7FF8000000000000 if value != value else struct.unpack(">Q", struct.pack(">d", value))[0]
        return (bits ^ (bits >> 32)) & 0xFFFFFFFF
    if isinstance(value, str):
        return java_string_hash(value)
    if isinstance(value, list):
        code = 1
        for item in value:
            code = (31 * code + _hash_code(item)) & 0xFFFFFFFF
        return code
    if isinstance(value, dict):
        return sum(_hash_code(k) ^ _hash_code(v) for k, v in value.items()) & 0xFFFFFFFF
    if isinstance(value, Entry):
        return _hash_code(value.key) ^ _hash_code(value.value)
    raise _NotComputed


def _sign(specifier: _Specifier, negative: bool) -> tuple[str, str]:
    """``leadingSign`` and ``trailingSign``."""
    if negative:
        return ("(", ")") if "(" in specifier.flags else ("-", "")
    if "+" in specifier.flags:
        return "+", ""
    return (" " if " " in specifier.flags else ""), ""


def _magnitude(specifier: _Specifier, lead: str, digits: str, width: int) -> str:
    """``localizedMagnitude``: en_US grouping of the integer part, zero padding up to ``width``."""
    whole, dot, fraction = digits.partition(".")
    if "," in specifier.flags:
        whole = f"{int(whole):,}"
    text = lead + whole + dot + fraction
    if "0" in specifier.flags and width > len(text):
        text = lead + "0" * (width - len(text)) + text[len(lead) :]
    return text


def _integer(specifier: _Specifier, value: int) -> str:
    flags = specifier.flags
    if specifier.conversion == "d":
        lead, trail = _sign(specifier, value < 0)
        width = specifier.width - 1 if specifier.width != -1 and value < 0 and "(" in flags else specifier.width
        return _justified(specifier, _magnitude(specifier, lead, str(abs(value)), width) + trail)
    _bad_flags(specifier, "( +")
    unsigned = value & (2**64 - 1)  # Long.toOctalString, Long.toHexString
    digits = f"{unsigned:o}" if specifier.conversion == "o" else f"{unsigned:x}"
    prefix = ("0" if specifier.conversion == "o" else "0x") if "#" in flags else ""
    if "0" in flags:
        digits = digits.rjust(specifier.width - len(prefix), "0")
    text = prefix + digits
    return _justified(specifier, text.upper() if "^" in flags else text)


def _shortest(value: float) -> Decimal:
    """``DoubleToDecimal.split``, which Java rounds: the shortest decimal that reads back as the double
    (repr's), but of two digits at least, the one closest to the double (4.9E-324, not 5E-324)."""
    shortest = Decimal(repr(value))
    if value and len(shortest.normalize().as_tuple().digits) == 1:
        return _significant(Decimal(value), 2)
    return shortest


def _fixed(value: Decimal, decimals: int) -> str:
    """``FormattedFPDecimal.plain``: ``decimals`` digits after the point, ties rounded up."""
    return format(value.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP), "f")


def _significant(value: Decimal, digits: int) -> Decimal:
    """``FormattedFPDecimal.round``: the ``digits`` most significant digits, ties rounded up."""
    return value.quantize(Decimal(1).scaleb(value.adjusted() - digits + 1), ROUND_HALF_UP)


def _scientific(value: Decimal, decimals: int) -> tuple[str, str]:
    """``FormattedFPDecimal.scientific``: a mantissa with ``decimals`` digits after the point, and the
    exponent as Java writes it (a sign, at least two digits)."""
    if value == 0:
        return _fixed(value, decimals), "+00"
    rounded = _significant(value, decimals + 1)
    exponent = rounded.adjusted()  # one more when rounding carried over (9.99 to 10.0)
    mantissa = rounded.scaleb(-exponent).quantize(Decimal(1).scaleb(-decimals))
    return format(mantissa, "f"), f"{'-' if exponent < 0 else '+'}{abs(exponent):02d}"


def _floating(specifier: _Specifier, value: float) -> str:
    flags, conversion = specifier.flags, specifier.conversion
    upper = "^" in flags
    if value != value:
        return _justified(specifier, "NAN" if upper else "NaN")
    negative = math.copysign(1.0, value) < 0
    lead, trail = _sign(specifier, negative)
    if math.isinf(value):
        return _justified(specifier, lead + ("INFINITY" if upper else "Infinity") + trail)
    if conversion == "a":
        raise _NotComputed
    width = specifier.width - 1 if specifier.width != -1 and negative and "(" in flags else specifier.width
    decimal = _shortest(abs(value))
    precision = 6 if specifier.precision == -1 else specifier.precision
    exponent = None
    with localcontext() as context:
        context.prec = 400 + precision  # every digit of the largest double
        if conversion == "f":
            digits = _fixed(decimal, precision)
        elif conversion == "e":
            digits, exponent = _scientific(decimal, precision)
        else:
            precision = max(precision, 1)
            rounded = _significant(decimal, precision) if decimal else decimal
            magnitude = rounded.adjusted() if rounded else 0
            if -4 <= magnitude < precision:
                digits = _fixed(rounded, precision - magnitude - 1)
            else:
                digits, exponent = _scientific(rounded, precision - 1)
    if "#" in flags and "." not in digits:
        digits += "."
    if exponent is not None and width != -1:
        width -= len(exponent) + 1
    text = _magnitude(specifier, lead, digits, width)
    if exponent is not None:
        text += ("E" if upper else "e") + exponent
    return _justified(specifier, text + trail)


def _print(specifier: _Specifier, value: object) -> str:
    """``FormatSpecifier.print`` of one argument."""
    conversion = specifier.conversion
    if specifier.date_time:
        if value is None:
            return _general(specifier, "null")
        if isinstance(value, int) and not isinstance(value, bool):
            raise _NotComputed  # a Calendar in the server's zone
        raise _conversion_error(conversion, value)
    if conversion == "b":
        return _general(specifier, "false" if value is None or value is False else "true")
    if conversion == "h":
        return _general(specifier, "null" if value is None else f"{_hash_code(value):x}")
    if conversion == "s":
        if "#" in specifier.flags:
            raise _mismatch("#", "s")
        return _general(specifier, java_str(value))
    if value is None:
        return _general(specifier, "null")
    if conversion in "dox" and isinstance(value, int) and not isinstance(value, bool):
        return _integer(specifier, value)
    if conversion in "efga" and isinstance(value, float):
        return _floating(specifier, value)
    raise _conversion_error(conversion, value)  # %c takes a Character, Byte, Short or Integer, never a Long


def java_format(text: str, args: list, limit: int) -> str:
    """``Formatter.format(text, args)``: raises _FormatError, _NotComputed, or _TooLarge for a width
    or precision above ``limit``."""
    out: list[str] = []
    last = ordinary = -1  # the argument used last, the last one used without an explicit index
    for part in _parse(text):
        if isinstance(part, str):
            out.append(part)
            continue
        if max(part.width, part.precision) > limit:
            raise _TooLarge
        if part.index == -2:
            out.append("\n" if part.conversion == "n" else _justified(part, "%"))
            continue
        if part.index == 0:
            ordinary += 1
            last = ordinary
        elif part.index > 0:
            last = part.index - 1
        if last < 0 or last >= len(args):
            raise _FormatError(f"Format specifier '{part}'")
        out.append(_print(part, args[last]))
    return "".join(out)


def _format(renderer, call, value, args):
    """``FormatFilter``: the arguments are the positional ones, ``args.get("0")``, ``args.get("1")``...
    for as many as there are arguments (a named one counts, but is never read)."""
    if value is None:
        return None
    arguments = [args.get(str(i)) for i in range(len(args))]
    limit = renderer.limits.max_output
    try:
        return renderer.check_size(call, java_format(java_str(value), arguments, limit))
    except _FormatError as error:
        raise renderer.error(call, error.message) from None
    except _NotComputed:
        return Unknowable(renderer.source(call), "flowls does not format dates (%t) nor hexadecimal floats (%a)")
    except _TooLarge:
        raise renderer.limit(call, f"format width or precision too large (more than {limit})") from None


FILTERS: dict[str, Callable] = {"format": _format}
