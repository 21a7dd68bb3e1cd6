import ArtelCore
import ArtelWeb
import Foundation
import Testing

@Suite("LeaderNetwork")
struct LeaderNetworkTests {
    static let frame = PageFrame(
        language: .english,
        section: .communities,
        path: "/communities",
        parameters: [],
        siteName: "n"
    )

    static func person(_ number: UInt8) -> Reference {
        Reference(
            community: PublicKey(hex: String(repeating: "11", count: 32))!,
            record: RecordID(hex: String(repeating: String(format: "%02x", number), count: 16))!
        )
    }

    @Test("Ties are drawn by type, with their words, and only between the people given")
    func ties() {
        let (anna, boris, stranger) = (Self.person(1), Self.person(2), Self.person(3))
        let graph = LeaderNetwork.graph(
            people: [(anna, "Anna"), (boris, "Boris")],
            ties: [
                LeaderTie(from: anna, to: boris, type: "mentors"),
                LeaderTie(from: boris, to: anna, type: "collaborates"),
                LeaderTie(from: anna, to: stranger, type: "referred"),
            ],
            community: "Tech <Leaders>",
            Self.frame
        )
        #expect(graph.title == "Ties among the leaders of Tech <Leaders>")
        #expect(graph.nodes.count == 2)
        #expect(graph.edges.map(\.label).sorted() == ["Collaboration: Boris and Anna", "Mentoring: Anna → Boris"])
        #expect(graph.edges.first { $0.label.hasPrefix("Mentoring") }?.directed == true)
        #expect(graph.summary == "2 people and 2 ties between them, confirmed by both people.")
    }
}
