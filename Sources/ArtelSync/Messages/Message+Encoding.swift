import ArtelCore

extension Message {
    /// The message as sent: a 4-byte big-endian length of what follows, the type byte, the body.
    public var encoded: [UInt8] {
        var body = ByteWriter(capacity: 64)
        body.write(type)
        switch self {
        case .hello(let hello):
            body.write(contentsOf: Hello.magic)
            body.writeUInt16(hello.version)
            body.writeLengthPrefixed(hello.nodeName.utf8)
            body.writeLengthPrefixed(hello.software.utf8)
            body.write(hello.follows)
        case .versionUnsupported(let versions):
            body.writeUInt16(versions.lowerBound)
            body.writeUInt16(versions.upperBound)
        case .reconcileOpen(let plane, let payload), .reconcileMessage(let plane, let payload):
            body.write(plane.rawValue)
            body.write(contentsOf: payload)
        case .reconcileClose(let plane):
            body.write(plane.rawValue)
        case .reconcileError(let plane, let code, let text):
            body.write(plane.rawValue)
            body.writeUInt16(code.rawValue)
            body.writeLengthPrefixed(text.utf8)
        case .want(let ids), .missing(let ids):
            body.writeVarint(UInt64(ids.count))
            for id in ids { body.write(id.bytes) }
        case .deltas(let deltas):
            body.writeVarint(UInt64(deltas.count))
            for delta in deltas { body.writeLengthPrefixed(delta) }
        case .push(let delta):
            body.write(contentsOf: delta)
        case .refuse(let id, let code, let text):
            body.write(id == nil ? 0 : 1)
            if let id { body.write(id.bytes) }
            body.writeUInt16(code.rawValue)
            body.writeLengthPrefixed(text.utf8)
        case .ping(let nonce), .pong(let nonce):
            body.writeBigEndian(nonce)
        case .goodbye(let code, let text):
            body.writeUInt16(code.rawValue)
            body.writeLengthPrefixed(text.utf8)
        }
        let count = UInt32(body.bytes.count)
        return [UInt8(count >> 24), UInt8(count >> 16 & 0xff), UInt8(count >> 8 & 0xff), UInt8(count & 0xff)]
            + body.bytes
    }

    /// Decodes one message from its type byte and body.
    ///
    /// - Parameter bytes: the type byte, then the body (without the length).
    /// - Throws: ``WireError`` naming what is wrong.
    public static func decode(_ bytes: [UInt8]) throws(WireError) -> Message {
        var reader = ByteReader(bytes)
        do {
            let message = try reader.readMessage()
            guard reader.remaining == 0 else {
                throw WireError.malformed("\(reader.remaining) bytes after the message")
            }
            return message
        } catch let error as WireError {
            throw error
        } catch let error as DeltaError {
            throw WireError.malformed(error.message)
        } catch {
            throw WireError.malformed("\(error)")
        }
    }
}

extension ByteWriter {
    mutating func writeUInt16(_ value: UInt16) {
        write(UInt8(value >> 8))
        write(UInt8(value & 0xff))
    }

    mutating func write(_ follows: FollowSet) {
        writeVarint(UInt64(follows.entries.count))
        for entry in follows.entries {
            if let community = entry.community {
                write(1)
                write(community.bytes)
            } else {
                write(0)
            }
            writeBigEndian(UInt64(entry.kinds.rawValue))
        }
    }
}

extension ByteReader {
    mutating func readUInt16(_ what: @autoclosure () -> String) throws(DeltaError) -> UInt16 {
        UInt16(try readByte(what())) << 8 | UInt16(try readByte(what()))
    }

    mutating func readText(_ what: String, limit: Int = 10_000) throws -> String {
        let raw = try readLengthPrefixed(what)
        guard raw.count <= limit else { throw WireError.malformed("\(what) is over \(limit) bytes") }
        guard let text = String(validUTF8: raw) else {
            throw WireError.malformed("\(what) is not UTF-8")
        }
        return text
    }

    mutating func readPlane() throws -> Plane {
        let raw = try readByte("the plane")
        guard let plane = Plane(rawValue: raw) else { throw WireError.malformed("plane \(raw) is not in the registry") }
        return plane
    }

    mutating func readCount(_ what: String, each: Int) throws -> Int {
        let count = try readVarint("the count of \(what)")
        guard count <= UInt64(remaining / max(each, 1)) else {
            throw WireError.malformed("\(what) claims \(count) entries in \(remaining) bytes")
        }
        return Int(count)
    }

    mutating func readRest() throws(DeltaError) -> [UInt8] {
        Array(try readBytes(remaining, "the payload"))
    }

    mutating func readMessage() throws -> Message {
        let type = try readByte("the message type")
        switch type {
        case 0x01:
            guard Array(try readBytes(Hello.magic.count, "the magic")) == Hello.magic else {
                throw WireError.malformed("the hello does not start with ARTEL")
            }
            let version = try readUInt16("the version")
            let name = try readText("the node name", limit: 200)
            let software = try readText("the software", limit: 200)
            var entries: [FollowSet.Entry] = []
            for _ in 0..<(try readCount("the follows", each: 9)) {
                let specific = try readByte("a follow")
                guard specific <= 1 else { throw WireError.malformed("a follow flag is \(specific)") }
                let community = specific == 1 ? PublicKey(try readBytes32("a followed community")) : nil
                let kinds = try readBigEndian("followed kinds")
                guard kinds <= UInt64(UInt32.max) else { throw WireError.malformed("followed kinds overflow 32 bits") }
                entries.append(FollowSet.Entry(community: community, kinds: KindSet(rawValue: UInt32(kinds))))
            }
            return .hello(Hello(version: version, nodeName: name, software: software, follows: FollowSet(entries)))
        case 0x02:
            let low = try readUInt16("the lowest version")
            let high = try readUInt16("the highest version")
            guard low <= high else { throw WireError.malformed("versions \(low)…\(high) are inverted") }
            return .versionUnsupported(low...high)
        case 0x10: return .reconcileOpen(try readPlane(), payload: try readRest())
        case 0x11: return .reconcileMessage(try readPlane(), payload: try readRest())
        case 0x12: return .reconcileClose(try readPlane())
        case 0x13:
            let plane = try readPlane()
            let code = WireCode(rawValue: try readUInt16("the code"))
            return .reconcileError(plane, code, try readText("the reason", limit: 1_000))
        case 0x20:
            return .want(try (0..<readCount("the ids", each: 32)).map { _ in DeltaID(try readBytes32("an id")) })
        case 0x21:
            return .deltas(
                try (0..<readCount("the deltas", each: 1)).map { _ in Array(try readLengthPrefixed("a delta")) }
            )
        case 0x22:
            return .push(try readRest())
        case 0x23:
            let hasID = try readByte("the id flag")
            guard hasID <= 1 else { throw WireError.malformed("the id flag is \(hasID)") }
            let id = hasID == 1 ? DeltaID(try readBytes32("the refused id")) : nil
            // The code set is open: a newer peer's code is kept, never read as malformed.
            let code = DeltaError.Code(rawValue: try readUInt16("the refusal code"))
            return .refuse(id, code, try readText("the reason", limit: 1_000))
        case 0x24:
            return .missing(try (0..<readCount("the ids", each: 32)).map { _ in DeltaID(try readBytes32("an id")) })
        case 0x30: return .ping(try readBigEndian("the nonce"))
        case 0x31: return .pong(try readBigEndian("the nonce"))
        case 0x3f:
            let code = WireCode(rawValue: try readUInt16("the code"))
            return .goodbye(code, try readText("the reason", limit: 1_000))
        default:
            throw WireError.unknownType(type)
        }
    }
}
