"""Expands a JSON-LD document with `pyld`; checks what Google asks of events and job postings.

The tests run offline, so https://schema.org resolves to a context that maps every term into the
schema.org vocabulary; pyld still checks that the document is well-formed JSON-LD.
"""
import json
import sys

from pyld import jsonld

SCHEMA = "https://schema.org/"


def loader(url, options=None):
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
                "document": {"@context": {"@vocab": SCHEMA}}}
    raise jsonld.JsonLdError("offline", "jsonld.LoadDocumentError", {"url": url})


jsonld.set_document_loader(loader)
document = json.load(open(sys.argv[1], encoding="utf-8"))
expanded = jsonld.expand(document)
nodes = expanded[0].get("@graph", expanded) if expanded and "@graph" in expanded[0] else expanded
problems = []
summary = []
for node in nodes:
    types = node.get("@type", [])
    def has(name):
        return SCHEMA + name in node
    if SCHEMA + "Event" in types:
        for name in ("name", "startDate", "location", "eventAttendanceMode"):
            if not has(name):
                problems.append(f"an event lacks {name}")
        locations = [l.get("@type", [""])[0].removeprefix(SCHEMA) for l in node.get(SCHEMA + "location", [])]
        summary.append({"type": "Event", "locations": locations})
    elif SCHEMA + "JobPosting" in types:
        for name in ("title", "description", "datePosted", "hiringOrganization", "validThrough"):
            if not has(name):
                problems.append(f"a job posting lacks {name}")
        remote = any(v.get("@value") == "TELECOMMUTE" for v in node.get(SCHEMA + "jobLocationType", []))
        if not remote and not has("jobLocation"):
            problems.append("a job posting that is not remote lacks jobLocation")
        summary.append({"type": "JobPosting", "remote": remote})
if problems:
    sys.exit("; ".join(problems))
print(json.dumps(summary))
