import ArtelCore

extension Negentropy {
    /// The ids a client collects while it answers one message.
    typealias CollectedIDs = (have: [Bytes32], need: [Bytes32])

    /// Answers one message, range by range (the reference's `reconcileAux`).
    ///
    /// Ranges whose fingerprints match, and Skip ranges, are coalesced into one Skip that is only
    /// written when a later range needs an answer, so a reply that ends in agreement ends early. When
    /// a frame-size limit would be exceeded, the range at hand is dropped and a Fingerprint of
    /// everything from its start to infinity closes the reply, for a later round.
    func respond(to message: [UInt8], ids: inout CollectedIDs) throws(NegentropyError) -> [UInt8] {
        var input = NegentropyReader(message)
        var output = NegentropyWriter(version: Self.protocolVersion)

        let version = try input.readByte()
        guard (0x60...0x6F).contains(version) else { throw .malformedMessage(.invalidVersionByte(version)) }
        guard version == Self.protocolVersion else {
            if isInitiator { throw .unsupportedVersion(version) }
            return output.bytes
        }

        var previousBound = NegentropyBound.zero
        var previousIndex = 0
        var skip = false

        while !input.isAtEnd {
            var committed = output.count
            let bound = try readBound(from: &input, after: previousBound)
            let modeValue = try input.readVarInt()
            guard let mode = NegentropyMode(rawValue: modeValue) else {
                throw .malformedMessage(.unknownMode(modeValue))
            }
            let lower = previousIndex
            var upper = storage.lowerBound(of: bound, from: lower)

            func flushSkip() {
                guard skip else { return }
                skip = false
                output.appendBound(previousBound)
                output.appendMode(.skip)
            }

            switch mode {
            case .skip:
                skip = true
            case .fingerprint:
                let theirs = try input.readFingerprint()
                if theirs == storage.fingerprint(lower..<upper) {
                    skip = true
                } else {
                    flushSkip()
                    splitRange(lower..<upper, upperBound: bound, into: &output)
                }
            case .idList:
                let theirs = try input.readIDs(count: try input.readVarInt())
                if isInitiator {
                    skip = true
                    collect(theirs: theirs, ours: lower..<upper, into: &ids)
                } else {
                    flushSkip()
                    upper = answerIDList(lower..<upper, upperBound: bound, committed: committed, into: &output)
                    committed = output.count
                }
            }

            if exceedsFrameSizeLimit(output.count) {
                output.truncate(to: committed)
                output.appendBound(.infinity)
                output.appendMode(.fingerprint)
                output.appendFingerprint(storage.fingerprint(upper..<storage.count))
                break
            }
            previousIndex = upper
            previousBound = bound
        }
        return output.bytes
    }

    /// Reads the next range's bound. Once a range has reached infinity the set is covered, and only
    /// another (empty) range to infinity may follow: the reference closes a reply that the frame-size
    /// limit cut right after such a range with a Fingerprint to infinity. Anything else is trailing.
    private func readBound(
        from input: inout NegentropyReader,
        after previousBound: NegentropyBound
    ) throws(NegentropyError) -> NegentropyBound {
        guard previousBound.isInfinity else { return try input.readBound() }
        guard let bound = try? input.readBound(), bound.isInfinity else {
            throw .malformedMessage(.trailingBytes)
        }
        return bound
    }

    /// Answers a range: one id list below 32 items, otherwise 16 fingerprinted buckets as even as
    /// possible (the first `count % 16` get one more item), each closed by the shortest bound that
    /// separates it from the next.
    func splitRange(_ range: Range<Int>, upperBound: NegentropyBound, into output: inout NegentropyWriter) {
        let buckets = 16
        guard range.count >= buckets * 2 else {
            output.appendBound(upperBound)
            output.appendMode(.idList)
            output.appendVarInt(UInt64(range.count))
            for id in storage.ids(in: range) { output.appendID(id) }
            return
        }
        let itemsPerBucket = range.count / buckets
        let bucketsWithExtra = range.count % buckets
        var current = range.lowerBound
        for bucket in 0..<buckets {
            let bucketSize = itemsPerBucket + (bucket < bucketsWithExtra ? 1 : 0)
            let fingerprint = storage.fingerprint(current..<current + bucketSize)
            current += bucketSize
            output.appendBound(current == range.upperBound ? upperBound : storage.minimalBound(before: current))
            output.appendMode(.fingerprint)
            output.appendFingerprint(fingerprint)
        }
    }

    /// Server: answers a client's id list with its own ids in the range, cutting the list short when
    /// the frame-size limit would be exceeded (the cut list ends at the first id left out).
    ///
    /// - Returns: the end of the part of the range the answer covers.
    private func answerIDList(
        _ range: Range<Int>,
        upperBound: NegentropyBound,
        committed: Int,
        into output: inout NegentropyWriter
    ) -> Int {
        var end = range.lowerBound
        var endBound = upperBound
        while end < range.upperBound {
            if exceedsFrameSizeLimit(committed + (end - range.lowerBound) * Bytes32.count) {
                endBound = NegentropyBound(timestamp: storage.timestamp(at: end), id: storage.id(at: end))
                break
            }
            end += 1
        }
        output.appendBound(endBound)
        output.appendMode(.idList)
        output.appendVarInt(UInt64(end - range.lowerBound))
        for id in storage.ids(in: range.lowerBound..<end) { output.appendID(id) }
        return end
    }

    /// Client: compares a server's id list with its own ids in the range. The ids only the client
    /// holds go to `have` in storage order, those only the server holds to `need` in message order.
    private func collect(theirs: [Bytes32], ours: Range<Int>, into ids: inout CollectedIDs) {
        var unmatched = Set(theirs)
        for id in storage.ids(in: ours) where unmatched.remove(id) == nil {
            ids.have.append(id)
        }
        for id in theirs where unmatched.remove(id) != nil {
            ids.need.append(id)
        }
    }

    /// Whether a message of `size` bytes leaves less than 200 bytes of the limit free.
    private func exceedsFrameSizeLimit(_ size: Int) -> Bool {
        frameSizeLimit != 0 && size > frameSizeLimit - 200
    }
}
