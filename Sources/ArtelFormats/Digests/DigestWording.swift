/// How a digest words a job's facts in Russian, the language of the channels it is written for.
enum DigestWording {
    /// `удалённо`, `гибрид`, `в офисе`.
    static func workMode(_ mode: String?) -> String? {
        switch mode {
        case "remote": "удалённо"
        case "hybrid": "гибрид"
        case "onsite": "в офисе"
        default: nil
        }
    }

    /// The employment kinds, in words.
    static func employment(_ kinds: [String]) -> [String] {
        kinds.sorted().compactMap { kind in
            switch kind {
            case "full_time": "полная занятость"
            case "part_time": "частичная занятость"
            case "contract": "проектная работа"
            case "internship": "стажировка"
            case "volunteer": "волонтёрство"
            default: nil
            }
        }
    }

    /// "от 50 000 ₽ в месяц на руки", as the channels write it.
    static func salary(_ job: JobListing) -> String? {
        guard let amount = MarkdownDigest.rubles(job) else { return nil }
        switch job.salaryGross {
        case true?: return amount + " до вычета налогов"
        case false?: return amount + " на руки"
        case nil: return amount
        }
    }
}
