import ArtelCore

/// The filter values a job's full-text entry carries beside its words, so that a search narrowed by
/// work mode, employment or currency is narrowed inside the full-text index, by intersecting its
/// posting lists, instead of by looking up every job the words match.
///
/// A facet is a word no text holds: `xwmremote`, `xemfulltime`, `xcurrub`. Facets only narrow: the
/// list's SQL applies every filter exactly as well (`Replica+List`). Salaries have no facet: a floor
/// matches half the jobs or more, and reading so long a posting list costs more than the look-ups
/// it saves. The facets of a job are written and removed with its words (``Materializer``);
/// changing how they are made needs a migration that indexes the jobs again.
enum SearchFacets {
    /// The facets of a job, as the index's `facets` column takes them.
    static func text(of state: RecordState) -> String {
        var facets: [String] = []
        if case .string(let mode)? = state.value(of: Fields.workMode) { facets.append(workMode(mode)) }
        for case .string(let employment) in state.elements(of: Fields.employment) {
            facets.append(self.employment(employment))
        }
        if case .string(let code)? = state.value(of: Fields.currency) { facets.append(currency(code)) }
        return facets.joined(separator: " ")
    }

    /// The fields facets are made of, looked up once.
    private enum Fields {
        static let workMode = RecordKind.job.schema["work_mode"].id
        static let employment = RecordKind.job.schema["employment"].id
        static let currency = RecordKind.job.schema["salary_currency"].id
    }

    /// The full-text terms that narrow a search to the jobs a query's filters may match, to be
    /// joined with `AND`; empty when the query has no filter a facet covers.
    static func terms(for query: RecordQuery) -> [String] {
        var terms: [String] = []
        if !query.workModes.isEmpty { terms.append(any(query.workModes.map(workMode))) }
        if !query.employments.isEmpty { terms.append(any(query.employments.map(employment))) }
        if let code = query.currency { terms.append(currency(code)) }
        return terms
    }

    private static func workMode(_ mode: String) -> String { "xwm" + letters(mode) }
    private static func employment(_ employment: String) -> String { "xem" + letters(employment) }
    private static func currency(_ code: String) -> String { "xcur" + letters(code) }

    /// A facet holds only ASCII letters and digits, lowercased, so the tokenizer keeps it whole.
    private static func letters(_ value: String) -> String {
        // Values are ASCII words (`remote`, `full_time`, `RUB`): their bytes are folded directly.
        if value.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(value.utf8.count)
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
                default: break
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(
            value.lowercased().unicodeScalars.filter {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))
            }
        )
    }

    private static func any(_ terms: [String]) -> String {
        terms.count == 1 ? terms[0] : "(" + terms.joined(separator: " OR ") + ")"
    }
}
