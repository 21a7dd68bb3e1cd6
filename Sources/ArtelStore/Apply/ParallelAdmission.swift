import ArtelCore
import Foundation

/// Runs ``Admission`` over a batch on every core: decoding, the follow set, signature verification,
/// kind rules, authorization and the clock, all outside the write transaction, on
/// ``BackgroundThreads`` so that the node's requests go first.
enum ParallelAdmission {
    /// Admits every delta of a batch.
    ///
    /// - Parameters:
    ///   - batch: encoded deltas.
    ///   - now: the wall clock in Unix milliseconds.
    ///   - follows: what this node follows; other deltas are refused.
    ///   - known: deltas checked lately, taken as held without checking their signatures again; the
    ///     deltas admitted now are added to it.
    /// - Returns: one result per delta, in order.
    static func admit(
        _ batch: [[UInt8]],
        now: UInt64,
        follows: FollowSet,
        known: RecentDeltas? = nil
    ) async -> [AdmittedDelta] {
        // One delta, a write of this node's own or a peer's live push, is checked where it is.
        guard batch.count > 1 else { return batch.map { admit($0, now: now, follows: follows, known: known) } }
        return await BackgroundThreads.map(batch) { admit($0, now: now, follows: follows, known: known) }
    }

    /// Admits one delta, keeping what could be decoded of it when it is refused. The follow set is
    /// checked before the signature, so that a peer cannot make this node verify what it would not
    /// keep. A copy of a delta `known` remembers, in a scope followed, is taken as held without
    /// being decoded or verified; a delta that passes every check is remembered there.
    static func admit(_ bytes: [UInt8], now: UInt64, follows: FollowSet, known: RecentDeltas?) -> AdmittedDelta {
        if let known, let (id, scope) = knownCopy(bytes, known: known), follows.contains(scope) { return .known(id) }
        let signed: SignedDelta
        do {
            signed = try SignedDelta.decode(bytes)
        } catch {
            return .refused(Refusal(error))
        }
        do {
            try follows.check(signed.delta)
            try signed.checkSignature()
            try Admission.check(signed.delta, now: now)
        } catch {
            return .refused(Refusal(error, delta: signed.delta, id: signed.id))
        }
        known?.insert(signed.id)
        return .checked(signed, nil)
    }

    /// The id and scope of a copy of a delta `known` remembers, read without decoding it: the id
    /// is the hash of every byte but the last 64, and when it matches, those bytes are the checked
    /// delta's (the rest is a signature that is not checked again), so its scope can be read
    /// where the encoding puts it. Nil for anything else, which is then decoded and checked in full.
    private static func knownCopy(_ bytes: [UInt8], known: RecentDeltas) -> (DeltaID, Scope)? {
        // Format version, kind, community, author, record, timestamp, expiry, one operation at least.
        guard bytes.count >= 99 + Signature.count else { return nil }
        let id = DeltaID(Blake2b.hash256(bytes[..<(bytes.count - Signature.count)]))
        guard known.contains(id), let kind = RecordKind(rawValue: bytes[1]), let community = Bytes32(bytes[2..<34])
        else { return nil }
        return (id, Scope(community: PublicKey(community), kind: kind))
    }
}
