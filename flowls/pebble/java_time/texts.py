"""The texts of the en/en_US locale (CLDR, as Java 25 has it): month, day, era, quarter and AM/PM names,
day periods, and the localized date-time patterns."""

from __future__ import annotations

from flowls.pebble.java_time.errors import Unsupported
from flowls.pebble.java_time.fields import AMPM_OF_DAY, DAY_OF_WEEK, ERA, MONTH_OF_YEAR, Field

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ERAS = {"FULL": ("Before Christ", "Anno Domini"), "SHORT": ("BC", "AD"), "NARROW": ("B", "A")}
_QUARTERS = {
    "FULL": ("1st quarter", "2nd quarter", "3rd quarter", "4th quarter"),
    "SHORT": ("Q1", "Q2", "Q3", "Q4"),
    "NARROW": ("1", "2", "3", "4"),
}
_STYLE_LENGTH = {"FULL": None, "SHORT": 3, "NARROW": 1}


def english_texts(wanted: Field, style: str) -> dict[int, str]:
    """The names of a field's values in a TextStyle (FULL, SHORT or NARROW)."""
    if wanted is MONTH_OF_YEAR or wanted is DAY_OF_WEEK:
        names = MONTHS if wanted is MONTH_OF_YEAR else DAYS
        return {i + 1: name[: _STYLE_LENGTH[style]] for i, name in enumerate(names)}
    if wanted is ERA:
        return dict(enumerate(_ERAS[style]))
    if wanted is AMPM_OF_DAY:
        return {0: "AM", 1: "PM"}
    return {i + 1: text for i, text in enumerate(_QUARTERS[style])}


def english_only(english: bool) -> None:
    if not english:
        raise Unsupported("the texts of a locale other than en/en_US")


def day_period(minute_of_day: int, style: str) -> str:
    """``B``: DayPeriodPrinterParser with Java 25's en rules (sun.text.resources.cldr.FormatData_en's
    DayPeriodRules ``midnight:00:00;noon:12:00;morning1:00:00-12:00;afternoon1:12:00-18:00;
    evening1:18:00-21:00;night1:21:00-24:00``); JDK 17's night lasted until 06:00."""
    if minute_of_day == 0:
        return "mi" if style == "NARROW" else "midnight"
    if minute_of_day == 720:
        return "n" if style == "NARROW" else "noon"
    for end, name in ((720, "in the morning"), (1080, "in the afternoon"), (1260, "in the evening")):
        if minute_of_day < end:
            return name
    return "at night"


# Java 25's (CLDR 47) en_US date-time patterns. Since CLDR 42 the date and time are joined by ", "
# (JDK 17, with CLDR 39, had " 'at' " for FULL and LONG), and a U+202F narrow no-break space
# stands before AM/PM (JDK-8284840, Java 20).
LOCALIZED_PATTERNS = {
    "FULL": "EEEE, MMMM d, y, h:mm:ss\u202fa zzzz",
    "LONG": "MMMM d, y, h:mm:ss\u202fa z",
    "MEDIUM": "MMM d, y, h:mm:ss\u202fa",
    "SHORT": "M/d/yy, h:mm\u202fa",
}
