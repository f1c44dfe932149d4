"""Publication dates as sources give them: ISO 8601, RFC 822 (feeds) or DD/MM/YYYY.

The calendar date is taken as written at the source (a time-zone offset does not move it to
another day): an article dated ``2017-01-20T23:30:00+01:00`` was published on 20 January.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_tz

from marsad.errors import ConfigError

_ISO_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_DMY_RE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s.*)?$")
_COMPACT_RE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T.*)?$")

ACCEPTED = "YYYY-MM-DD (ISO 8601, with or without a time), DD/MM/YYYY, or an RFC 822 date"


def parse_published(value: object, *, strict: bool = True) -> date | None:
    """A publication date from a date, a datetime or a string in one of the accepted forms.

    Returns None for None or an empty string. A string in no accepted form raises ConfigError
    when ``strict`` (a user's option), and gives None otherwise (metadata read during ingest).
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    for regex, order in ((_ISO_RE, "ymd"), (_DMY_RE, "dmy"), (_COMPACT_RE, "ymd")):
        m = regex.match(text)
        if m:
            a, b, c = (int(g) for g in m.groups())
            y, mo, d = (a, b, c) if order == "ymd" else (c, b, a)
            try:
                return date(y, mo, d)
            except ValueError:
                break
    parsed = parsedate_tz(text)
    if parsed is not None:
        try:
            return date(parsed[0], parsed[1], parsed[2])
        except ValueError:
            pass
    if strict:
        raise ConfigError(f"cannot read the publication date {text!r}: give it as {ACCEPTED}")
    return None
