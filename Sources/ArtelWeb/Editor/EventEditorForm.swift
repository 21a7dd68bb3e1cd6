public import ArtelCore
import Foundation

/// The form an editor writes an event with (not the events' filter form, `EventForm`): what was
/// typed, field by field, and the operations it makes, checked by the event's own rules
/// (``RecordForm``). Its start and end are read in the event's time zone, as `artel event post
/// --start … --timezone …` reads them; the write goes through the same ``Publisher`` as the
/// command line.
public struct EventEditorForm: Sendable {
    /// The fields of the form, in order: the event's public field names.
    static let inputs: [(name: String, input: RecordForm.Input)] = [
        ("title", .line), ("type", .select(RecordForm.choices(.event, "type"))), ("description", .text),
        ("start", .dateTime), ("end", .dateTime), ("timezone", .line),
        ("attendance", .select(RecordForm.choices(.event, "attendance"))), ("place.name", .line),
        ("place.address", .line), ("place.city", .line), ("place.country", .line), ("online_urls", .tags),
        ("registration_url", .line), ("price", .line), ("capacity", .integer), ("language", .line),
        ("status", .select(RecordForm.choices(.event, "status"))), ("tags", .tags),
    ]

    /// The zone a new event's times are read in until another is typed: Moscow's, the federation's usual one.
    public static let defaultZone = SiteDates.defaultZone

    /// The community the event is for, its key in hex (chosen on a new event's form).
    public var community: String
    /// The fields as typed.
    private(set) var form: RecordForm
    /// The zone of the stored event, for one being edited.
    private let storedZone: TimeZone?

    /// The form as posted; an empty form (a new event's) names the default time zone.
    ///
    /// - Parameter fields: the posted fields in order.
    public init(_ fields: [(name: String, value: String)]) {
        community = fields.last { $0.name == "community" }?.value ?? ""
        form = RecordForm(.event, Self.inputs, fields: fields)
        storedZone = nil
        if !fields.contains(where: { $0.name == "timezone" }) { form.set("timezone", Self.defaultZone) }
    }

    /// The form of a stored event, to edit it: its times in its own zone.
    public init(_ state: RecordState, community: PublicKey) {
        self.community = community.hex
        let zone = state.value(of: RecordKind.event.schema["timezone"].id)?.text.flatMap(TimeZone.init(identifier:))
        storedZone = zone
        form = RecordForm(.event, Self.inputs, state: state, zone: zone ?? TimeZone(identifier: Self.defaultZone)!)
    }

    /// What was typed in a field.
    public func text(_ name: String) -> String { form.texts[name] ?? "" }

    /// The zone the times are read in: the one typed, else the stored event's, else the default.
    var zone: TimeZone {
        TimeZone(identifier: text("timezone").trimmingCharacters(in: .whitespaces)) ?? storedZone
            ?? TimeZone(identifier: Self.defaultZone)!
    }

    /// The operations that write the form: every filled field for a new event, only what changed
    /// for a stored one; and what is wrong, by field name, with nothing to write then. A time zone
    /// must be one the system knows, as `artel event post --timezone` requires.
    ///
    /// - Parameter current: the stored event being edited; `nil` for a new one.
    public func operations(
        current: RecordState?
    ) -> (operations: [ArtelCore.Operation], problems: [String: FieldProblem]) {
        var (operations, problems) = form.operations(current: current, zone: zone)
        let typed = text("timezone").trimmingCharacters(in: .whitespaces)
        if !typed.isEmpty, TimeZone(identifier: typed) == nil {
            problems["timezone"] = FieldProblem(.timeZone)
            operations = []
        }
        return (operations, problems)
    }
}
