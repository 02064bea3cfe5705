"""Kestra's ``toIon`` filter and ``fromIon`` function on our JSON-like values.

``dump`` is ``JacksonMapper.ofIon().writeValueAsString`` (ion-java's text writer under Jackson's
``IonGenerator``). ``load`` is ``FileSerde.readAll``: every top-level value read by Jackson's
``UntypedObjectDeserializer`` through Kestra's ``IonParser``, then shown as Kestra's JSON writer
shows the Java object it got:

- null and every typed null: None; bool; int (Integer, Long or BigInteger); float (Double);
- decimal: BigDecimal, as its ``doubleValue`` (our values have no BigDecimal, so ``1.50d0`` prints
  ``1.5`` where Kestra prints ``1.50``, and ``1d3`` ``1000.0`` where Kestra prints ``1E+3``);
- string and symbol: str (a SID without text is ion-java's UnknownSymbolException);
- blob and clob: byte[], which Jackson writes as base64 (Kestra prints it quoted even alone);
- list and sexp: list; struct: dict, a repeated field keeping its first place and last value;
- timestamp: ``Timestamp.calendarValue().toInstant()``, at millisecond precision and through
  ``java.util.Date``'s Julian calendar before 1582-10-15. Kestra's parser makes it a LocalDate when
  the offset is Z or unknown and the instant falls on a UTC midnight, an Instant otherwise, and a
  ZonedDateTime when the offset is another; their JSON texts are ``2024-04-21``,
  ``2024-04-21T23:00:00Z`` (``Instant.toString``) and ``ISO_OFFSET_DATE_TIME`` in the server's zone
  (``time_zone``, Jackson's context time zone): ``2024-04-21T21:00:00Z`` for ``23:00+02:00`` in UTC.
  Printed alone, Kestra prints a ZonedDateTime's ``toString`` instead (``2024-04-21T23:00+02:00``);
- annotated: the first annotation names the java.time class Kestra's ``IonModule`` wrote
  (``ZonedDateTime::"..."`` and the like) and the string is parsed as that class; else a timestamp
  or lob as above; else an ``IonValue``, which Kestra prints as its Ion text (``a::{x:1}``) and
  cannot write as JSON: we give that text, as ``ion_text_writer`` prints it in ion-java's ASCII form.

The Ion text is read by the pure-Python reader of Amazon's ``amazon.ion`` library, so errors are
``IonError``s whose message, what ``fromIon`` puts after ``Invalid ion:``, is that library's account
of the problem and not ion-java's: it says what is wrong in its own words, with the character
position (counted from 1) where the library gives one, and the library accepts or refuses a few
inputs ion-java treats otherwise. Syntax and symbol-table errors keep the prefix Jackson's
``IonParser`` puts on ion-java's errors ("Corrupt content to decode; underlying `IonReader`
problem: ..."); the messages of java.time and of Kestra's own checks on annotated values are Java's
as Kestra shows them; flowls' own bounds (input size, nesting, int digits) have their own messages.
"""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import NamedTuple

from amazon.ion.core import IonEventType, IonType, Timestamp
from amazon.ion.reader import NEXT_EVENT, blocking_reader
from amazon.ion.reader_managed import managed_reader
from amazon.ion.reader_text import text_reader
from amazon.ion.symbols import SymbolToken

from flowls.pebble import java_time as jt
from flowls.pebble.ion_text_writer import Node, WriteError, write

# The pure-Python reader costs some 20 microseconds a character, so this keeps a load near two seconds.
MAX_TEXT = 100_000
MAX_INT_DIGITS = 4300  # CPython's default int/str conversion limit; BigInteger has none
_INT_BOUND = 10**MAX_INT_DIGITS
_CONTENT = "Corrupt content to decode; underlying `IonReader` problem: "
# The reader's syntax errors end with a dump of its internal buffer, which tells a user nothing.
_ILLEGAL = re.compile(r"Illegal character (?P<char>EOF|.) (?P<rest>at position .*?)\s*Pending value: .*", re.DOTALL)
_PENDING = re.compile(r"\s*Pending value: .*", re.DOTALL)
_EPOCH_DAY = date(1970, 1, 1).toordinal()
_MILLIS_PER_DAY = 86_400_000


class IonError(Exception):
    """Ion Kestra cannot read or write; ``message`` is what Kestra reports (see the module docstring)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def dump(value: object) -> str:
    """``toIon``: Ion text of a JSON-like value (None is ``null``). An IonError carries Jackson's
    message; Kestra reports ``Unable to transform to ion value '<value>' with type '<class>'``."""
    try:
        return write(value)
    except WriteError as error:
        raise IonError(str(error)) from None


def load(text: str, all_rows: bool, *, time_zone: str = "UTC", max_depth: int = 200) -> object:
    """``fromIon``: the first top-level value (None if there is none), or with ``all_rows`` the list of
    them all. Kestra reads on past the first value and drops any error found there; we stop.

    ``time_zone`` is the server's default zone (a ``ZoneId.of`` id), in which Kestra's JSON writer
    shows ZonedDateTimes. ``max_depth`` bounds nesting (each level costs a few Python frames, so keep
    it to a few hundred). A java.time value outside years 1-9999 raises ``java_time.Unsupported``."""
    if len(text) > MAX_TEXT:
        raise IonError(f"Ion text of more than {MAX_TEXT} characters")
    rows = _Reader(text, jt.zone_of(time_zone), max_depth).rows()
    if all_rows:
        return list(rows)
    return next(rows, None)


class _Event(NamedTuple):
    """A reader event with its lazy parts (field name, annotations, scalar value) resolved."""

    kind: IonEventType
    type: IonType
    value: object
    field: SymbolToken | None
    annotations: tuple[SymbolToken, ...]
    depth: int


class _Reader:
    """Jackson's ``UntypedObjectDeserializer`` over Kestra's ``IonParser``, on amazon.ion's events."""

    def __init__(self, text: str, zone: jt.Zone, max_depth: int) -> None:
        # Not simpleion, which prefers the C extension where one is installed: that one accepts invalid
        # text (``0x``, ``1e``, ``a::``), names errors by code alone (IERR_INVALID_SYNTAX) and refuses
        # long strings, so what fromIon reports would depend on the platform's wheel.
        self._events = blocking_reader(managed_reader(text_reader(is_unicode=True)), io.StringIO(text))
        self._end = len(text) + 1
        self._zone = zone
        self._max_depth = max_depth

    def rows(self) -> Iterator[object]:
        while (event := self._next()).kind is not IonEventType.STREAM_END:
            yield self._value(event)

    def _next(self) -> _Event:
        try:
            event = self._events.send(NEXT_EVENT)
            # Symbol IDs in field names and annotations resolve on first use, and may fail then.
            field, annotations = event.field_name, event.annotations
        except Exception as error:
            raise IonError(_CONTENT + _plain(error)) from None
        value = None
        if event.event_type is IonEventType.SCALAR:
            try:
                value = event.value
            except Exception as error:
                if event.ion_type is IonType.INT:  # int() of the checked digits fails only past CPython's limit
                    raise IonError(f"Ion int of more than {MAX_INT_DIGITS} digits") from None
                raise IonError(f"Invalid {event.ion_type.name.lower()}: {_plain(error)}") from None
            if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= _INT_BOUND:
                raise IonError(f"Ion int of more than {MAX_INT_DIGITS} digits")  # hex and binary ints reach here
        return _Event(event.event_type, event.ion_type, value, field, annotations, event.depth)

    def _children(self, container: _Event) -> Iterator[_Event]:
        """The items of a container whose start was just read; the caller reads each in full before the next."""
        if container.depth >= self._max_depth:
            raise IonError(f"Ion nesting deeper than {self._max_depth} levels")
        while (event := self._next()).kind is not IonEventType.CONTAINER_END:
            if event.kind is IonEventType.STREAM_END:  # the reader ends the stream inside an unclosed container
                name = container.type.name
                raise IonError(f"{_CONTENT}Unexpected EOF at position {self._end} in unclosed {name} value.")
            if container.type is IonType.STRUCT and event.field is None:  # the reader lets a bare symbol pass: {a}
                raise IonError(f"{_CONTENT}a struct item without a field name")
            yield event

    def _value(self, event: _Event) -> object:
        if event.annotations:
            return self._embedded(event)
        if event.kind is IonEventType.CONTAINER_START:
            if event.type is IonType.STRUCT:
                fields: dict[str, object] = {}
                for item in self._children(event):
                    fields[_text(item.field)] = self._value(item)
                return fields
            return [self._value(item) for item in self._children(event)]
        value = event.value
        if value is None:  # any null
            return None
        if event.type in (IonType.TIMESTAMP, IonType.BLOB, IonType.CLOB):
            return self._timestamp_or_lob(event)
        if isinstance(value, SymbolToken):
            return _text(value)
        if isinstance(value, Decimal):
            return float(value)
        return value  # bool, int, float or str

    def _timestamp_or_lob(self, event: _Event) -> object:
        if isinstance(event.value, bytes):
            return base64.b64encode(event.value).decode()
        if isinstance(event.value, Timestamp):
            return self._timestamp(event.value)
        if event.type is IonType.TIMESTAMP:  # Kestra's parser then calls calendarValue() on null
            raise IonError('Cannot invoke "com.amazon.ion.Timestamp.calendarValue()" because "timestamp" is null')
        return None

    def _embedded(self, event: _Event) -> object:
        """Kestra's ``IonParser.getEmbeddedObject`` for an annotated value."""
        type_id = event.annotations[0].text
        if type_id in _JAVA_TIME:
            if event.type not in (IonType.STRING, IonType.SYMBOL):  # ion-java's stringValue() refuses them
                raise IonError(f"Unexpected value type: {event.type.name}")
            if event.value is None:
                raise IonError("text")  # the NullPointerException of DateTimeFormatter.parse(null)
            text = _text(event.value) if isinstance(event.value, SymbolToken) else str(event.value)
            try:
                return self._java_time(type_id, text)
            except jt.JavaError as error:
                raise IonError(error.message) from None
        if event.kind is IonEventType.SCALAR and event.type in (IonType.TIMESTAMP, IonType.BLOB, IonType.CLOB):
            return self._timestamp_or_lob(event)
        return write(self._node(event), ascii_only=True)

    def _node(self, event: _Event) -> object:
        """The value as an ``IonValue`` (``IonWriter.writeValue(reader)``), for its ``toString``."""
        kind = event.type.name.lower()
        annotations = tuple(_token(a) for a in event.annotations)
        if event.kind is IonEventType.CONTAINER_START:
            items = self._children(event)
            if event.type is IonType.STRUCT:
                return Node(kind, [(_token(item.field), self._node(item)) for item in items], annotations)
            return Node(kind, [self._node(item) for item in items], annotations)
        value = event.value
        if isinstance(value, SymbolToken):
            return Node(kind, _token(value), annotations)
        if isinstance(value, Timestamp):
            return Node(kind, _IonTimestamp.of(value), annotations)
        if event.type in (IonType.BOOL, IonType.INT, IonType.FLOAT, IonType.STRING) and not annotations:
            return value
        return Node(kind, value, annotations)

    def _java_time(self, type_id: str, text: str) -> str:
        """``<type_id>.parse(text)``, as Jackson's JavaTimeModule then writes it."""
        formatter = jt.PREDEFINED[_JAVA_TIME[type_id]]
        if type_id == "Instant":
            instant = formatter.parse(text, lambda p: (p.fields[jt.INSTANT_SECONDS], p.fields[jt.NANO_OF_SECOND]))
            return _instant_text(*instant)
        if type_id == "OffsetDateTime":
            return self._zoned_text(*formatter.parse(text, lambda p: (p.fields[jt.INSTANT_SECONDS], p.time[3])))
        if type_id == "ZonedDateTime":
            zoned = formatter.parse(text, jt.query_zoned)
            return self._zoned_text(zoned.epoch_second, zoned.nano)
        if type_id == "LocalDate":
            return formatter.parse(text, jt.query_local_date).isoformat()
        if type_id == "LocalDateTime":
            moment, nano = formatter.parse(text, jt.query_local_date_time)
            return f"{moment.date().isoformat()}T{_time_text(_seconds(moment), nano, minimal=True)}"
        hour, minute, second, nano, offset = formatter.parse(text, lambda p: (*p.time, p.fields.get(jt.OFFSET_SECONDS)))
        if type_id == "LocalTime":
            return _time_text(hour * 3600 + minute * 60 + second, nano, minimal=True)
        return _local_time_text(hour, minute, second, nano) + jt.offset_id(offset)  # OffsetTime.toString

    def _timestamp(self, ts: Timestamp) -> str:
        millis = _epoch_millis(ts)
        if not ts.utcoffset():
            if millis % _MILLIS_PER_DAY == 0:
                return _date_text(millis // _MILLIS_PER_DAY)
            return _instant_text(millis // 1000, millis % 1000 * 1_000_000)
        return self._zoned_text(millis // 1000, millis % 1000 * 1_000_000)

    def _zoned_text(self, epoch_second: int, nano: int) -> str:
        """A ZonedDateTime or OffsetDateTime as Jackson writes it: ISO_OFFSET_DATE_TIME, moved to the
        mapper's time zone."""
        clamped = min(max(epoch_second, -62135596800), 253402300799)  # Python's years 1-9999
        offset = self._zone.offset_at(datetime.fromtimestamp(clamped, UTC).replace(tzinfo=None))
        local = epoch_second + offset
        days, second = divmod(local, 86400)
        return f"{_date_text(days)}T{_time_text(second, nano, minimal=True)}{jt.offset_id(offset)}"


def _text(token: SymbolToken | None) -> str:
    """A symbol's or field name's text, which Kestra's parser needs."""
    assert token is not None  # _children refuses a struct item without a field name
    if token.text is None:
        raise IonError(f"{_CONTENT}symbol ${token.sid} has no known text")
    return token.text


def _token(token: SymbolToken | None) -> str | int:
    """A symbol as an IonValue keeps it: its text, else its SID."""
    assert token is not None
    return token.sid if token.text is None else token.text


def _plain(error: Exception) -> str:
    """The library's message without its reader internals; the offending character quoted, as it
    may be a control or a lone surrogate."""
    if isinstance(error, UnicodeDecodeError):  # an escape beyond Unicode, whose positions are the escape's own
        return f"invalid escape in a string: {error.reason}"
    message = str(error)
    if match := _ILLEGAL.fullmatch(message):
        char = match["char"]
        return f"Illegal character {char if char == 'EOF' else repr(char)} {match['rest']}"
    return _PENDING.sub("", message) or type(error).__name__


class _IonTimestamp(NamedTuple):
    """A timestamp as ``ion_text_writer.ion_timestamp`` prints it: the fields as written."""

    year: int
    month: int
    day: int
    hour: int
    minute: int
    second: int
    fraction: str | None  # the digits after the point
    offset: int | None  # minutes east of UTC; None when unknown (-00:00)
    precision: str  # year, month, day, minute or second

    @classmethod
    def of(cls, ts: Timestamp) -> _IonTimestamp:
        # The fraction's exponent keeps the digits as written: .000 is three digits, not none.
        fraction = Decimal(ts.fractional_seconds or 0)
        digits = -int(fraction.as_tuple().exponent)
        offset = ts.utcoffset()
        return cls(
            ts.year, ts.month, ts.day, ts.hour, ts.minute, ts.second,
            f"{int(fraction.scaleb(digits)):0{digits}d}" if digits > 0 else None,
            None if offset is None else int(offset.total_seconds()) // 60,
            ts.precision.name.lower(),
        )  # fmt: skip


# --- java.time ------------------------------------------------------------------------------------

# The classes Kestra's IonModule writes as annotated strings, and the formatters their parse uses.
_JAVA_TIME = {
    "Instant": "ISO_INSTANT",
    "OffsetDateTime": "ISO_OFFSET_DATE_TIME",
    "ZonedDateTime": "ISO_ZONED_DATE_TIME",
    "LocalDateTime": "ISO_LOCAL_DATE_TIME",
    "LocalDate": "ISO_LOCAL_DATE",
    "OffsetTime": "ISO_OFFSET_TIME",
    "LocalTime": "ISO_LOCAL_TIME",
}


def _seconds(moment: datetime) -> int:
    return moment.hour * 3600 + moment.minute * 60 + moment.second


def _epoch_millis(ts: Timestamp) -> int:
    """``Timestamp.getMillis``: ``Date.UTC`` on the UTC fields, Julian before the Gregorian cutover,
    the fraction truncated to milliseconds."""
    offset = ts.utcoffset()
    local = (ts.toordinal() - _EPOCH_DAY) * 86400 + _seconds(ts)
    days, second = divmod(local - (int(offset.total_seconds()) if offset else 0), 86400)
    year, month, day = _civil(days)
    if (year, month, day) < (1582, 10, 15):
        days = _julian_days(year, month, day)
    millis = int(Decimal(ts.fractional_seconds or 0) * 1000)
    return (days * 86400 + second) * 1000 + millis


def _julian_days(year: int, month: int, day: int) -> int:
    a = (14 - month) // 12
    y, m = year + 4800 - a, month + 12 * a - 3
    return day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083 - 2440588


def _civil(days: int) -> tuple[int, int, int]:
    """The proleptic Gregorian date ``days`` after 1970-01-01."""
    era, doe = divmod(days + 719468, 146097)
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (month <= 2), month, doy - (153 * mp + 2) // 5 + 1


def _date_text(days: int) -> str:
    """``LocalDate.toString``."""
    year, month, day = _civil(days)
    year_text = f"+{year}" if year > 9999 else f"{year:04d}"
    return f"{year_text}-{month:02d}-{day:02d}"


def _time_text(second_of_day: int, nano: int, minimal: bool) -> str:
    """``HH:mm:ss`` and the fraction: as few digits as it has (ISO_LOCAL_TIME), or in groups of three
    (``Instant.toString``)."""
    hour, rest = divmod(second_of_day, 3600)
    text = f"{hour:02d}:{rest // 60:02d}:{rest % 60:02d}"
    if not nano:
        return text
    if minimal:
        return text + f".{nano:09d}".rstrip("0")
    return text + "." + f"{nano:09d}"[: 3 if nano % 1_000_000 == 0 else 6 if nano % 1000 == 0 else 9]


def _local_time_text(hour: int, minute: int, second: int, nano: int) -> str:
    """``LocalTime.toString``: seconds only when they or the fraction are not zero."""
    if not (second or nano):
        return f"{hour:02d}:{minute:02d}"
    return _time_text(hour * 3600 + minute * 60 + second, nano, minimal=False)


def _instant_text(epoch_second: int, nano: int) -> str:
    """``Instant.toString`` (ISO_INSTANT)."""
    days, second = divmod(epoch_second, 86400)
    return f"{_date_text(days)}T{_time_text(second, nano, minimal=False)}Z"
