"""Checks a feed: Atom with `feedparser`, JSON Feed with its schema (`jsonschema`; feedparser 6 reads
no JSON Feed); prints its title, links and entries as JSON, or fails."""
import json
import pathlib
import sys

import feedparser
import jsonschema

path = sys.argv[1]
text = open(path, "rb").read()
if path.endswith(".json"):
    schema = json.loads((pathlib.Path(__file__).parent / "jsonfeed-1.1.schema.json").read_text())
    feed = json.loads(text)
    jsonschema.validate(feed, schema, format_checker=jsonschema.FormatChecker())
    links = [{"rel": rel, "href": feed[key]} for rel, key in (("self", "feed_url"), ("alternate", "home_page_url"))
             if key in feed]
    entries = [{"id": item["id"], "title": item.get("title")} for item in feed["items"]]
    print(json.dumps({"title": feed["title"], "links": links, "entries": entries}, ensure_ascii=False))
    sys.exit(0)
parsed = feedparser.parse(text)
if parsed.bozo:
    sys.exit(f"feedparser refuses {path}: {parsed.bozo_exception}")
print(json.dumps({
    "title": parsed.feed.get("title"),
    "links": [{"rel": link.get("rel"), "href": link.get("href")} for link in parsed.feed.get("links", [])],
    "entries": [{"id": entry.get("id"), "title": entry.get("title")} for entry in parsed.entries],
}, ensure_ascii=False))
