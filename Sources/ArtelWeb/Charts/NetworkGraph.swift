import Foundation

/// A network of people and the ties between them, drawn as a standalone SVG document: people on a
/// circle in a fixed order (so the same graph is always the same picture), their names beside them,
/// each tie a line whose pattern says its type, a legend below.
///
/// Pure: it knows no records and no words; whoever builds it gives the labels in the reader's
/// language. Every text is escaped for XML and cleared of characters XML cannot hold, so the
/// document always parses, whatever a name holds.
public struct NetworkGraph: Sendable, Equatable {
    /// A person in the graph.
    public struct Node: Sendable, Equatable {
        /// What edges name it by; unique in the graph.
        public let id: String
        /// The name shown beside it (cut short when long; the whole of it in its tooltip).
        public let label: String

        /// A node.
        public init(id: String, label: String) {
            self.id = id
            self.label = label
        }
    }

    /// How a line is drawn.
    public enum Pattern: String, Sendable, Equatable, CaseIterable {
        /// A plain line.
        case solid
        /// Long dashes.
        case dashed
        /// Round dots.
        case dotted
        /// A broad, lighter line.
        case double
    }

    /// A tie between two nodes.
    public struct Edge: Sendable, Equatable {
        /// The node it starts at.
        public let from: String
        /// The node it ends at.
        public let to: String
        /// How it is drawn.
        public let pattern: Pattern
        /// Whether it points from `from` to `to` (an arrow at `to`).
        public let directed: Bool
        /// Its tooltip: who, what, whom.
        public let label: String

        /// An edge.
        public init(from: String, to: String, pattern: Pattern, directed: Bool, label: String) {
            self.from = from
            self.to = to
            self.pattern = pattern
            self.directed = directed
            self.label = label
        }
    }

    /// A line of the legend: a pattern and what it means.
    public struct LegendItem: Sendable, Equatable {
        /// The pattern it shows.
        public let pattern: Pattern
        /// Whether its sample line has an arrow.
        public let directed: Bool
        /// What lines of that pattern mean.
        public let label: String

        /// A legend line.
        public init(pattern: Pattern, directed: Bool, label: String) {
            self.pattern = pattern
            self.directed = directed
            self.label = label
        }
    }

    /// The document's title (its accessible name).
    public var title: String
    /// A sentence saying what it shows (its accessible description).
    public var summary: String
    /// The people, in any order: they are drawn sorted by label, then id.
    public var nodes: [Node]
    /// The ties; an edge naming a node the graph lacks is left out.
    public var edges: [Edge]
    /// The legend, in order; its lines for patterns no edge uses are left out.
    public var legend: [LegendItem]
    /// What the picture says when it has no one in it.
    public var emptyText: String

    /// A graph.
    public init(
        title: String,
        summary: String,
        nodes: [Node],
        edges: [Edge],
        legend: [LegendItem],
        emptyText: String
    ) {
        self.title = title
        self.summary = summary
        self.nodes = nodes
        self.edges = edges
        self.legend = legend
        self.emptyText = emptyText
    }

    /// The longest label drawn in full, in characters.
    static let labelLength = 20
    /// Room beside the circle for labels.
    static let labelRoom = 200.0
    /// Above and below the circle.
    static let margin = 40.0
    /// Each legend line's height.
    static let legendLine = 24.0

    /// Where each node is drawn, by id: on a circle whose size grows with their number, the first
    /// at the top, the others clockwise; a single node in the middle.
    func positions() -> (ordered: [Node], points: [String: (x: Double, y: Double)], radius: Double) {
        var seen: Set<String> = []
        let ordered = nodes.sorted { ($0.label, $0.id) < ($1.label, $1.id) }.filter { seen.insert($0.id).inserted }
        let radius = max(90, min(420, Double(ordered.count) * 14))
        let center = (x: Self.labelRoom + radius, y: Self.margin + radius)
        var points: [String: (x: Double, y: Double)] = [:]
        for (index, node) in ordered.enumerated() {
            if ordered.count == 1 {
                points[node.id] = center
                continue
            }
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(ordered.count)
            points[node.id] = (center.x + radius * cos(angle), center.y + radius * sin(angle))
        }
        return (ordered, points, radius)
    }

    /// The edges drawn: those between two different nodes of the graph, in a fixed order.
    private func drawnEdges(_ points: [String: (x: Double, y: Double)]) -> [Edge] {
        edges.filter { points[$0.from] != nil && points[$0.to] != nil && $0.from != $0.to }
            .sorted { ($0.from, $0.to, $0.label) < ($1.from, $1.to, $1.label) }
    }

    /// The legend lines drawn: those of patterns some drawn edge has.
    private func drawnLegend(_ drawn: [Edge]) -> [LegendItem] {
        let used = Set(drawn.map { "\($0.pattern.rawValue)/\($0.directed)" })
        return legend.filter { used.contains("\($0.pattern.rawValue)/\($0.directed)") }
    }

    /// The picture's size in pixels, which a page's `<img>` states so that nothing moves as it loads.
    public var size: (width: Int, height: Int) {
        let (ordered, points, radius) = positions()
        let (width, height, _) = Self.dimensions(
            nodes: ordered.count,
            radius: radius,
            legend: drawnLegend(drawnEdges(points)).count
        )
        return (Int(width.rounded()), Int(height.rounded()))
    }

    private static func dimensions(nodes: Int, radius: Double, legend: Int) -> (Double, Double, Double) {
        let width = 2 * (labelRoom + radius)
        let circleHeight = nodes == 0 ? margin : 2 * (margin + radius)
        return (width, circleHeight + Double(legend) * legendLine + (legend == 0 ? 0 : margin / 2), circleHeight)
    }

    /// The SVG document.
    public func svg() -> String {
        let (ordered, points, radius) = positions()
        let drawn = drawnEdges(points)
        let legend = drawnLegend(drawn)
        let (width, height, circleHeight) = Self.dimensions(nodes: ordered.count, radius: radius, legend: legend.count)
        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 \(n(width)) \(n(height))" \
            width="\(n(width))" height="\(n(height))" role="img" aria-label="\(SVGText.escape(title))" \
            font-family="system-ui, sans-serif" font-size="14">
            <title>\(SVGText.escape(title))</title>
            <desc>\(SVGText.escape(summary))</desc>
            <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" \
            orient="auto" markerUnits="strokeWidth"><path d="M0,0L10,5L0,10z" fill="#444c56"/></marker></defs>
            <rect width="100%" height="100%" fill="#ffffff"/>

            """
        if ordered.isEmpty {
            svg += "<text x=\"\(n(width / 2))\" y=\"\(n(Self.margin * 0.7))\" text-anchor=\"middle\" fill=\"#57606a\">"
            svg += SVGText.escape(emptyText) + "</text>\n"
        }
        svg += "<g fill=\"none\" stroke=\"#444c56\">\n"
        func pair(_ edge: Edge) -> String { [edge.from, edge.to].sorted().joined(separator: "\u{0}") }
        let counts = Dictionary(grouping: drawn, by: pair).mapValues(\.count)
        var pairs: [String: Int] = [:]
        for edge in drawn {
            let pair = pair(edge)
            let count = counts[pair] ?? 1
            let rank = pairs[pair, default: 0]
            pairs[pair] = rank + 1
            svg += line(
                edge,
                from: points[edge.from]!,
                to: points[edge.to]!,
                offset: Double(rank) - Double(count - 1) / 2
            )
        }
        svg += "</g>\n<g>\n"
        let center = Self.labelRoom + radius
        for node in ordered {
            let point = points[node.id]!
            let anchor = ordered.count == 1 ? "middle" : point.x < center - 1 ? "end" : "start"
            let dx = ordered.count == 1 ? 0 : anchor == "end" ? -12.0 : anchor == "start" ? 12.0 : 0
            let dy = ordered.count == 1 ? -14.0 : point.y < Self.margin + radius ? -4.0 : 16.0
            svg += "<g><title>\(SVGText.escape(node.label))</title>"
            svg += "<circle cx=\"\(n(point.x))\" cy=\"\(n(point.y))\" r=\"7\" fill=\"#0b57d0\"/>"
            svg += "<text x=\"\(n(point.x + dx))\" y=\"\(n(point.y + dy))\" text-anchor=\"\(anchor)\" fill=\"#1f2328\">"
            svg += SVGText.escape(Self.shortened(node.label)) + "</text></g>\n"
        }
        svg += "</g>\n"
        for (index, item) in legend.enumerated() {
            let y = circleHeight + Self.margin / 2 + Double(index) * Self.legendLine
            svg += "<g>"
            svg += "<line x1=\"20\" y1=\"\(n(y))\" x2=\"70\" y2=\"\(n(y))\" stroke=\"#444c56\""
            svg += Self.strokeAttributes(item.pattern, directed: item.directed) + "/>"
            svg += "<text x=\"82\" y=\"\(n(y + 5))\" fill=\"#1f2328\">\(SVGText.escape(item.label))</text></g>\n"
        }
        svg += "</svg>\n"
        return svg
    }

    /// One edge, shortened to end at its nodes' circles and shifted sideways by `offset` steps when
    /// the same two people have several ties.
    private func line(_ edge: Edge, from: (x: Double, y: Double), to: (x: Double, y: Double), offset: Double) -> String
    {
        let dx = to.x - from.x
        let dy = to.y - from.y
        let length = max((dx * dx + dy * dy).squareRoot(), 1)
        let (ux, uy) = (dx / length, dy / length)
        // The sideways shift is measured on the pair's sorted direction, so both ties of a pair
        // drawn in opposite directions still move apart.
        let sign = edge.from < edge.to ? 1.0 : -1.0
        let (sx, sy) = (-uy * offset * 6 * sign, ux * offset * 6 * sign)
        let start = (x: from.x + ux * 9 + sx, y: from.y + uy * 9 + sy)
        let end = (x: to.x - ux * 9 + sx, y: to.y - uy * 9 + sy)
        return "<line x1=\"\(n(start.x))\" y1=\"\(n(start.y))\" x2=\"\(n(end.x))\" y2=\"\(n(end.y))\""
            + Self.strokeAttributes(edge.pattern, directed: edge.directed)
            + "><title>\(SVGText.escape(edge.label))</title></line>\n"
    }

    /// The presentation attributes of a line of a pattern (attributes, not a `style`: the site's
    /// Content-Security-Policy allows no inline style).
    static func strokeAttributes(_ pattern: Pattern, directed: Bool) -> String {
        var attributes: String
        switch pattern {
        case .solid: attributes = " stroke-width=\"2\""
        case .dashed: attributes = " stroke-width=\"2\" stroke-dasharray=\"8 5\""
        case .dotted: attributes = " stroke-width=\"2.5\" stroke-dasharray=\"1 5\" stroke-linecap=\"round\""
        case .double: attributes = " stroke-width=\"4.5\" stroke-opacity=\"0.55\""
        }
        if directed { attributes += " marker-end=\"url(#arrow)\"" }
        return attributes
    }

    /// A label cut to ``labelLength`` characters, with an ellipsis when cut.
    static func shortened(_ label: String) -> String {
        label.count <= labelLength ? label : String(label.prefix(labelLength - 1)) + "…"
    }

    /// A coordinate with at most one decimal.
    private func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
