"""What SQLite spends writing a sync's deltas on the replica's schema, and on variants of it.

Writes deltas the way the writer does during a sync (the id and record look-ups, the `records` row,
the `deltas` row and its indexes, the `jobs` row and its indexes, the full-text entry), in
transactions of 2 000, on the tables of a fresh replica made by `artel init`, with its settings.
Count instructions rather than time, which the host's load moves (BENCHMARKS.md, issue 16):

    artel init --data /tmp/fresh --name scratch
    valgrind --tool=callgrind --toggle-collect=sqlite3_step --callgrind-out-file=cg.out \\
        python3 Tests/bench/schema_cost.py /tmp/fresh/artel.sqlite as-is 30000
    grep totals cg.out

Variants: `as-is`; `id-key` (the delta's id indexed by its first 8 bytes as an integer);
`no-record-index` (no `deltas_by_record`); `no-search` (no full-text entry); `no-job` (no `jobs` row
and no full-text entry). The full-text index uses FTS5's `unicode61` tokenizer: Artel's own
(`artel_words`) lives in the artel binary and cannot be loaded here.
"""

import os
import random
import sqlite3
import sys
import time

TABLES = ("scopes", "records", "deltas", "jobs")
WORDS = (
    "комьюнити менеджер сообщество развитие мероприятия участники контент задачи требования опыт "
    "работы зарплата удаленно москва офис график полный день лидер команды проект"
).split()


def replica_schema(replica: str, variant: str) -> list[str]:
    """The replica's statements for the tables a sync writes, changed as the variant says."""
    source = sqlite3.connect(f"file:{replica}?mode=ro", uri=True)
    rows = source.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN (?, ?, ?, ?) AND sql IS NOT NULL", TABLES
    ).fetchall()
    statements = []
    for kind, name, sql in rows:
        if variant == "no-record-index" and name == "deltas_by_record":
            continue
        if variant == "id-key" and name == "deltas":
            sql = sql.replace("id BLOB NOT NULL UNIQUE", "id_key INTEGER NOT NULL, id BLOB NOT NULL")
        statements.append((0 if kind == "table" else 1, sql))
    statements.append((1, "CREATE VIRTUAL TABLE jobs_search USING fts5 (title, employer, text, tags, city, "
                          "content = '', detail = none, columnsize = 0)"))
    if variant == "id-key":
        statements.append((1, "CREATE INDEX deltas_by_key ON deltas (id_key)"))
    return [sql for _, sql in sorted(statements, key=lambda pair: pair[0])]


def main(replica: str, variant: str, count: int) -> None:
    path = f"/tmp/schema-cost-{variant}.sqlite"
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    db = sqlite3.connect(path, isolation_level=None)
    for pragma in ("page_size = 16384", "journal_mode = WAL", "synchronous = NORMAL", "cache_size = -65536"):
        db.execute(f"PRAGMA {pragma}")
    for sql in replica_schema(replica, variant):
        db.execute(sql)
    db.execute("INSERT INTO scopes (id, community, kind) VALUES (1, zeroblob(32), 1)")
    random.seed(1)
    deltas = [(os.urandom(16), os.urandom(32), " ".join(random.choices(WORDS, k=30))) for _ in range(count)]
    blob, hlc = os.urandom(531), 1_700_000_000_000 << 16
    started = time.process_time()
    for first in range(0, count, 2000):
        db.execute("BEGIN")
        for record_id, delta_id, text in deltas[first:first + 2000]:
            key = int.from_bytes(delta_id[:8], "little", signed=True)
            if variant == "id-key":
                db.execute("SELECT rowid, id FROM deltas WHERE id_key = ?", (key,)).fetchall()
            else:
                db.execute("SELECT rowid FROM deltas WHERE id = ?", (delta_id,)).fetchone()
            db.execute("SELECT rowid FROM records WHERE scope = 1 AND record_id = ?", (record_id,)).fetchone()
            record = db.execute("INSERT INTO records (scope, record_id) VALUES (1, ?)", (record_id,)).lastrowid
            hlc += random.randint(1, 1000)
            columns, values = "id, record, scope, hlc, expiry, bytes", [delta_id, record, 1, hlc, 0, blob]
            if variant == "id-key":
                columns, values = "id_key, " + columns, [key] + values
            db.execute(f"INSERT INTO deltas ({columns}) VALUES ({', '.join('?' * len(values))})", values)
            if variant == "no-job":
                continue
            db.execute(
                "INSERT INTO jobs (rowid, scope, updated, expiry, title, employer, employment, tags, date_posted, "
                "location_city) VALUES (?, 1, ?, 0, ?, 'Компания', '[\"full_time\"]', '[]', ?, 'Москва')",
                (record, hlc >> 16, text[:40], random.randint(0, 10**12)),
            )
            if variant != "no-search":
                db.execute(
                    "INSERT INTO jobs_search (rowid, title, employer, text, tags, city) "
                    "VALUES (?, ?, 'Компания', ?, '', 'Москва')",
                    (record, text[:40], text),
                )
        db.execute("COMMIT")
    seconds = time.process_time() - started
    print(f"{variant}: {count} deltas, {seconds / count * 1e6:.1f} µs of CPU a delta, {os.path.getsize(path) / 1e6:.1f} MB")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 30000)
