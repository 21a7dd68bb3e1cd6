"""Reads an iCalendar file with the `icalendar` package; prints its events as JSON, or fails."""
import json
import sys

from icalendar import Calendar

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
    })
print(json.dumps(events, ensure_ascii=False))
