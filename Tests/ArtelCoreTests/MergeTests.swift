import ArtelCore
import ArtelTestKit
import Testing

@Suite("RecordState merge")
struct MergeTests {
    let factory = DeltaFactory()
    let record = DeltaFactory.recordID(1)

    func job(
        _ offset: UInt64,
        counter: UInt16 = 0,
        key: SigningKey = TestKeys.techLeaders,
        _ operations: [Operation]
    ) -> SignedDelta {
        var factory = factory
        factory.key = key
        return factory.sign(
            factory.delta(
                .job,
                record: record,
                offset: offset,
                counter: counter,
                community: TestKeys.techLeaders.publicKey,
                operations
            )
        )
    }

    var title: FieldID { RecordKind.job.schema["title"].id }
    var salary: FieldID { RecordKind.job.schema["salary_min"].id }
    var tags: FieldID { RecordKind.job.schema["tags"].id }

    @Test("The later timestamp wins a register, whatever the arrival order")
    func laterWins() {
        let old = job(1, [Fields.set(.job, "title", "old")])
        let new = job(2, [Fields.set(.job, "title", "new")])
        for order in [[old, new], [new, old]] {
            let state = RecordState(merging: order)
            #expect(state.value(of: title) == .string("new"))
            #expect(Set(state.kept.keys) == [new.id])
        }
    }

    @Test("Concurrent edits of different fields both survive")
    func differentFieldsSurvive() {
        let first = job(1, [Fields.set(.job, "title", "Координатор")])
        let second = job(1, counter: 1, [Fields.set(.job, "salary_min", .integer(60_000))])
        let state = RecordState(merging: [second, first])
        #expect(state.value(of: title) == .string("Координатор"))
        #expect(state.value(of: salary) == .integer(60_000))
        #expect(state.kept.count == 2)
    }

    @Test("On equal timestamps the greater author key wins, then the greater delta id")
    func tieBreaks() {
        let keys = [TestKeys.key(7), TestKeys.key(8)].sorted { $0.publicKey < $1.publicKey }
        let low = job(5, key: keys[0], [Fields.set(.job, "title", "low")])
        let high = job(5, key: keys[1], [Fields.set(.job, "title", "high")])
        #expect(RecordState(merging: [high, low]).value(of: title) == .string("high"))
        #expect(RecordState(merging: [low, high]).value(of: title) == .string("high"))

        let one = job(9, [Fields.set(.job, "title", "one")])
        let two = job(9, [Fields.set(.job, "title", "two")])
        let winner = one.id > two.id ? "one" : "two"
        #expect(RecordState(merging: [one, two]).value(of: title) == .string(winner))
        #expect(RecordState(merging: [two, one]).value(of: title) == .string(winner))
    }

    @Test("A later remove takes an element out; a later add puts it back")
    func setElements() {
        let add = job(1, [Fields.add(.job, "tags", "remote"), Fields.add(.job, "tags", "офис")])
        let remove = job(2, [Fields.remove(.job, "tags", "remote")])
        let addAgain = job(3, [Fields.add(.job, "tags", "remote")])
        #expect(RecordState(merging: [remove, add]).elements(of: tags) == [.string("офис")])
        #expect(
            Set(RecordState(merging: [addAgain, add, remove]).elements(of: tags)) == [
                .string("remote"), .string("офис"),
            ]
        )
    }

    @Test("Clearing a field empties it until a later set")
    func clear() {
        let set = job(1, [Fields.set(.job, "salary_min", .integer(50_000))])
        let clear = job(2, [Fields.clear(.job, "salary_min")])
        #expect(RecordState(merging: [clear, set]).value(of: salary) == nil)
    }

    @Test("Merging a delta twice changes nothing the second time")
    func idempotent() {
        let delta = job(1, [Fields.set(.job, "title", "x")])
        var state = RecordState(merging: [delta])
        #expect(state.merge(delta) == .duplicate)
        #expect(state.kept.count == 1)
    }

    @Test("A delta that wins no register is not kept; one that loses its last register is pruned")
    func retention() {
        let old = job(1, [Fields.set(.job, "title", "old"), Fields.set(.job, "salary_min", .integer(1))])
        let newTitle = job(2, [Fields.set(.job, "title", "new")])
        let newSalary = job(3, [Fields.set(.job, "salary_min", .integer(2))])
        var state = RecordState(merging: [old])
        #expect(state.merge(newTitle) == .kept(pruned: []))
        #expect(state.merge(newSalary) == .kept(pruned: [old.id]))
        #expect(state.merge(old) == .superseded)
        #expect(Set(state.kept.keys) == [newTitle.id, newSalary.id])
    }

    @Test("A delete is terminal: it prunes every delta and refuses later ones, even stamped later")
    func deleteIsTerminal() {
        let create = job(1, [Fields.set(.job, "title", "x")])
        let delete = job(2, [.delete])
        let lateEdit = job(3, [Fields.set(.job, "title", "y")])
        var state = RecordState(merging: [create])
        #expect(state.merge(delete) == .kept(pruned: [create.id]))
        #expect(state.merge(lateEdit) == .recordDeleted)
        #expect(state.isDeleted && state.deletion?.id == delete.id)
        #expect(state.value(of: title) == nil)
        #expect(Set(RecordState(merging: [lateEdit, create, delete]).kept.keys) == [delete.id])
    }

    @Test("Of two deletes the greater stamp is kept, whatever the order")
    func twoDeletes() {
        let first = job(1, [.delete])
        let second = job(2, [.delete])
        #expect(Set(RecordState(merging: [first, second]).kept.keys) == [second.id])
        #expect(Set(RecordState(merging: [second, first]).kept.keys) == [second.id])
    }

    @Test("Control-plane deltas are kept even when they win nothing")
    func controlPlaneKept() {
        let factory = DeltaFactory()
        let grant = RecordKind.grant.schema
        let first = factory.sign(
            factory.delta(.grant, record: record, offset: 2, [.set(grant["note"].id, .string("a"))])
        )
        let second = factory.sign(
            factory.delta(.grant, record: record, offset: 1, [.set(grant["note"].id, .string("b"))])
        )
        #expect(RecordState(merging: [first, second]).kept.count == 2)
    }

    @Test("The record's expiry is the latest of its deltas, or never when one never expires")
    func recordExpiry() {
        let factory = DeltaFactory()
        let short = factory.sign(
            factory.delta(.job, record: record, expiry: DeltaFactory.epoch + 10, [Fields.set(.job, "title", "a")])
        )
        let long = factory.sign(
            factory.delta(
                .job,
                record: record,
                offset: 1,
                expiry: DeltaFactory.epoch + 99,
                [Fields.set(.job, "salary_min", .integer(1))]
            )
        )
        #expect(RecordState(merging: [short, long]).expiry == DeltaFactory.epoch + 99)
        let person = factory.sign(factory.delta(.person, record: record, [Fields.set(.person, "display_name", "Анна")]))
        #expect(RecordState(merging: [person]).expiry == 0)
    }

    @Test("Set elements are told apart by their bytes, as the encoding is: no Unicode normalization")
    func elementsByBytes() {
        let composed = "\u{E9}quipe"  // é as one code point
        let decomposed = "e\u{301}quipe"  // e and a combining accent: equal as Swift strings
        #expect(composed == decomposed)
        let first = job(1, [.add(tags, .string(decomposed))])
        let second = job(2, [.add(tags, .string(composed))])
        for order in [[first, second], [second, first]] {
            let state = RecordState(merging: order)
            let listed = state.elements(of: tags).map { element -> [UInt8] in
                guard case .string(let text) = element else { return [] }
                return Array(text.utf8)
            }
            // Shorter encodings first: the composed form is one byte shorter.
            #expect(listed == [Array(composed.utf8), Array(decomposed.utf8)])
            #expect(state.kept.count == 2, "neither delta takes the other's register")
        }
        let removed = RecordState(merging: [first, second, job(3, [.remove(tags, .string(decomposed))])])
        #expect(removed.elements(of: tags).count == 1)
    }

    @Test("A set lists its elements in canonical order, whatever order its deltas came in")
    func elementsInCanonicalOrder() {
        let texts = ["b", "aa", "a", "Москва", String(repeating: "z", count: 130), "ё", "c", "zz"]
        let deltas = texts.enumerated().map { index, text in job(UInt64(index + 1), [.add(tags, .string(text))]) }
        let expected = texts.map { Value.string($0) }.sorted {
            $0.encodedBytes.lexicographicallyPrecedes($1.encodedBytes)
        }
        for rotation in deltas.indices {
            let order = Array(deltas[rotation...] + deltas[..<rotation]).reversed()
            #expect(RecordState(merging: order).elements(of: tags) == expected, "rotation \(rotation)")
        }
    }

    @Test("A record's first delta, its operations listed in any order, merges as its bytes read")
    func firstDeltaInAnyOrder() throws {
        let texts = ["b", "Москва", "a", String(repeating: "z", count: 130), "aa"]
        let operations: [Operation] =
            texts.map { .add(tags, .string($0)) } + [.set(salary, .integer(90_000)), .set(title, .string("Повар"))]
        let signed = job(1, Array(operations.reversed()))
        let decoded = try SignedDelta.decode(signed.bytes)
        #expect(signed.delta.operations == decoded.delta.operations, "signing lists them as the bytes do")

        let state = RecordState(merging: [signed])
        let expected = texts.map { Value.string($0) }.sorted {
            $0.encodedBytes.lexicographicallyPrecedes($1.encodedBytes)
        }
        #expect(state.elements(of: tags) == expected)
        #expect(state.value(of: title) == .string("Повар"))
        #expect(state.value(of: salary) == .integer(90_000))
        // A later delta finds each register where the first put it.
        let later = RecordState(merging: [
            signed, job(2, [.remove(tags, .string("a")), .set(title, .string("Су-шеф"))]),
        ])
        #expect(later.elements(of: tags) == expected.filter { $0 != .string("a") })
        #expect(later.value(of: title) == .string("Су-шеф"))
        #expect(later.kept.count == 2)
    }
}
