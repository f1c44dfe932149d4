from __future__ import annotations

from datetime import date, datetime

import pytest

from marsad.dates import parse_published
from marsad.errors import ConfigError


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-12-18", date(2025, 12, 18)),
        ("2017-01-20T21:43:00+01:00", date(2017, 1, 20)),
        ("2017-01-20T23:59:00-05:00", date(2017, 1, 20)),  # the date as written at the source
        ("2017-01-20T214300", date(2017, 1, 20)),
        ("20/01/2017", date(2017, 1, 20)),
        ("Tue, 17 Dec 2025 10:00:00 GMT", date(2025, 12, 17)),
        ("Wed, 18 Dec 2025 01:30:00 +0300", date(2025, 12, 18)),
        (date(2025, 1, 2), date(2025, 1, 2)),
        (datetime(2025, 1, 2, 23, 0), date(2025, 1, 2)),
        (None, None),
        ("", None),
    ],
)
def test_accepted_forms(value: object, expected: date | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "2025-13-01", "31/02/2025", "17 ديسمبر"])
def test_unreadable_dates_name_the_value_and_the_accepted_forms(value: str) -> None:
    with pytest.raises(ConfigError) as err:
        parse_published(value)
    assert repr(value) in str(err.value) and "YYYY-MM-DD" in str(err.value)
    assert parse_published(value, strict=False) is None
