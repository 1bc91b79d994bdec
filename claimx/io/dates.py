"""Dates as corpora write them, made comparable: ISO 8601 («2018-10-11», «2018-10-11T09:00Z»),
RFC 2822 as feeds and e-mail write it («Thu, 11 Oct 2018 09:00:00 GMT»), and Arabic dates
with a month name («11 أكتوبر 2018», «الخميس 11 تشرين الأول 2018»), in Western or
Arabic-Indic digits.

A record's date is kept as written; only its order is taken from what it means. A date
none of these readings understands sorts after every date that is read, by its text.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import cache, lru_cache

from claimx.extraction.gazetteer import calendar

# An Arabic date: a day, a month name (perhaps two names: «تشرين الأول/أكتوبر»), a year,
# and perhaps a time after it.
_ARABIC_DATE = re.compile(r"(?P<day>\d{1,2})\s*(?P<month>[^\d]+?)\s*(?P<year>\d{4})"
                          r"(?:\D{1,12}?(?P<hour>\d{1,2}):(?P<minute>\d{2}))?")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                          "ـ": None})
_MARKS = re.compile("[\u064b-\u0652\u0670]")  # short vowels, shadda, sukun, dagger alef
_NAME_SPLIT = re.compile(r"\s*[/()\-–,،]\s*")
_FILLER = ("من", "شهر")  # «11 من شهر أكتوبر 2018»


def date_key(value: str) -> tuple[int, str]:
    """A sort key for a date as written: ``(0, "YYYY-MM-DDTHH:MM:SS")`` (UTC where the date
    names its zone) for a date that is read, ``(1, value)`` for one that is not."""
    moment = parse_date(value)
    return (1, value) if moment is None else (0, moment.strftime("%Y-%m-%dT%H:%M:%S"))


@lru_cache(maxsize=4096)  # a corpus repeats its dates: each is read once
def parse_date(value: str) -> datetime | None:
    """The moment ``value`` names, or ``None`` when no reading understands it."""
    text = value.strip()
    for reading in (_iso, _rfc_2822, _arabic):
        moment = reading(text)
        if moment is not None:
            return _naive_utc(moment)
    return None


def _iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _rfc_2822(text: str) -> datetime | None:
    """«Thu, 11 Oct 2018 09:00:00 GMT», the date of feeds and mail headers."""
    from email.utils import parsedate_to_datetime

    if not re.search("[A-Za-z]", text):
        return None
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _arabic(text: str) -> datetime | None:
    """«الخميس 11 تشرين الأول 2018 - 09:30», «١١ أكتوبر ٢٠١٨»."""
    match = _ARABIC_DATE.search(text.translate(_DIGITS))
    if match is None:
        return None
    month = _month_number(match["month"])
    if month is None:
        return None
    try:
        return datetime(int(match["year"]), month, int(match["day"]),
                        int(match["hour"] or 0), int(match["minute"] or 0))
    except ValueError:  # «31 شباط 2018»
        return None


def _month_number(words: str) -> int | None:
    """The month a name names; of two names («تشرين الأول/أكتوبر») the first known."""
    names = month_names()
    for part in _NAME_SPLIT.split(fold(words)):
        kept = [w for w in part.split() if w not in _FILLER]
        number = names.get(" ".join(kept))
        if number is not None:
            return number
    return None


def fold(text: str) -> str:
    """Arabic spelling variants folded: alef forms, alef maqsura, taa marbuta, marks."""
    return _MARKS.sub("", text.translate(_LETTERS))


@cache
def month_names() -> dict[str, int]:
    """Folded month name → month number, from the data file."""
    return {fold(name): number for name, number in calendar()[0].items()}


def _naive_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)
