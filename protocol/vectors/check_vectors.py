#!/usr/bin/env python3
"""An independent check of deltas.json against protocol/encoding.md.

Written from the specification alone, without Artel's code: it encodes every vector's fields,
compares the bytes, hashes them with BLAKE2b-256 (hashlib) and verifies the Ed25519 signature
(the `cryptography` package, when installed). Another implementation can read it as a worked
example of the encoding.

    python3 protocol/vectors/check_vectors.py
"""

import hashlib
import json
import pathlib
import sys

KINDS = {"community": 1, "person": 2, "membership": 3, "tie": 4, "job": 5, "digest": 6, "event": 7,
         "grant": 8, "revocation": 9}
OPS = {"set": 1, "clear": 2, "add": 3, "remove": 4, "delete": 5}
TYPES = {"string": 1, "integer": 2, "boolean": 3, "timestamp": 4, "bytes": 5, "reference": 6, "references": 7}


def varint(n):
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def zigzag(n):
    return varint(((n << 1) ^ (n >> 63)) & 0xFFFFFFFFFFFFFFFF)


def reference(ref):
    return bytes.fromhex(ref["community"]) + bytes.fromhex(ref["record"])


def value(kind, v):
    tag = bytes([TYPES[kind]])
    if kind == "string":
        raw = v.encode("utf-8")
        return tag + varint(len(raw)) + raw
    if kind in ("integer", "timestamp"):
        return tag + zigzag(int(v))
    if kind == "boolean":
        return tag + bytes([1 if v else 0])
    if kind == "bytes":
        raw = bytes.fromhex(v)
        return tag + varint(len(raw)) + raw
    if kind == "reference":
        return tag + reference(v)
    if kind == "references":
        return tag + varint(len(v)) + b"".join(reference(r) for r in v)
    raise ValueError(kind)


def operation(op):
    out = bytes([OPS[op["op"]]])
    if op["op"] == "delete":
        return (0, b""), out
    out += varint(op["field"])
    element = b""
    if op["op"] != "clear":
        encoded = value(op["type"], op["value"])
        out += encoded
        if op["op"] in ("add", "remove"):
            element = encoded
    return (op["field"], element), out


def encode(vector):
    ops = sorted(operation(op) for op in vector["operations"])  # by field id, then element bytes
    return (bytes([1, KINDS[vector["kind"]]]) + bytes.fromhex(vector["community"]) + bytes.fromhex(vector["author"])
            + bytes.fromhex(vector["record"]) + int(vector["timestamp"]).to_bytes(8, "big")
            + int(vector["expiry"]).to_bytes(8, "big") + varint(len(ops)) + b"".join(o for _, o in ops))


def main():
    path = pathlib.Path(__file__).with_name("deltas.json")
    vectors = json.loads(path.read_text(encoding="utf-8"))
    try:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    except ImportError:
        Ed25519PublicKey = None
        print("cryptography is not installed: signatures are not checked")
    failures = 0
    for vector in vectors["deltas"]:
        unsigned = encode(vector)
        checks = {
            "unsigned bytes": unsigned.hex() == vector["unsigned"],
            "signed bytes": unsigned.hex() + vector["signature"] == vector["bytes"],
            "id": hashlib.blake2b(unsigned, digest_size=32).hexdigest() == vector["id"],
        }
        if Ed25519PublicKey:
            key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(vector["author"]))
            try:
                key.verify(bytes.fromhex(vector["signature"]), unsigned)
                checks["signature"] = True
            except Exception:
                checks["signature"] = False
        bad = [name for name, ok in checks.items() if not ok]
        failures += bool(bad)
        print(("FAIL " if bad else "ok   ") + vector["name"] + (": " + ", ".join(bad) if bad else ""))
    print(f"{len(vectors['deltas']) - failures}/{len(vectors['deltas'])} vectors agree with the specification")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
