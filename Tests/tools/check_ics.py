"""Reads an iCalendar file with the `icalendar` package; prints its events as JSON, or fails. A
repeating timed event gives its first occurrences, expanded by python-dateutil (which `icalendar`
depends on) from DTSTART in its own zone, as a calendar app expands them; in UTC, ISO 8601."""
import datetime
import itertools
import json
import sys

from dateutil.rrule import rrulestr
from icalendar import Calendar


def occurrences(event, count=6):
    start = event.decoded("DTSTART")
    if "RRULE" not in event or not isinstance(start, datetime.datetime):
        return []
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
    utc = (moment.astimezone(datetime.timezone.utc) for moment in rule)
    return [moment.strftime("%Y-%m-%dT%H:%M:%SZ") for moment in itertools.islice(utc, count)]


calendar = Calendar.from_ical(open(sys.argv[1], "rb").read())
events = []
for event in calendar.walk("VEVENT"):
    for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
        if required not in event:
            sys.exit(f"an event lacks {required}: {event.get('UID')}")
    conferences = event.get("CONFERENCE", [])
    if not isinstance(conferences, list):
        conferences = [conferences]
    exdates = event.get("EXDATE", [])
    if not isinstance(exdates, list):
        exdates = [exdates]
    events.append({
        "uid": str(event["UID"]),
        "summary": str(event["SUMMARY"]),
        "start": event.decoded("DTSTART").isoformat(),
        "url": str(event["URL"]) if "URL" in event else None,
        "conference": [str(c) for c in conferences],
        "rrule": event["RRULE"].to_ical().decode() if "RRULE" in event else None,
        "exdates": sum(len(e.dts) for e in exdates),
        "occurrences": occurrences(event),
    })
print(json.dumps(events, ensure_ascii=False))
