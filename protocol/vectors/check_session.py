#!/usr/bin/env python3
"""An independent check of session.json and session-rounds.json against protocol/wire.md and protocol/encoding.md.

Written from the specification alone, without Artel's code. It recomputes the Secret Handshake
from the recorded secrets, derives both box-stream keys, decrypts and re-encrypts every frame,
decodes every application message field by field, verifies every delta carried, and replays the
session rules of wire.md §5. Negentropy (§9) is replayed from the deltas each side holds: every
message must be byte for byte the answer §9.3-9.5 give its sender, every Fingerprint range the
fingerprint (§9.2) of its sender's items in the range (the closing one of a message cut at the
frame-size limit: of the items §9.5 names), every IdList its sender's ids in the range, and no
message but the client's first longer than the frame-size limit (`frame_size_limit`, else §5.3's).
A file that states `frame_size_limit` must also show the data plane taking Fingerprints, several
round trips and a message cut at the limit. What the client learns (have, need) must be what it
offers and wants. A side's final_ids must be its initial deltas, plus those it accepted, plus the
valid ones it pushed (new deltas of its own), minus those it reported missing (pruned since it
reconciled them). Not checked: the field rules of encoding.md §7, authorization (merge.md),
timing (pings, pacing).

    python3 protocol/vectors/check_session.py [path/to/session.json ...]   (both files by default)
"""

import ctypes
import hashlib
import json
import pathlib
import sys

KINDS = ["community", "person", "membership", "tie", "job", "digest", "event", "grant", "revocation"]
CONTROL_KINDS = {1, 8, 9}                   # community, grant, revocation (wire.md §4, "Planes")
PLANES = {1: "control", 2: "data"}
TYPES = {0x01: "hello", 0x02: "version_unsupported", 0x10: "reconcile_open", 0x11: "reconcile_message",
         0x12: "reconcile_close", 0x13: "reconcile_error", 0x20: "want", 0x21: "deltas", 0x22: "push",
         0x23: "refuse", 0x24: "missing", 0x30: "ping", 0x31: "pong", 0x3F: "goodbye"}
SESSION_CODES = ["normal", "unsupported_version", "protocol_violation", "malformed_message",
                 "message_too_large", "too_many_ids", "too_many_refusals", "idle_timeout",
                 "duplicate_session", "not_allowed", "overloaded", "too_much_in_flight"]
REFUSAL_CODES = {
    100: "truncated", 101: "trailing_bytes", 102: "oversized", 103: "unsupported_version",
    104: "unknown_kind", 105: "malformed_varint", 106: "invalid_utf8", 107: "unknown_value_type",
    108: "invalid_boolean", 109: "no_operations", 110: "unknown_operation", 111: "duplicate_operation",
    112: "delete_not_alone", 113: "non_canonical", 114: "invalid_field_id", 200: "bad_signature",
    300: "future_timestamp", 301: "expired", 302: "invalid_expiry", 400: "invalid_field",
    401: "required_field", 402: "field_too_long", 403: "unknown_enum_value", 404: "invalid_url",
    405: "inverted_range", 406: "invalid_record_id", 500: "unauthorized", 501: "revoked",
    502: "outside_grant", 600: "not_followed", 700: "blocked", 701: "erased", 702: "record_deleted",
    800: "local_limit"}                     # an open set: other numbers are kept (encoding.md §10)
PEER = {"client": "server", "server": "client"}
MAX_BODY, MAX_MESSAGE, MAX_WANT, MAX_IN_FLIGHT, MAX_DELTAS_BYTES = 4096, 1 << 20, 1000, 10_000, 65_536

failures = []


def check(ok, message):
    if not ok:
        failures.append(message)
    return ok


def short(ids):                             # a readable list of delta ids for failure messages
    ids = sorted(ids)
    return "[" + ", ".join(i[:16] + "…" for i in ids[:4]) + (f" and {len(ids) - 4} more]" if len(ids) > 4 else "]")


# --- libsodium, through ctypes ---------------------------------------------------------------

def load_sodium():
    for name in ("libsodium.so.23", "libsodium.so", "/usr/lib/x86_64-linux-gnu/libsodium.so.23"):
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            continue
        if lib.sodium_init() >= 0:
            return lib
    sys.exit("libsodium (libsodium.so.23) is needed")


NA, ULL = load_sodium(), ctypes.c_ulonglong


def na(function, size, *args):
    """Calls a libsodium function whose first argument is a `size`-byte output: the bytes, or None on failure."""
    buf = ctypes.create_string_buffer(size)
    return buf.raw if getattr(NA, function)(buf, *args) == 0 else None


def sign(m, sk): return na("crypto_sign_detached", 64, None, m, ULL(len(m)), sk)
def hmac(key, m): return na("crypto_auth", 32, m, ULL(len(m)), key)              # HMAC-SHA-512-256
def dh(secret, public): return na("crypto_scalarmult", 32, secret, public)       # X25519; None if low-order
def dh_base(secret): return na("crypto_scalarmult_base", 32, secret)
def ed_pk_to_curve(pk): return na("crypto_sign_ed25519_pk_to_curve25519", 32, pk)
def ed_sk_to_curve(sk): return na("crypto_sign_ed25519_sk_to_curve25519", 32, sk)
def box(m, nonce, key): return na("crypto_secretbox_easy", 16 + len(m), m, ULL(len(m)), nonce, key)
def sha256(data): return hashlib.sha256(data).digest()
def blake2b_256(data): return hashlib.blake2b(data, digest_size=32).digest()


def unbox(c, nonce, key):                   # the plaintext, or None if it does not authenticate
    return na("crypto_secretbox_open_easy", len(c) - 16, c, ULL(len(c)), nonce, key) if len(c) >= 16 else None


def verify(sig, m, pk):                     # refuses non-canonical signatures and small-order keys
    return len(sig) == 64 and len(pk) == 32 and NA.crypto_sign_verify_detached(sig, m, ULL(len(m)), pk) == 0


def seed_keypair(seed):                     # -> (Ed25519 public key, 64-byte secret key)
    pk, sk = ctypes.create_string_buffer(32), ctypes.create_string_buffer(64)
    NA.crypto_sign_seed_keypair(pk, sk, seed)
    return pk.raw, sk.raw


# --- 1, 2. Keys and the Secret Handshake (wire.md §1, §2) ------------------------------------

def check_handshake(v):
    """Recomputes the four SHS messages; returns {side: (key, nonce)} of the stream each side sends."""
    K = bytes.fromhex(v["network_key"])
    check(K == blake2b_256(b"artel/network/public/v1"), "network_key is not BLAKE2b-256 of artel/network/public/v1")
    keys = {}
    for side in PEER:
        s = v[side]
        pk, sk = seed_keypair(bytes.fromhex(s["seed"]))
        eph_s = bytes.fromhex(s["ephemeral_secret"])
        check(pk.hex() == s["public_key"], f"{side}: seed does not give public_key")
        check(dh_base(eph_s).hex() == s["ephemeral_public"], f"{side}: ephemeral_secret does not give ephemeral_public")
        keys[side] = (pk, sk, eph_s, dh_base(eph_s))
    A_p, A_s, a_s, a_p = keys["client"]
    B_p, B_s, b_s, b_p = keys["server"]

    ab = dh(a_s, b_p)
    aB = dh(a_s, ed_pk_to_curve(B_p))       # client ephemeral x server long-term
    Ab = dh(ed_sk_to_curve(A_s), b_p)       # client long-term x server ephemeral
    if not check(None not in (ab, aB, Ab), "handshake: a low-order or unconvertible key"):
        sys.exit("FAIL " + failures[-1])
    check(ab == dh(b_s, a_p) and aB == dh(ed_sk_to_curve(B_s), a_p) and Ab == dh(b_s, ed_pk_to_curve(A_p)),
          "handshake: the two sides would not agree on the shared secrets")
    sig_A = sign(K + B_p + sha256(ab), A_s)
    sig_B = sign(K + sig_A + A_p + sha256(ab), B_s)
    zero = bytes(24)
    expected = [("client", "client hello", hmac(K, a_p) + a_p),
                ("server", "server hello", hmac(K, b_p) + b_p),
                ("client", "client authenticate", box(sig_A + A_p, zero, sha256(K + ab + aB))),
                ("server", "server accept", box(sig_B, zero, sha256(K + ab + aB + Ab)))]
    sizes = [64, 64, 112, 80]
    check(len(v["handshake"]) == 4, "handshake: not four steps")
    for step, (side, name, data), size in zip(v["handshake"], expected, sizes):
        check((step["from"], step["name"]) == (side, name), f"handshake: expected {name} from {side}, got {step}")
        check(len(data) == size and step["bytes"] == data.hex(), f"handshake: {name} differs from the recomputation")

    shared = sha256(sha256(K + ab + aB + Ab))
    streams = {"client": (sha256(shared + B_p), hmac(K, b_p)[:24]),   # keyed by the peer's key,
               "server": (sha256(shared + A_p), hmac(K, a_p)[:24])}   # nonce from the peer's hello
    for side, field in (("client", "client_to_server"), ("server", "server_to_client")):
        key, nonce = streams[side]
        check(v[field] == {"key": key.hex(), "nonce": nonce.hex()}, f"{field}: key or nonce differs from derivation")
    return streams


# --- 3. box-stream (wire.md §3) --------------------------------------------------------------

class BoxStream:
    """One direction of box-stream: frames carry a 34-byte header (nonce n) and a body (nonce n+1)."""

    def __init__(self, key, nonce, name):
        self.key, self.nonce, self.name = key, int.from_bytes(nonce, "big"), name

    def take_nonce(self):
        n = self.nonce.to_bytes(24, "big")
        self.nonce = (self.nonce + 1) % (1 << 192)
        return n

    def open(self, data, where):
        """Decrypts the frames in data and re-encrypts them; returns the plaintext or None."""
        plain, resealed, pos = b"", b"", 0
        while pos < len(data):
            header_nonce, body_nonce = self.take_nonce(), self.take_nonce()
            header = unbox(data[pos:pos + 34], header_nonce, self.key)
            if not check(header is not None, f"{where}: a frame header does not authenticate"):
                return None
            length, mac = int.from_bytes(header[:2], "big"), header[2:]
            check(header != bytes(18), f"{where}: a goodbye frame inside a message")
            check(1 <= length <= MAX_BODY, f"{where}: frame body length {length} is outside 1..{MAX_BODY}")
            body = unbox(mac + data[pos + 34:pos + 34 + length], body_nonce, self.key)
            if not check(body is not None, f"{where}: a frame body does not authenticate"):
                return None
            sealed_body = box(body, body_nonce, self.key)
            resealed += box(len(body).to_bytes(2, "big") + sealed_body[:16], header_nonce, self.key) + sealed_body[16:]
            plain, pos = plain + body, pos + 34 + length
        check(resealed == data, f"{where}: re-encrypting the plaintext does not give the recorded frames")
        return plain

    def goodbye(self, data):
        n = self.take_nonce()
        check(unbox(data, n, self.key) == bytes(18) and box(bytes(18), n, self.key) == data,
              f"{self.name} goodbye frame is not 18 zero bytes at the stream's next nonce")


# --- 4. Application messages (wire.md §4) ----------------------------------------------------

class Malformed(Exception):
    def __init__(self, code, text):
        super().__init__(text)
        self.code = code                    # a refusal code name (deltas) or malformed_message (wire)


class Reader:
    """Reads big-endian integers, varints and strings; wire_code, when set, replaces every error code."""

    def __init__(self, data, wire_code=None):
        self.data, self.pos, self.wire_code = data, 0, wire_code

    def require(self, ok, code, text):
        if not ok:
            raise Malformed(self.wire_code or code, text)

    def take(self, n):
        self.require(self.pos + n <= len(self.data), "truncated", "the bytes end inside a field")
        self.pos += n
        return self.data[self.pos - n:self.pos]

    def int(self, size):
        return int.from_bytes(self.take(size), "big")

    def pick(self, table, size, what):      # an integer of `size` bytes that must be a key of table
        key = self.int(size)
        self.require(key in table, "malformed_message", f"unknown {what} {key}")
        return table[key]

    def varint(self):                       # unsigned LEB128, shortest form, at most 64 bits
        value, shift, byte = 0, 0, 0x80
        while byte & 0x80:
            byte = self.take(1)[0]
            value, shift = value | (byte & 0x7F) << shift, shift + 7
        self.require(value < 1 << 64 and (shift == 7 or byte != 0), "malformed_varint", "a bad varint")
        return value

    def string(self, limit=1 << 64):
        raw = self.take(self.varint())
        self.require(len(raw) <= limit, "field_too_long", f"a string longer than {limit} bytes")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            self.require(False, "invalid_utf8", "a string is not UTF-8")

    def nvarint(self):                      # Negentropy's varint: base-128, most significant group first (wire.md §9.1)
        value, byte = 0, 0x80
        while byte & 0x80:
            byte = self.take(1)[0]
            value = value << 7 | (byte & 0x7F)
        self.require(value < 1 << 64, "malformed_message", "a Negentropy varint over 64 bits")
        return value

    def rest(self):
        return self.take(len(self.data) - self.pos)

    def end(self):
        self.require(self.pos == len(self.data), "trailing_bytes", f"{len(self.data) - self.pos} trailing bytes")


def decode_message(data):
    """Returns (the message's fields in session.json's vocabulary, the signed deltas it carries)."""
    r = Reader(data, wire_code="malformed_message")
    length = r.int(4)
    r.require(length <= MAX_MESSAGE and length == len(data) - 4, "malformed_message",
              f"the length prefix says {length}, {len(data) - 4} bytes follow")
    name = r.pick(TYPES, 1, "message type")
    m, deltas, codes = {"type": name}, [], dict(enumerate(SESSION_CODES))
    if name == "hello":
        r.require(r.take(5) == b"ARTEL", "malformed_message", "hello without ARTEL")
        m["version"], m["node_name"], m["software"] = r.int(2), r.string(200), r.string(200)
        m["follows"] = []
        for _ in range(r.varint()):
            entry = {"community": r.take(32).hex()} if r.pick({0: False, 1: True}, 1, "follows flag") else {}
            mask = r.int(8)                 # bit n = record kind n
            r.require(mask & ~0x3FE == 0, "malformed_message", f"kinds bitmask {mask:#x} names an unregistered kind")
            entry["kinds"] = [KINDS[n - 1] for n in range(1, 10) if mask >> n & 1]
            m["follows"].append(entry)
    elif name == "version_unsupported":
        m["lowest"], m["highest"] = r.int(2), r.int(2)
    elif name.startswith("reconcile_"):
        m["plane"] = r.pick(PLANES, 1, "plane")
        if name in ("reconcile_open", "reconcile_message"):
            m["negentropy"] = r.rest().hex()
        elif name == "reconcile_error":
            m["code"], m["reason"] = r.pick(codes, 2, "session code"), r.string()
    elif name in ("want", "missing"):
        m["ids"] = [r.take(32).hex() for _ in range(r.varint())]
    elif name == "deltas":
        deltas = [r.take(r.varint()) for _ in range(r.varint())]
    elif name == "push":
        deltas = [r.rest()]
    elif name == "refuse":
        if r.pick({0: False, 1: True}, 1, "refuse flag"):  # (wire.md leaves open whether flag 0 omits the id)
            m["id"] = r.take(32).hex()
        code = r.int(2)
        m["code"], m["reason"] = REFUSAL_CODES.get(code, f"code_{code}"), r.string(1000)
    elif name in ("ping", "pong"):
        m["nonce"] = str(r.int(8))
    elif name == "goodbye":
        m["code"], m["reason"] = r.pick(codes, 2, "session code"), r.string()
    r.end()
    if name in ("deltas", "push"):
        m["deltas"] = [delta_id(d) for d in deltas]
    return m, deltas


# --- 5. Deltas (encoding.md §2-6) ------------------------------------------------------------

VALUES = {1: Reader.string, 2: Reader.varint, 4: Reader.varint,                 # string, integer, timestamp
          3: lambda r: r.require(r.int(1) in (0, 1), "invalid_boolean", "a boolean byte is neither 0 nor 1"),
          5: lambda r: r.take(r.varint()), 6: lambda r: r.take(48), 7: lambda r: r.take(48 * r.varint())}


def delta_id(raw):
    return blake2b_256(raw[:-64]).hex()


def parse_delta(raw):
    """Decodes a signed delta strictly (encoding.md §2-4): its header fields, or Malformed with a refusal code."""
    r = Reader(raw)
    r.require(len(raw) <= 65_536, "oversized", "larger than 64 KiB")
    r.require(r.int(1) == 1, "unsupported_version", "format version is not 1")
    d = {"kind": r.int(1), "community": r.take(32), "author": r.take(32), "record": r.take(16),
         "timestamp": r.int(8), "expiry": r.int(8)}
    r.require(1 <= d["kind"] <= 9, "unknown_kind", f"kind {d['kind']}")
    count, registers = r.varint(), []
    r.require(count > 0, "no_operations", "no operation")
    for _ in range(count):
        tag, field, element = r.int(1), 0, b""
        r.require(1 <= tag <= 5, "unknown_operation", f"operation tag {tag}")
        if tag != 5:                        # all but delete name a field
            field = r.varint()
            r.require(1 <= field <= 65_535, "invalid_field_id", f"field {field}")
        if tag in (1, 3, 4):                # set, add, remove carry a value: type tag, payload
            start, vtype = r.pos, r.int(1)
            r.require(vtype in VALUES, "unknown_value_type", f"value type {vtype}")
            VALUES[vtype](r)
            element = raw[start:r.pos] if tag != 1 else b""    # add/remove: the element is the value
        registers.append((field, element))
    r.require((0, b"") not in registers or count == 1, "delete_not_alone", "a delete with other operations")
    r.require(len(set(registers)) == count, "duplicate_operation", "two operations write one register")
    r.require(registers == sorted(registers), "non_canonical", "operations out of canonical order")
    r.require(len(raw) - r.pos >= 64, "truncated", "no room for the signature")
    d["signature"], d["unsigned"] = r.take(64), raw[:-64]
    r.end()
    return d


def refusal(raw, now, follows):
    """The refusal code a node owes this delta (encoding.md §6, wire.md §5.6), or None to accept."""
    try:
        d = parse_delta(raw)
    except Malformed as e:
        return e.code
    if not verify(d["signature"], d["unsigned"], d["author"]):
        return "bad_signature"
    if d["timestamp"] >> 16 > now + 10 * 60_000:
        return "future_timestamp"
    if d["expiry"] and d["expiry"] <= now:
        return "expired"
    if not in_scope(follows, d["community"].hex(), d["kind"]):
        return "not_followed"
    return None


def in_scope(follows, community, kind):
    return 1 <= kind <= 9 and any(e.get("community", community) == community and KINDS[kind - 1] in e["kinds"]
                                  for e in follows)


def shared_scopes(mine, theirs):
    """Per community, the kinds both follow; "every community" intersects with anything (wire.md §5.2)."""
    shared = []
    for a in mine:
        for b in theirs:
            ca, cb = a.get("community"), b.get("community")     # None = every community
            if ca is None or cb is None or ca == cb:
                scope = {"community": ca or cb} if ca or cb else {}
                shared.append({**scope, "kinds": [k for k in a["kinds"] if k in b["kinds"]]})
    return shared


def plane_items(held, shared, plane):
    """A side's Negentropy items for a plane (§5.3): (timestamp, id) of its kept deltas in shared scope, sorted."""
    return sorted((int.from_bytes(raw[82:90], "big"), bytes.fromhex(i)) for i, raw in held.items()
                  if in_scope(shared, raw[2:34].hex(), raw[1]) and (plane == "control") == (raw[1] in CONTROL_KINDS))


# --- 6. Negentropy V1 (wire.md §9) -----------------------------------------------------------

INFINITY = (1 << 64) - 1                    # a bound's timestamp that no item has (§9)
SKIP, FINGERPRINT, IDLIST = 0, 1, 2         # range modes (§9.1)
MODES = {SKIP: "Skip", FINGERPRINT: "Fingerprint", IDLIST: "IdList"}
ARTEL_FRAME_SIZE_LIMIT = 524_288            # §5.3, unless the file says otherwise


def nvarint(n):                             # Negentropy's varint, most significant group first (§9.1)
    out = [n & 0x7F]
    while n > 0x7F:
        n >>= 7
        out.append(0x80 | n & 0x7F)
    return bytes(reversed(out))


def fingerprint(ids):                       # §9.2
    total = sum(int.from_bytes(i, "little") for i in ids) % (1 << 256)
    return sha256(total.to_bytes(32, "little") + nvarint(len(ids)))[:16]


def below(item, bound):                     # whether an item lies below a bound (§9.1, "Ranges")
    (t, i), (bt, prefix) = item, bound
    return t < bt or (t == bt and i < prefix.ljust(32, b"\0"))


def parse_negentropy(payload):
    """The ranges of a Negentropy V1 message as (bound, mode, fingerprint or ids or None); raises Malformed."""
    r = Reader(payload, wire_code="malformed_message")
    r.require(r.int(1) == 0x61, "malformed_message", "the Negentropy message does not start with version 0x61")
    ranges, previous = [], 0
    while r.pos < len(payload):
        encoded = r.nvarint()
        t = INFINITY if encoded == 0 or previous == INFINITY else previous + encoded - 1
        r.require(t < INFINITY or encoded == 0 or previous == INFINITY, "malformed_message", "a bound beyond 64 bits")
        r.require(not ranges or ranges[-1][0][0] < INFINITY or t == INFINITY, "malformed_message",
                  "a range after one that ends at infinity does not end at infinity")
        length = r.nvarint()
        r.require(length <= 32, "malformed_message", f"a bound prefix of {length} bytes")
        bound, mode = (t, r.take(length)), r.nvarint()
        r.require(mode in MODES, "malformed_message", f"unknown mode {mode}")
        data = (r.take(16) if mode == FINGERPRINT else
                [r.take(32) for _ in range(r.nvarint())] if mode == IDLIST else None)
        ranges.append((bound, mode, data))
        previous = t
    return ranges


def encode_negentropy(ranges):
    """The bytes of a Negentropy V1 message (§9.1): timestamps relative to the previous bound, infinity as 0."""
    out, previous = bytearray([0x61]), 0
    for (t, prefix), mode, data in ranges:
        out += nvarint(0 if t == INFINITY else t - previous + 1) + nvarint(len(prefix)) + prefix + nvarint(mode)
        out += data if mode == FINGERPRINT else nvarint(len(data)) + b"".join(data) if mode == IDLIST else b""
        previous = t
    return bytes(out)


def minimal_bound(x, y):                    # the shortest bound between adjacent items x < y (§9.1)
    if x[0] != y[0]:
        return y[0], b""
    shared = next((k for k in range(32) if x[1][k] != y[1][k]), 31)
    return y[0], y[1][:shared + 1]


def split(items, bound):                    # §9.4
    n = len(items)
    if n < 32:
        return [(bound, IDLIST, [i for _, i in items])]
    ranges, start = [], 0
    for bucket in range(16):
        end = start + n // 16 + (1 if bucket < n % 16 else 0)
        ranges.append((bound if end == n else minimal_bound(items[end - 1], items[end]), FINGERPRINT,
                       fingerprint([i for _, i in items[start:end]])))
        start = end
    return ranges


def answer(items, received, client, limit):
    """A side's answer to a received message (§9.3-9.5), from its sorted items.

    Returns (the ranges to send, have, need, cut): have and need are the ids the client notes, cut is
    None or, when the frame-size limit ended the message (§9.5), the index of the first item its
    closing Fingerprint covers."""
    out, have, need, skip, lower = [], [], [], None, 0
    for bound, mode, data in received:
        upper = lower
        while upper < len(items) and below(items[upper], bound):
            upper += 1
        mine, reply, kept = [i for _, i in items[lower:upper]], None, False
        if mode == FINGERPRINT and data != fingerprint(mine):
            reply = split(items[lower:upper], bound)
        elif mode == IDLIST and client:     # notes what only one side holds, answers nothing
            have += [i for i in mine if i not in set(data)]
            need += [i for i in data if i not in set(mine)]
        elif mode == IDLIST:                # the server lists its own ids, up to the limit
            before, listed, end_bound = len(encode_negentropy(out)), [], bound
            for t, i in items[lower:upper]:
                if limit and before + 32 * len(listed) > limit - 200:
                    end_bound = (t, i)      # the first id left out, as a full bound
                    break
                listed.append(i)
            upper, reply, kept = lower + len(listed), [(end_bound, IDLIST, listed)], True
        if reply is None:
            skip = bound                    # coalesced into one Skip, written only before an answer
        else:
            taken_back = list(out)
            out += ([(skip, SKIP, None)] if skip else []) + reply
            skip = None
            if limit and len(encode_negentropy(out)) > limit - 200:
                out = out if kept else taken_back
                out.append(((INFINITY, b""), FINGERPRINT, fingerprint([i for _, i in items[upper:]])))
                return out, have, need, upper
        lower = upper
    return out, have, need, None


def items_in(items, lower_bound, upper_bound):
    """The ids of the items not below one bound (None: from the first item) and below the next (§9.1)."""
    return [i for t, i in items
            if (lower_bound is None or not below((t, i), lower_bound)) and below((t, i), upper_bound)]


class Reconciliation:
    """One reconciliation of a plane, replayed from both sides' items (§5.3, §9.3)."""

    def __init__(self, plane, client_items, server_items, limit):
        self.plane, self.limit, self.items = plane, limit, {"client": client_items, "server": server_items}
        self.last, self.have, self.need = None, [], []      # last: the ranges of the last message sent
        self.rounds = self.fingerprints = self.cuts = self.cuts_unlike_range = 0

    def sent(self, side, payload, where):
        """Checks a Negentropy message against the answer §9.3-9.5 make its sender give."""
        try:
            ranges = parse_negentropy(payload)
        except Malformed as e:
            check(False, f"{where}: the Negentropy message does not decode ({e})")
            return
        first = side == "client" and self.last is None
        if not check(side == "client" or self.last is not None, f"{where}: the server speaks first"):
            return
        if first:                           # the split of the whole set, unbounded by the limit
            expected, cut = split(self.items["client"], (INFINITY, b"")), None
        else:
            expected, have, need, cut = answer(self.items[side], self.last, side == "client", self.limit)
            check(side == "server" or expected, f"{where}: the client's answer holds no range, yet it was sent (§9.3)")
            self.have, self.need, self.rounds = self.have + have, self.need + need, self.rounds + (side == "server")
        wanted = encode_negentropy(expected)
        at = next((n for n, (x, y) in enumerate(zip(payload, wanted)) if x != y), min(len(payload), len(wanted)))
        check(payload == wanted, f"{where}: not the answer §9.3-9.5 give: from byte {at} of {len(payload)}, "
              f"{payload[at:at + 24].hex()}… where {len(wanted)} bytes give {wanted[at:at + 24].hex()}…")
        check(first or len(payload) <= self.limit,
              f"{where}: {len(payload)} bytes, over the frame-size limit {self.limit} (§9.5)")
        previous = None                     # each range against the sender's own items in it
        for n, (bound, mode, data) in enumerate(ranges):
            mine = items_in(self.items[side], previous, bound)
            if mode == FINGERPRINT:
                self.fingerprints += 1
                if cut is not None and n == len(ranges) - 1:    # §9.5: the items from the end of the cut range
                    self.cuts += 1
                    self.cuts_unlike_range += data != fingerprint(mine)
                    check(data == fingerprint([i for _, i in self.items[side][cut:]]),
                          f"{where}: the closing Fingerprint is not that of the {side}'s items from the cut (§9.5)")
                else:
                    check(data == fingerprint(mine), f"{where}: range {n}'s Fingerprint is not that of the {side}'s "
                          f"{len(mine)} {self.plane}-plane items in it (§9.2)")
            elif mode == IDLIST:
                check(data == mine, f"{where}: range {n}'s IdList is not the {side}'s {self.plane}-plane ids in it")
            previous = bound
        self.last = ranges

    def closed(self, where):
        """The client closes: its answer to the server's last message must hold no range (§9.3)."""
        if not check(self.last is not None and self.rounds > 0, f"{where}: closes before the server answered"):
            return
        rest, have, need, _ = answer(self.items["client"], self.last, True, self.limit)
        check(not rest, f"{where}: the client closes while its Negentropy still has something to say (§9.3)")
        self.have, self.need = self.have + have, self.need + need


# --- 7. The session (wire.md §5) -------------------------------------------------------------

def check_session(v, messages):
    """Replays the decoded messages in the order sent and checks the rules of wire.md §5."""
    now = v["now"]
    held = {side: {delta_id(raw): raw for raw in map(bytes.fromhex, v[side]["deltas"])} for side in PEER}
    for side in PEER:
        for id_, raw in held[side].items():
            check(refusal(raw, now, [{"kinds": KINDS}]) is None, f"{side} starts with {id_[:16]}…, a delta to refuse")
    follows, shared = {}, None
    wanted = {s: set() for s in PEER}       # ids a side wanted and has neither received nor heard missing
    ever_wanted, offered = set(), set()     # every id the client wanted; ids it sent unasked
    owed = {s: {} for s in PEER}            # id -> the refusal code a side owes for a delta it received
    pings, said_goodbye, reconciliations = set(), set(), []
    plane_open, planes_done, awaiting_server = None, [], False
    limit = v.get("frame_size_limit", ARTEL_FRAME_SIZE_LIMIT)

    for i, side, m, deltas in messages:
        t, peer, where = m["type"], PEER[side], f"message {i} ({side} {m['type']})"
        check(side not in said_goodbye, f"{where}: sent after the sender's goodbye")
        if side not in follows:
            if check(t == "hello", f"{where}: the first message of each side must be hello (§5.1)"):
                check(m["version"] == 1, f"{where}: version {m['version']}, but this is wire protocol 1")
                communities = [e.get("community") for e in m["follows"]]
                for e in m["follows"]:          # any kind brings the control plane (wire.md §4, Follows)
                    check(not e["kinds"] or {KINDS[k - 1] for k in CONTROL_KINDS} <= set(e["kinds"]),
                          f"{where}: a follows entry without community, grant and revocation")
                check(len(communities) == len(set(communities)), f"{where}: follows names a community twice")
                follows[side] = m["follows"]
                if len(follows) == 2:
                    shared = shared_scopes(follows["client"], follows["server"])
            continue
        if not check(shared is not None, f"{where}: sent before both hellos"):
            continue
        if t in ("reconcile_open", "reconcile_message", "reconcile_close"):
            plane = m["plane"]
            if t == "reconcile_open":
                check(side == "client" and plane_open is None, f"{where}: only the client opens, one plane at a time")
                check(plane == "control" or "control" in planes_done,
                      f"{where}: the client must reconcile the control plane before the data plane (§5.3)")
                check(plane == "control" or not wanted["client"],
                      f"{where}: the data plane starts before every wanted control-plane delta arrived (§5.4)")
                plane_open = plane          # the server makes its Negentropy when the open arrives (§5.3)
                reconciliations.append(Reconciliation(plane, plane_items(held["client"], shared, plane),
                                                      plane_items(held["server"], shared, plane), limit))
            else:
                check(plane == plane_open and awaiting_server == (side == "server"),
                      f"{where}: out of turn (the server answers each client message; the client closes)")
                check(t != "reconcile_close" or side == "client", f"{where}: only the client closes")
            awaiting_server = side == "client" and t != "reconcile_close"
            if t == "reconcile_close":
                planes_done, plane_open = planes_done + [plane], None
                reconciliations[-1].closed(where)
            elif reconciliations and reconciliations[-1].plane == plane:
                reconciliations[-1].sent(side, bytes.fromhex(m["negentropy"]), where)
        elif t == "want":
            check(len(m["ids"]) <= MAX_WANT, f"{where}: more than {MAX_WANT} ids")
            check(not set(m["ids"]) & set(held[side]), f"{where}: wants an id it already keeps")
            wanted[side] |= set(m["ids"])
            ever_wanted.update(m["ids"] if side == "client" else [])
            check(len(wanted[side]) <= MAX_IN_FLIGHT, f"{where}: more than {MAX_IN_FLIGHT} ids in flight")
        elif t == "missing":
            for id_ in m["ids"]:
                check(id_ in wanted[peer], f"{where}: {id_[:16]}… reported missing, but the {peer} did not want it")
                # 'missing' is for ids the sender no longer keeps (pruned since it reconciled them,
                # §5.4): from here on it does not hold them, so they cannot be in its final_ids.
                held[side].pop(id_, None)
                wanted[peer].discard(id_)
        elif t in ("deltas", "push"):
            check(t == "deltas" or "data" in planes_done, f"{where}: push before the session is live (§5.5)")
            check(t == "push" or sum(map(len, deltas)) <= MAX_DELTAS_BYTES, f"{where}: more than 64 KiB of deltas")
            for raw in deltas:
                id_ = delta_id(raw)
                check(len(raw) > 34 and in_scope(shared, raw[2:34].hex(), raw[1]),
                      f"{where}: {id_[:16]}… is outside the shared scopes (§5.2)")
                if t == "deltas":
                    check(id_ in held[side], f"{where}: sends {id_[:16]}…, which it does not keep")
                    offered.update([id_] if id_ not in wanted[peer] and side == "client" else [])
                elif refusal(raw, now, follows[side]) is None:   # pushed live: a new delta of the sender's
                    held[side][id_] = raw   # own (a forged push, though §5.6 forbids relaying it, is not kept)
                wanted[peer].discard(id_)
                verdict = refusal(raw, now, follows[peer])
                if verdict is None:
                    held[peer][id_] = raw
                else:
                    owed[peer][id_] = verdict
        elif t == "refuse":
            id_ = m.get("id")
            check(id_ in owed[side], f"{where}: refuses {id_}, which verifies (or which it never received)")
            check(owed[side].pop(id_, m["code"]) == m["code"],
                  f"{where}: refusal code {m['code']} is not the code the specification gives this delta's failure")
        elif t in ("ping", "pong"):
            check(t == "ping" or (peer, m["nonce"]) in pings, f"{where}: answers no ping of the {peer}")
            pings.add((side, m["nonce"]))
        elif t == "goodbye":
            said_goodbye.add(side)
        else:
            check(False, f"{where}: a message this session does not expect")

    check(plane_open is None and planes_done[:2] == ["control", "data"], f"reconciliation incomplete: {planes_done}")
    need = {i.hex() for r in reconciliations for i in r.need}   # what reconciliation found missing must move
    have = {i.hex() for r in reconciliations for i in r.have}   # (§5.4), and nothing else
    check(need <= ever_wanted, f"the client did not want {short(need - ever_wanted)}, which it needs")
    check(have <= offered, f"the client did not send {short(have - offered)}, which the server lacks")
    check(ever_wanted <= need, f"the client wanted {short(ever_wanted - need)}, which reconciliation did not find")
    check(offered <= have, f"the client offered {short(offered - have)}, which reconciliation did not find")
    for side in PEER:
        check(not wanted[side], f"{side} wanted {short(wanted[side])} but got neither the delta nor 'missing'")
        check(not owed[side], f"{side} never refused {short(owed[side])}, which it owes a refusal (§5.6)")
        final, kept = v[side]["final_ids"], set(held[side])
        check(final == sorted(final), f"{side} final_ids are not sorted")
        check(set(final) == kept, f"{side} final_ids are not initial + accepted - missing deltas: "
              f"extra {short(set(final) - kept)}, lacking {short(kept - set(final))}")
    check(said_goodbye, "nobody said goodbye")
    data = [r for r in reconciliations if r.plane == "data"]
    if "frame_size_limit" in v:             # a file that states a limit shows the data plane working within it
        check(limit == 0 or limit >= 4096, f"frame_size_limit {limit} is neither 0 nor at least 4096 (§9.5)")
        check(any(r.rounds >= 3 for r in data),
              f"the data plane took {[r.rounds for r in data]} round trips, not several")
        check(any(r.fingerprints for r in data), "the data plane sent no Fingerprint range")
        check(any(r.cuts for r in data), "no message of the data plane was cut at the frame-size limit")
    return data


def check_file(path):
    """Checks one session file; prints what it found and returns whether it agrees with the specification."""
    failures.clear()
    check(nvarint(300) == bytes([0x82, 0x2C]) and nvarint(0) == b"\0", "Negentropy varint: not the examples of §9.1")
    check(fingerprint([]).hex() == "7f9c9e31ac8256ca2f258583df262dbc"
          and fingerprint([b"\1" + bytes(31), b"\xff" * 32]).hex() == "58cc2f44d3a27866874701fbad573da9",
          "fingerprint: not the examples of §9.2")
    v = json.loads(path.read_text(encoding="utf-8"))
    streams = check_handshake(v)
    boxes = {side: BoxStream(key, nonce, side) for side, (key, nonce) in streams.items()}
    messages, frames = [], 0
    for i, msg in enumerate(v["messages"]):
        side, where = msg["from"], f"message {i} ({msg['from']} {msg['decoded'].get('type')})"
        data = bytes.fromhex(msg["frames"])
        plain = boxes[side].open(data, where)
        frames += len(data)
        check(plain is None or plain.hex() == msg["plaintext"], f"{where}: frames do not decrypt to plaintext")
        try:
            decoded, deltas = decode_message(bytes.fromhex(msg["plaintext"]))
        except Malformed as e:
            check(False, f"{where}: does not decode ({e.code}: {e})")
            continue
        for key in sorted(set(decoded) | set(msg["decoded"])):
            check(decoded.get(key) == msg["decoded"].get(key),
                  f"{where}: decoded.{key} is {msg['decoded'].get(key)!r}, the bytes say {decoded.get(key)!r}")
        messages.append((i, side, decoded, deltas))
    boxes["client"].goodbye(bytes.fromhex(v["client_goodbye"]))
    boxes["server"].goodbye(bytes.fromhex(v["server_goodbye"]))
    data = check_session(v, messages)

    for failure in failures:
        print("FAIL " + failure)
    if failures:
        print(f"{len(failures)} check(s) failed: {path.name} does not agree with the specification")
        return False
    rounds = "; ".join(f"{r.rounds} round trip(s), {r.fingerprints} Fingerprint range(s), {r.cuts} message(s) cut"
                       for r in data)
    print(f"{path.name} agrees with the specification: handshake, {frames} bytes of box-stream, "
          f"{len(messages)} messages, {sum(len(d) for *_, d in messages)} deltas; data plane: {rounds} "
          f"(frame-size limit {v.get('frame_size_limit', ARTEL_FRAME_SIZE_LIMIT)})")
    unlike = sum(r.cuts_unlike_range for r in data)
    if unlike:
        print(f"  note: {unlike} of the closing Fingerprints of cut messages do not cover their whole range: §9.5 "
              "takes the items from the end of the range cut off, leaving out those of that range and of the Skip "
              "it flushed, which §9.1 counts in the range")
    return True


def main():
    here = pathlib.Path(__file__).parent
    paths = [pathlib.Path(p) for p in sys.argv[1:]] or [here / "session.json", here / "session-rounds.json"]
    results = [check_file(path) for path in paths]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
