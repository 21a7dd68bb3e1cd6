public import ArtelCore
import ArtelFormats
import Foundation

/// `/editor/jobs/new` and `/editor/jobs/{id}/edit`: the job form, and the same form again with each
/// problem beside its field, an error summary above, and every value kept.
public enum JobFormPage: Sendable {
    /// The page.
    ///
    /// - Parameters:
    ///   - form: the values to show.
    ///   - editing: the id of the job being edited; `nil` for a new one.
    ///   - communities: for a new job, the communities the editor may post jobs in.
    ///   - problems: what is wrong, by field name.
    ///   - refusal: why the node refused to sign the job (no grant yet, a revoked key), in the rule's words.
    public static func render(
        _ frame: PageFrame,
        form: JobForm,
        editing: RecordID?,
        communities: [(key: PublicKey, name: String)],
        problems: [String: FieldProblem] = [:],
        refusal: String? = nil
    ) -> SitePage {
        let words = frame.words
        var content = formContent(frame, form: form, problems: problems, refusal: refusal)
        content["action"] = editing.map { "/editor/jobs/\($0.hex)/edit" } ?? "/editor/jobs/new"
        content["csrf"] = frame.account?.formToken ?? ""
        if editing == nil { content.merge(communityChoice(communities, chosen: form.community)) { $1 } }
        let title = words[editing == nil ? "editor.newJob" : "editor.editJob"]
        content["heading"] = title
        let status = problems.isEmpty && refusal == nil ? 200 : 422
        return SitePage.render("jobForm", frame.context(title: title, content: content), status: status)
    }

    /// What the job form's partials show (`jobFields`, `formProblems`): the fields with their values
    /// and problems, the summary of the problems, and why the node refused to sign.
    ///
    /// - Parameters:
    ///   - form: the values to show.
    ///   - problems: what is wrong, by field name.
    ///   - refusal: why the node refused to sign the job, in the rule's words.
    static func formContent(
        _ frame: PageFrame,
        form: JobForm,
        problems: [String: FieldProblem],
        refusal: String?
    ) -> [String: Any] {
        let words = frame.words
        let catalog = Catalog.forLanguage(frame.language.rawValue)
        func label(_ name: String, _ value: String) -> String {
            switch name {
            case "employment": catalog.employment(value)
            case "work_mode": catalog.workMode(value)
            default: words["editor.choice.\(value)"]
            }
        }
        var fields: [[String: Any]] = []
        for (name, input) in JobForm.inputs {
            let id = "field-" + name.replacingOccurrences(of: ".", with: "-")
            var field: [String: Any] = [
                "name": name, "id": id, "label": words["editor.field.\(name)"], "value": form.texts[name] ?? "",
            ]
            if name == "title" { field["required"] = true }
            if let hint = words.optional("editor.hint.\(name)") { field["hint"] = hint }
            if let problem = problems[name] { field["error"] = message(problem, frame) }
            switch input {
            case .line, .tags: field["isLine"] = true
            case .text: field["isText"] = true
            case .integer: field["isNumber"] = true
            case .date: field["isDate"] = true
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
        let summary = fields.compactMap { field -> [String: Any]? in
            guard let error = field["error"] else { return nil }
            return ["href": "#\(field["id"]!)", "message": "\(field["label"]!): \(error)"]
        }
        var content: [String: Any] = [
            "fields": fields, "summary": summary, "hasSummary": !summary.isEmpty || refusal != nil,
        ]
        if let refusal {
            content["failure"] = words["editor.failure.signature"].replacingOccurrences(of: "{detail}", with: refusal)
        }
        return content
    }

    /// What the `communityChoice` partial shows: the communities to choose from, one chosen.
    ///
    /// - Parameters:
    ///   - communities: the communities, by name.
    ///   - chosen: the chosen one's key in hex.
    static func communityChoice(
        _ communities: [(key: PublicKey, name: String)],
        chosen: String
    ) -> [String: Any] {
        [
            "communities": communities.map {
                ["value": $0.key.hex, "label": $0.name, "selected": $0.key.hex == chosen]
            },
            "choosesCommunity": true,
        ]
    }

    /// A problem in the page's words.
    static func message(_ problem: FieldProblem, _ frame: PageFrame) -> String {
        let text = frame.words["editor.problem.\(problem.kind.rawValue)"]
        guard let detail = problem.detail else { return text }
        return "\(text) (\(detail))"
    }
}
