import ArtelCore
import ArtelTestKit
import Testing

@Suite("artel --help")
struct HelpTests {
    static let commands: [[String]] = [
        [], ["init"], ["serve"], ["status"], ["config", "check"], ["backup"], ["restore"], ["keys"], ["keys", "new"],
        ["keys", "list"],
        ["keys", "export"],
        ["keys", "import"],
        ["community", "create"], ["community", "edit"], ["community", "list"], ["community", "show"],
        ["community", "delete"],
        ["job", "post"], ["job", "edit"], ["job", "renew"], ["job", "delete"], ["job", "show"],
        ["event", "post"], ["event", "edit"], ["event", "renew"], ["event", "delete"], ["event", "show"],
        ["person", "add"], ["person", "edit"], ["person", "delete"], ["person", "show"],
        ["membership", "add"], ["membership", "edit"], ["membership", "delete"], ["membership", "show"],
        ["membership", "list"],
        ["tie", "add"], ["tie", "edit"], ["tie", "delete"], ["tie", "show"], ["tie", "list"],
        ["digest", "create"], ["digest", "edit"], ["digest", "renew"], ["digest", "delete"], ["digest", "show"],
        ["digest", "compose"], ["digest", "publish"],
        ["list"], ["log"], ["apply"], ["export"], ["purge"], ["check"], ["refused"], ["refusals"], ["bench", "apply"],
        ["grant"], ["revoke"], ["grants"], ["quarantine"], ["keys", "sign-request"], ["block"], ["unblock"],
        ["blocks"], ["hide"], ["person", "export"], ["import"], ["import", "ics"], ["import", "hh"],
        ["import", "jsonld"], ["import", "telegram"], ["stats", "jobs"], ["bench", "formats"], ["bench", "telegram"],
        ["bench", "stats"],
    ]

    @Test("Every command explains itself, with an example, and exits 0", arguments: commands)
    func help(command: [String]) throws {
        let result = try ArtelProcess(data: "/nonexistent").run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("USAGE: artel"))
        if !["keys"].contains(command.last ?? "") {
            #expect(result.output.contains("Example") || result.output.contains("Start with"), "\(command)")
        }
    }

    @Test("Every registered field of a kind is an option of its edit command, named after the field")
    func fieldOptions() throws {
        let kinds: [(RecordKind, Set<String>)] = [
            (.community, []), (.person, []), (.job, []), (.digest, []), (.event, []),
            (.membership, ["person", "community"]),
            // A tie's context is a community or an event: --context-community or --context-event.
            (.tie, ["from", "to", "type", "context"]),
        ]
        for (kind, notEditable) in kinds {
            let help = try ArtelProcess(data: "/nonexistent").run(kind.name, "edit", "--help").output
            for field in kind.schema.fields where !notEditable.contains(field.name) {
                let flag = String(field.name.map { $0 == "_" || $0 == "." ? "-" : $0 })
                #expect(help.contains("--\(flag) "), "\(kind) edit --\(flag)")
            }
        }
    }
}
