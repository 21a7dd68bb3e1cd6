/// A form on the operator's pages as its template reads it: its fields, each with the value typed
/// and its problem beside it, and a summary at the top that links to each field at fault.
public struct OperatorForm: Sendable {
    /// The values typed, by field name, kept when the form comes back with problems.
    public var values: [String: String]
    /// The values of the repeatable fields (checkboxes), by field name.
    public var choices: [String: Set<String>]
    /// Each problem's word key, by field name.
    public var problems: [String: String]

    /// A form.
    public init(values: [String: String] = [:], choices: [String: Set<String>] = [:], problems: [String: String] = [:])
    {
        self.values = values
        self.choices = choices
        self.problems = problems
    }

    /// A line of text, with its label, hint and problem.
    func line(
        _ name: String,
        label: String,
        hint: String? = nil,
        type: String = "text",
        _ frame: PageFrame
    )
        -> [String: Any]
    {
        var field: [String: Any] = [
            "id": "field-\(name)", "name": name, "label": frame.words[label], "type": type,
            "value": type == "password" ? "" : values[name] ?? "",
        ]
        if let hint { field["hint"] = frame.words[hint] }
        if let problem = problems[name] { field["error"] = frame.words[problem] }
        return field
    }

    /// A group of checkboxes, or of radio buttons when `single`.
    func choice(
        _ name: String,
        legend: String,
        options: [(value: String, label: String)],
        single: Bool = false,
        _ frame: PageFrame
    ) -> [String: Any] {
        var field: [String: Any] = [
            "id": "field-\(name)", "legend": frame.words[legend], "type": single ? "radio" : "checkbox",
            "options": options.enumerated().map { index, option -> [String: Any] in
                [
                    "id": index == 0 ? "field-\(name)" : "field-\(name)-\(index)", "name": name,
                    "value": option.value, "label": option.label,
                    "checked": (choices[name] ?? []).contains(option.value) || values[name] == option.value,
                ]
            },
        ]
        if let problem = problems[name] { field["error"] = frame.words[problem] }
        return field
    }

    /// The summary of the problems, in the order of `fields`.
    func summary(_ fields: [String], _ frame: PageFrame) -> [[String: String]] {
        fields.compactMap { name in
            problems[name].map { ["href": "#field-\(name)", "message": frame.words[$0]] }
        }
    }
}
