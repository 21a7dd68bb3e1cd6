import Foundation

extension TelegramReader {
    /// A message of the chosen chat.
    enum Message {
        /// A service message (a pin, a title change…) with its action.
        case service(id: Int64, action: String)
        /// A post.
        case post(TelegramPost)
    }

    /// The messages of the chosen chat, in the export's order.
    ///
    /// - Throws: ``FormatError`` when the file is not JSON, not an export, names no such chat, or a
    ///   message has no id or a broken text.
    static func messages(in bytes: [UInt8], chat: String?) throws(FormatError) -> [Message] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw FormatError("the file", "is not JSON (\(error.localizedDescription))", fileProblem: .notJSON)
        }
        var messages: [Message] = []
        for (index, message) in try chatMessages(in: root, chat: chat).enumerated() {
            guard let id = (message["id"] as? NSNumber)?.int64Value else {
                throw FormatError("message \(index + 1)", "has no numeric id")
            }
            if message["type"] as? String == "message" {
                messages.append(.post(try TelegramPost(message, id: id)))
            } else {
                messages.append(.service(id: id, action: message["action"] as? String ?? "no text"))
            }
        }
        return messages
    }

    /// The messages of the chosen chat, as JSON objects.
    private static func chatMessages(in root: Any, chat: String?) throws(FormatError) -> [[String: Any]] {
        guard let object = root as? [String: Any] else {
            throw FormatError(
                "the file",
                "is not a Telegram export (an object with messages or chats)",
                fileProblem: .notTelegramExport
            )
        }
        if let messages = object["messages"] as? [[String: Any]] {
            // The export of one chat: a chat asked for by another name is not in it.
            if let chat, !Self.isNamed(object, chat) {
                let name = "\(object["name"] as? String ?? "(no name)") (id \(Self.id(of: object) ?? "?"))"
                throw FormatError(
                    "the file",
                    "holds no chat named \"\(chat)\"; it is the export of one chat: \(name)",
                    fileProblem: .noSuchChat,
                    choices: [name]
                )
            }
            return messages
        }
        guard let list = (object["chats"] as? [String: Any])?["list"] as? [[String: Any]] else {
            throw FormatError(
                "the file",
                "is not a Telegram export: it has neither messages nor chats.list",
                fileProblem: .notTelegramExport
            )
        }
        // A chat is chosen by its name or its id: two chats of an account may share a name.
        let chosen =
            chat.map { wanted in list.filter { Self.isNamed($0, wanted) } }
            ?? list.filter { ($0["type"] as? String)?.hasSuffix("channel") == true }
        guard chosen.count == 1, let messages = chosen[0]["messages"] as? [[String: Any]] else {
            let names = (chosen.count > 1 ? chosen : list).prefix(20).map { chat in
                "\(chat["name"] as? String ?? "(no name)") (id \(Self.id(of: chat) ?? "?"))"
            }
            throw FormatError(
                "the file",
                chosen.isEmpty
                    ? "holds no chat \(chat.map { "named \"\($0)\"" } ?? "that is a channel"); it holds: "
                        + names.joined(separator: ", ")
                    : "holds \(chosen.count) \(chat.map { "chats named \"\($0)\"" } ?? "channels"); "
                        + "choose one with --chat and its name or id: " + names.joined(separator: ", "),
                fileProblem: chosen.isEmpty ? .noSuchChat : .severalChats,
                choices: Array(names)
            )
        }
        return messages
    }

    /// Whether a chat is the one asked for: its name, without case or spaces around or doubled, or
    /// its id.
    private static func isNamed(_ chat: [String: Any], _ wanted: String) -> Bool {
        func words(_ text: String) -> [Substring] { text.lowercased().split(whereSeparator: \.isWhitespace) }
        return (chat["name"] as? String).map(words) == words(wanted) || id(of: chat) == wanted
    }

    /// A chat's id in the export, as text.
    private static func id(of chat: [String: Any]) -> String? { (chat["id"] as? NSNumber).map { "\($0)" } }
}
