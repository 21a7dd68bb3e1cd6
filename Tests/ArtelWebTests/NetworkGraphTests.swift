import ArtelCore
import ArtelWeb
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("NetworkGraph")
struct NetworkGraphTests {
    static func graph(_ nodes: [(String, String)], _ edges: [(String, String, NetworkGraph.Pattern)]) -> NetworkGraph {
        NetworkGraph(
            title: "Ties <&> \"quoted\"",
            summary: "A summary",
            nodes: nodes.map { NetworkGraph.Node(id: $0.0, label: $0.1) },
            edges: edges.map {
                NetworkGraph.Edge(
                    from: $0.0,
                    to: $0.1,
                    pattern: $0.2,
                    directed: $0.2 == .solid,
                    label: "\($0.0)→\($0.1)"
                )
            },
            legend: NetworkGraph.Pattern.allCases.map {
                NetworkGraph.LegendItem(pattern: $0, directed: $0 == .solid, label: "legend \($0.rawValue)")
            },
            emptyText: "Nobody yet"
        )
    }

    /// The document's root attributes and all its text, once parsed as XML.
    static func parse(_ svg: String) -> (root: [String: String], text: String)? {
        final class Reader: NSObject, XMLParserDelegate {
            var root: [String: String]?
            var text = ""
            func parser(
                _ parser: XMLParser,
                didStartElement name: String,
                namespaceURI: String?,
                qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                if root == nil { root = attributes }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        }
        let reader = Reader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        guard parser.parse(), let root = reader.root else { return nil }
        return (root, reader.text)
    }

    @Test("The same people and ties in any order draw the same picture")
    func deterministic() {
        let nodes = [("a", "Анна"), ("b", "Борис"), ("c", "Вера"), ("d", "Глеб")]
        let edges: [(String, String, NetworkGraph.Pattern)] = [
            ("a", "b", .solid), ("c", "d", .dashed), ("b", "c", .dotted),
        ]
        let one = Self.graph(nodes, edges).svg()
        let other = Self.graph(nodes.reversed(), edges.reversed()).svg()
        #expect(one == other)
    }

    @Test("Markup in names, titles and tooltips is text, and characters XML cannot hold are left out")
    func escapes() throws {
        let svg = Self.graph(
            [("a", "<script>alert(1)</script>"), ("b", "Bob & \"Ann\" 'x'\u{0}\u{1B}\u{FFFF}")],
            [("a", "b", .solid)]
        ).svg()
        #expect(!svg.contains("<script>"))
        let parsed = try #require(Self.parse(svg), "the SVG does not parse")
        #expect(parsed.text.contains("<script>alert(1)</script>"))
        #expect(parsed.text.contains("Bob & \"Ann\" 'x'"))
        #expect(parsed.root["role"] == "img")
        #expect(parsed.root["aria-label"] == "Ties <&> \"quoted\"")
    }

    @Test("Ties to anyone outside the graph, and ties of a person to themselves, are not drawn")
    func strangersLeftOut() throws {
        let svg = Self.graph(
            [("a", "Анна"), ("b", "Борис")],
            [("a", "b", .dashed), ("a", "x", .solid), ("a", "a", .dotted)]
        )
        .svg()
        #expect(svg.components(separatedBy: "<title>a→b</title>").count == 2)
        #expect(!svg.contains("a→x") && !svg.contains("a→a"))
        // The legend names only the patterns drawn.
        #expect(svg.contains("legend dashed") && !svg.contains("legend solid") && !svg.contains("legend dotted"))
        #expect(Self.parse(svg) != nil)
    }

    @Test("An empty graph says so and still parses; its size fits what it draws")
    func empty() throws {
        let graph = Self.graph([], [])
        let svg = graph.svg()
        #expect(svg.contains("Nobody yet"))
        #expect(Self.parse(svg) != nil)
        #expect(svg.contains("width=\"\(graph.size.width)\" height=\"\(graph.size.height)\""))
        let full = Self.graph((0..<30).map { ("\($0)", "Person \($0)") }, [("0", "1", .solid)])
        #expect(full.svg().contains("width=\"\(full.size.width)\" height=\"\(full.size.height)\""))
        #expect(full.size.width > graph.size.width)
    }

    @Test("Long names are cut short in the picture and whole in their tooltip")
    func longNames() {
        let name = "Константин Константинопольский-Длинноимённый"
        let svg = Self.graph([("a", name), ("b", "B")], []).svg()
        #expect(svg.contains("<title>\(name)</title>"))
        #expect(svg.contains(String(name.prefix(19)) + "…</text>"))
    }
}
