public import ArtelCore
import ArtelFormats
import Foundation

/// The form an editor writes a job with: what was typed, field by field, and the operations it
/// makes, checked by the job's own rules (``RecordForm``); the write itself then goes through the
/// same ``Publisher`` as `artel job post` and the API's `POST /api/v1/jobs`.
public struct JobForm: Sendable {
    /// The fields of the form, in order: the job's public field names.
    static let inputs: [(name: String, input: RecordForm.Input)] = [
        ("title", .line), ("employer", .line), ("description", .text), ("salary_min", .integer),
        ("salary_max", .integer), ("salary_currency", .line),
        ("salary_period", .select(RecordForm.choices(.job, "salary_period"))),
        ("employment", .checkboxes(RecordForm.choices(.job, "employment"))),
        ("work_mode", .select(RecordForm.choices(.job, "work_mode"))), ("location.city", .line), ("apply_url", .line),
        ("contact", .line), ("valid_through", .date), ("tags", .tags),
    ]

    /// The community the job is for, its key in hex (chosen on a new job's form).
    public var community: String
    /// The fields as typed.
    private(set) var form: RecordForm
    /// What was typed in each single field, and the tags as typed.
    public var texts: [String: String] { form.texts }
    /// The boxes ticked of each set field.
    public var chosen: [String: [String]] { form.chosen }

    /// The form as posted.
    ///
    /// - Parameter fields: the posted fields in order.
    public init(_ fields: [(name: String, value: String)]) {
        community = fields.last { $0.name == "community" }?.value ?? ""
        form = RecordForm(
            .job,
            Self.inputs,
            fields: fields.map { field in
                switch field.name {
                case "salary_currency": (field.name, Self.currency(field.value))
                case "apply_url": (field.name, Self.link(field.value))
                default: field
                }
            }
        )
    }

    /// A link as people type it, whole: `t.me/romashka_hr` and `hh.ru/vacancy/1` get `https://`,
    /// `@romashka_hr` is its Telegram link, an e-mail address its `mailto:`; in a web link, what a
    /// URL cannot hold (spaces, quotes, angle brackets…) is percent-encoded, as a browser's address
    /// bar does; anything else as typed, for the field's own check.
    static func link(_ typed: String) -> String {
        let text = typed.trimmingCharacters(in: .whitespaces)
        let lowered = text.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") { return encodingUnsafe(text) }
        guard !text.isEmpty, !text.contains("://"), !text.hasPrefix("mailto:"), !text.hasPrefix("tg:") else {
            return text
        }
        let name = text.dropFirst()
        if text.hasPrefix("@"), name.count >= 3,
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        {
            return "https://t.me/" + name
        }
        if isEmailAddress(text) { return "mailto:" + text }
        // An address half typed is no site: left for the field's check.
        guard !text.contains("@") else { return text }
        let host = text.prefix { $0 != "/" }
        return host.contains(".") && !host.contains(" ") ? encodingUnsafe("https://" + text) : text
    }

    /// Whether a text is an e-mail address: something, `@`, and a domain with a dot inside it.
    private static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(" "), !text.contains("/") else { return false }
        let domain = parts[1]
        return domain.contains(".") && domain.first != "." && domain.last != "."
    }

    /// A web link with the characters URLs may not hold (``FeedLinks/isUnsafeInURL(_:)``)
    /// percent-encoded.
    private static func encodingUnsafe(_ link: String) -> String {
        var encoded = ""
        for scalar in link.unicodeScalars {
            if FeedLinks.isUnsafeInURL(scalar) {
                encoded += String(format: "%%%02X", scalar.value)
            } else {
                encoded.unicodeScalars.append(scalar)
            }
        }
        return encoded
    }

    /// A currency as people type it, as its ISO 4217 code: `rub`, `руб.` and `₽` are RUB, `$` USD,
    /// `€` EUR; any other text upper-cased, for the field's own check.
    static func currency(_ typed: String) -> String {
        let text = typed.trimmingCharacters(in: .whitespaces).lowercased()
        if ["₽", "р", "р.", "руб", "руб.", "рубли", "рублей", "рубль"].contains(text) { return "RUB" }
        if ["$", "долл", "долл.", "доллары", "долларов"].contains(text) { return "USD" }
        if ["€", "евро"].contains(text) { return "EUR" }
        return text.uppercased()
    }

    /// The form of a stored job, to edit it.
    public init(_ state: RecordState, community: PublicKey) {
        self.community = community.hex
        form = RecordForm(.job, Self.inputs, state: state, zone: LocalMoments.utc)
    }

    /// The operations that write the form: every filled field for a new job (posted `now`), only
    /// what changed for a stored one; and what is wrong, by field name, with nothing to write then.
    ///
    /// - Parameters:
    ///   - current: the stored job being edited; `nil` for a new one.
    ///   - now: the wall clock in Unix milliseconds.
    public func operations(
        current: RecordState?,
        now: Int64
    ) -> (operations: [ArtelCore.Operation], problems: [String: FieldProblem]) {
        let posted: [ArtelCore.Operation] =
            current == nil ? [.set(RecordKind.job.schema["date_posted"].id, .timestamp(now))] : []
        return form.operations(current: current, zone: LocalMoments.utc, extra: posted)
    }
}

/// What is wrong with one field of a form, as the page says it.
public struct FieldProblem: Sendable, Hashable {
    /// The kind of problem, which picks the words.
    public enum Kind: String, Sendable {
        /// A required field is empty.
        case required
        /// A text is longer than its field allows.
        case tooLong
        /// A value is not one of the field's choices.
        case choice
        /// A link is not http(s), mailto or tg.
        case url
        /// A lower bound is above its upper bound.
        case range
        /// A number field holds something else.
        case integer
        /// A date field holds something else.
        case date
        /// A date-and-time field holds something else.
        case dateTime
        /// A time zone is not an IANA one.
        case timeZone
        /// A period ends before it starts.
        case period
        /// A digest would list nothing.
        case empty
        /// A digest would list more vacancies than it may.
        case tooMany
        /// Another rule of the field, said in ``FieldProblem/detail``.
        case invalid
    }

    /// The kind.
    public let kind: Kind
    /// The rule's own words, for a problem the catalog has no words of its own for.
    public let detail: String?

    init(_ kind: Kind, detail: String? = nil) {
        self.kind = kind
        self.detail = detail
    }

    /// The problem a rule of the kind found.
    public init(_ error: DeltaError) {
        switch error.code {
        case .requiredField: self.init(.required)
        case .fieldTooLong: self.init(.tooLong)
        case .unknownEnumValue: self.init(.choice)
        case .invalidURL: self.init(.url)
        case .invertedRange: self.init(.range)
        default: self.init(.invalid, detail: error.message)
        }
    }
}
