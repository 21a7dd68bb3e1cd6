import ArtelCore
import Foundation

/// What the editor's record forms share on the page (the `jobForm` template): each field with its
/// label, hint, value and problem, the summary of problems that links to them, and the page itself.
enum FormFields {
    /// The fields of a form as the template shows them.
    ///
    /// - Parameters:
    ///   - prefix: the catalog's prefix of the labels and hints (`editor.field.`, `editor.hint.`
    ///     come from `editor` + `.field.`).
    ///   - label: the words of a choice of a field.
    static func render(
        _ form: RecordForm,
        problems: [String: FieldProblem],
        frame: PageFrame,
        prefix: String,
        label: (_ field: String, _ value: String) -> String
    ) -> [[String: Any]] {
        let words = frame.words
        var fields: [[String: Any]] = []
        for (name, input) in form.inputs {
            let id = "field-" + name.replacingOccurrences(of: ".", with: "-")
            var field: [String: Any] = [
                "name": name, "id": id, "label": words["\(prefix).field.\(name)"], "value": form.texts[name] ?? "",
            ]
            if form.kind.schema[name].isRequired { field["required"] = true }
            if let hint = words.optional("\(prefix).hint.\(name)") { field["hint"] = hint }
            if let problem = problems[name] { field["error"] = message(problem, frame, field: name) }
            switch input {
            case .line, .tags: field["isLine"] = true
            case .text: field["isText"] = true
            case .integer: field["isNumber"] = true
            case .date: field["isDate"] = true
            case .dateTime: field["isDateTime"] = true
            case .select(let values):
                field["isSelect"] = true
                field["options"] =
                    [["value": "", "label": words["editor.choice.none"], "selected": (form.texts[name] ?? "").isEmpty]]
                    + values.map { ["value": $0, "label": label(name, $0), "selected": form.texts[name] == $0] }
            case .checkboxes(let values):
                field["isCheckboxes"] = true
                let chosen = Set(form.chosen[name] ?? [])
                field["options"] = values.enumerated().map { index, value in
                    [
                        "value": value, "label": label(name, value), "checked": chosen.contains(value),
                        "id": "\(id)-\(index)",
                    ]
                }
            }
            fields.append(field)
        }
        return fields
    }

    /// A record form's page (`/editor/{path}/new`, `/editor/{path}/{id}/edit`): its fields, the
    /// summary of their problems and the node's refusal above.
    ///
    /// - Parameters:
    ///   - prefix: the catalog's prefix of the fields' labels and hints (``render(_:problems:frame:prefix:label:)``).
    ///   - label: the words of a choice of a field.
    ///   - headings: the catalog's keys of the new record's page title and the edited one's.
    ///   - path: the records' path under `/editor/`.
    ///   - editing: the id of the record being edited; `nil` for a new one.
    ///   - communities: for a new record, the communities to choose from and the chosen one's key.
    ///   - refusal: why the node refused to sign the record, in the rule's words.
    static func page(
        _ frame: PageFrame,
        _ form: RecordForm,
        problems: [String: FieldProblem],
        prefix: String,
        label: (_ field: String, _ value: String) -> String,
        headings: (new: String, edit: String),
        path: String,
        editing: RecordID?,
        communities: (list: [(key: PublicKey, name: String)], chosen: String),
        refusal: String?
    ) -> SitePage {
        let words = frame.words
        let heading = words[editing == nil ? headings.new : headings.edit]
        var content = self.content(frame, form, problems: problems, prefix: prefix, label: label, refusal: refusal)
        content["action"] = editing.map { "/editor/\(path)/\($0.hex)/edit" } ?? "/editor/\(path)/new"
        content["csrf"] = frame.account?.formToken ?? ""
        content["heading"] = heading
        if editing == nil { content.merge(communityChoice(communities.list, chosen: communities.chosen)) { $1 } }
        let status = content["hasSummary"] as? Bool == true ? 422 : 200
        return SitePage.render("jobForm", frame.context(title: heading, content: content), status: status)
    }

    /// What the `problemSummary` and `recordFields` partials show: the fields, the summary of their
    /// problems, each a link to its field, and why the node refused.
    static func content(
        _ frame: PageFrame,
        _ form: RecordForm,
        problems: [String: FieldProblem],
        prefix: String,
        label: (_ field: String, _ value: String) -> String,
        refusal: String?
    ) -> [String: Any] {
        let fields = render(form, problems: problems, frame: frame, prefix: prefix, label: label)
        let summary = fields.compactMap { field -> [String: Any]? in
            guard let error = field["error"] else { return nil }
            return ["href": "#\(field["id"]!)", "message": "\(field["label"]!): \(error)"]
        }
        var content: [String: Any] = [
            "fields": fields, "summary": summary, "hasSummary": !summary.isEmpty || refusal != nil,
        ]
        if let refusal {
            content["failure"] = frame.words["editor.failure.signature"].replacingOccurrences(
                of: "{detail}",
                with: refusal
            )
        }
        return content
    }

    /// What the `communityChoice` partial shows: the communities to choose from, one chosen.
    ///
    /// - Parameters:
    ///   - communities: the communities, by name.
    ///   - chosen: the chosen one's key in hex.
    static func communityChoice(_ communities: [(key: PublicKey, name: String)], chosen: String) -> [String: Any] {
        [
            "communities": communities.map {
                ["value": $0.key.hex, "label": $0.name, "selected": $0.key.hex == chosen]
            },
            "choosesCommunity": true,
        ]
    }

    /// A problem in the page's words: the field's own words for it when the catalog has them
    /// (`editor.fieldProblem.end.range`: "the end is before the start", not "the upper bound…").
    static func message(_ problem: FieldProblem, _ frame: PageFrame, field: String? = nil) -> String {
        if let field, let own = frame.words.optional("editor.fieldProblem.\(field).\(problem.kind.rawValue)") {
            return own
        }
        let text = frame.words["editor.problem.\(problem.kind.rawValue)"]
        guard let detail = problem.detail else { return text }
        return "\(text) (\(detail))"
    }
}
