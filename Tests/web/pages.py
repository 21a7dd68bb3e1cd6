"""Every page of the site the browser tests check: no horizontal scroll at 375 and 1280 px (with a
screenshot of each), no serious or critical axe-core violation, no Nu validator error.

One line a page. A path may name the records the federation fixture made, in braces:
  {job}        the Yandex vacancy's id          {markup_job}  the vacancy whose fields hold markup
  {community}  the community's key (64 hex)     {event}       the online mastermind's id
  {digest}     the digest of the week's jobs    {month}       the mastermind's month, YYYY-MM
  {proposal}   the number of a visitor's event proposal that waits for the editor
(conftest.py's `federation` makes them; a page that needs another record adds it to `records` there).
Add a page here when its route lands: every page issue 14 asks for is listed now.

A page with an `account` is checked signed in as that account of seed.ACCOUNTS (on node a, which
holds the accounts): the browser carries its session cookie, and the validator's copy is fetched with it.
"""

from typing import NamedTuple


class Page(NamedTuple):
    # A short name: the screenshots' and the test ids' (letters, digits, dashes).
    name: str
    # The path on the node, with {…} filled from the fixture's records.
    path: str
    # The node that serves it: "b" follows "a", so its pages show federated records.
    node: str = "b"
    # The HTTP status the page answers with.
    status: int = 200
    # The account of seed.ACCOUNTS it is seen signed in as; empty for a visitor.
    account: str = ""


PAGES: list[Page] = [
    Page("board", "/"),
    Page("board-en", "/?lang=en"),
    Page("board-filtered", "/?work_mode=remote&salary_min=120000&sort=salary"),
    Page("board-bad-filter", "/?salary_min=%3Cb%3E&community=nope", status=400),
    Page("board-empty", "/?q=%D0%BD%D0%B5%D1%82%D1%82%D0%B0%D0%BA%D0%BE%D0%B9"),
    Page("job", "/jobs/{job}"),
    Page("job-en", "/jobs/{job}?lang=en"),
    Page("job-markup", "/jobs/{markup_job}"),
    Page("job-on-origin", "/jobs/{job}", node="a"),
    Page("job-missing", "/jobs/00000000000000000000000000000000", status=404),
    Page("events", "/events"),
    Page("events-online", "/events?attendance=online"),
    Page("events-calendar", "/events/calendar?month={month}"),
    Page("events-calendar-en", "/events/calendar?month={month}&lang=en"),
    Page("events-calendar-bad", "/events/calendar?month=2026-13", status=400),
    Page("event", "/events/{event}"),
    Page("communities", "/communities"),
    Page("community", "/communities/{community}"),
    Page("community-on-origin", "/communities/{community}", node="a"),
    Page("digests", "/digests"),
    Page("digest", "/digests/{digest}"),
    Page("market", "/market"),
    Page("node", "/node"),
    Page("node-origin", "/node", node="a"),
    Page("embed-jobs", "/embed/jobs?community={community}"),
    Page("embed-events", "/embed/events?community={community}"),
    Page("no-such-page", "/vakansii", status=404),
    Page("signin", "/signin", node="a"),
    Page("signin-en", "/signin?lang=en", node="a"),
    Page("board-signed-in", "/", node="a", account="editor"),
    Page("editor", "/editor", node="a", account="editor"),
    Page("editor-en", "/editor?lang=en", node="a", account="editor"),
    Page("editor-new-job", "/editor/jobs/new", node="a", account="editor"),
    Page("editor-edit-job", "/editor/jobs/{job}/edit", node="a", account="editor"),
    Page("editor-close-job", "/editor/jobs/{job}/close", node="a", account="editor"),
    Page("editor-delete-job", "/editor/jobs/{job}/delete", node="a", account="editor"),
    Page("editor-refused", "/editor", node="a", account="moderator", status=403),
    Page("moderation", "/moderation", node="a", account="moderator"),
    Page("moderation-en", "/moderation?lang=en", node="a", account="moderator"),
    Page("moderation-done", "/moderation?done=hide&id={job}", node="a", account="moderator"),
    Page("moderation-quarantine", "/moderation/quarantine", node="a", account="moderator"),
    Page("moderation-refusals", "/moderation/refusals", node="a", account="moderator"),
    Page("moderation-record", "/moderation/records/{job}", node="a", account="moderator"),
    Page("moderation-block", "/moderation/block?target=community&key={community}", node="a", account="moderator"),
    Page("moderation-hide", "/moderation/hide?id={job}", node="a", account="moderator"),
    Page("moderation-bad-key", "/moderation/block?target=author&key=abc", node="a", account="moderator", status=400),
    Page("moderation-refused", "/moderation", node="a", account="editor", status=403),
    Page("job-moderator", "/jobs/{job}", node="a", account="moderator"),
    Page("propose-job", "/propose/job", node="a"),
    Page("propose-job-en", "/propose/job?lang=en&community={community}", node="a"),
    Page("propose-nobody", "/propose/job", status=404),
    Page("propose-thanks", "/propose/thanks", node="a"),
    Page("propose-event", "/propose/event", node="a"),
    Page("propose-event-en", "/propose/event?lang=en&community={community}", node="a"),
    Page("propose-event-nobody", "/propose/event", status=404),
    Page("propose-event-thanks", "/propose/thanks?kind=event", node="a"),
    Page("editor-proposals", "/editor/proposals", node="a", account="editor"),
    Page("proposal-review-event", "/editor/proposals/{proposal}", node="a", account="editor"),
    Page("proposal-review-event-en", "/editor/proposals/{proposal}?lang=en", node="a", account="editor"),
    Page("editor-import", "/editor/import", node="a", account="editor"),
    Page("editor-new-event", "/editor/events/new", node="a", account="editor"),
    Page("editor-edit-event", "/editor/events/{event}/edit", node="a", account="editor"),
    Page("editor-cancel-event", "/editor/events/{event}/cancel", node="a", account="editor"),
    Page("editor-renew-job", "/editor/jobs/{job}/renew", node="a", account="editor"),
    Page("editor-digest", "/editor/digests/new?from=2000-01-01&until=2100-01-01", node="a", account="chief"),
]
