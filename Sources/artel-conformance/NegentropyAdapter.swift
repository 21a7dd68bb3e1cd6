import ArtelCore
import ArtelSync
import Foundation

/// The line protocol of the Negentropy conformance harness: `item,<timestamp>,<id>`, `seal`,
/// `initiate`, `msg,<hex>`; answers `msg,<hex>`, `have,<id>`, `need,<id>` and `done`.
enum NegentropyAdapter {
    static func run() {
        var items: [NegentropyItem] = []
        var negentropy: Negentropy?
        var initiated = false
        let limit = Int(ProcessInfo.processInfo.environment["FRAMESIZELIMIT"] ?? "") ?? 0
        while let line = readLine() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            do {
                switch fields.first {
                case "item":
                    guard fields.count == 3, let timestamp = UInt64(fields[1]),
                        let id = Hex.decode(fields[2]).flatMap(Bytes32.init)
                    else {
                        fail("bad item line: \(line)")
                    }
                    items.append(NegentropyItem(timestamp: timestamp, id: id))
                case "seal":
                    negentropy = try Negentropy(storage: NegentropyStorage(items), frameSizeLimit: limit)
                case "initiate":
                    guard var client = negentropy else { fail("initiate before seal") }
                    emit("msg," + Hex.encode(try client.initiate()))
                    negentropy = client
                    initiated = true
                case "msg":
                    guard fields.count == 2, let message = Hex.decode(fields[1]), var side = negentropy else {
                        fail("bad msg line: \(line)")
                    }
                    if initiated {
                        var have: [Bytes32] = []
                        var need: [Bytes32] = []
                        let next = try side.reconcile(message, have: &have, need: &need)
                        for id in have { emit("have," + id.hex) }
                        for id in need { emit("need," + id.hex) }
                        emit(next.map { "msg," + Hex.encode($0) } ?? "done")
                    } else {
                        emit("msg," + Hex.encode(try side.reconcile(message)))
                    }
                    negentropy = side
                default:
                    fail("unknown line: \(line)")
                }
            } catch {
                fail("\(error)")
            }
        }
    }

    private static func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
        exit(1)
    }
}
