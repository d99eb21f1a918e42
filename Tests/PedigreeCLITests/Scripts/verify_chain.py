#!/usr/bin/env python3
"""Verifies a Pedigree registry's audit chain from the file alone (docs/AUDIT-CHAIN.md), with
nothing but Python's standard library. Prints the head as N:HASH and exits 0, or names the first
entry that does not fit and exits 1. With --rehash, rewrites every hash from the first entry on
(what a tamperer would do after editing history; the append-only triggers must be dropped first)."""
import hashlib
import sqlite3
import sys


def entry_hash(previous, id, at, actor, action, entity, details):
    data = b""
    for field in (previous, str(id), str(at), actor, action, entity, details):
        raw = field.encode("utf-8")
        data += str(len(raw)).encode("ascii") + b":" + raw
    return hashlib.sha256(data).hexdigest()


def main(path, rehash=False):
    db = sqlite3.connect(path)
    rows = db.execute(
        "SELECT id, at, actor, action, entity, details, prev_hash, hash FROM audit_log ORDER BY id"
    ).fetchall()
    previous, expected, head = "0" * 64, 1, None
    for id, at, actor, action, entity, details, prev_hash, stored in rows:
        computed = entry_hash(previous, id, at, actor, action, entity, details)
        if rehash:
            db.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (previous, computed, id))
        elif id != expected or prev_hash != previous or stored != computed:
            print(f"broken at entry {expected if id != expected else id}")
            return 1
        previous, expected, head = computed, expected + 1, f"{id}:{computed}"
    db.commit()
    if head is None:
        print("empty audit log")
        return 1
    print(head)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], rehash="--rehash" in sys.argv[2:]))
