/// Bar charts as SVG the node draws itself: no script, no style sheet, presentation attributes only,
/// so that a page's Content-Security-Policy allows them inline. Every label is escaped
/// (``SVGText``); the chart names itself for screen readers (`role="img"`, `<title>`), and each
/// page shows the same numbers in a table beside it.
enum BarChart {
    /// One bar: its label, its value, the text written at its end, and whether to hatch it (a month
    /// the period covers only in part).
    struct Bar {
        var label: String
        var value: Int64
        var text: String
        var hatched = false
    }

    /// Horizontal bars, longest first as given: a breakdown by community, city or work mode.
    static func horizontal(_ bars: [Bar], title: String) -> String {
        let labelWidth = 170
        let barArea = 260
        let rowHeight = 26
        let width = labelWidth + barArea + 120
        let height = 12 + rowHeight * max(1, bars.count)
        let top = max(1, bars.map(\.value).max() ?? 1)
        var parts = [
            open(width: width, height: height, title: title)
        ]
        for (index, bar) in bars.enumerated() {
            let y = 6 + index * rowHeight
            let length = max(2, Int(Double(bar.value) / Double(top) * Double(barArea)))
            parts.append(
                "<text x=\"\(labelWidth - 8)\" y=\"\(y + 17)\" text-anchor=\"end\">\(SVGText.escape(clip(bar.label)))</text>"
            )
            parts.append(
                "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(length)\" height=\"\(rowHeight - 8)\" rx=\"3\" fill=\"#4a7bd0\"/>"
            )
            parts.append(
                "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 17)\">\(SVGText.escape(bar.text))</text>"
            )
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// Vertical bars in order: a series by month, each with its text above it and its label below.
    ///
    /// - Parameter id: unique on the page: it names the hatching pattern, since several charts
    ///   share one document.
    static func vertical(_ bars: [Bar], id: String, title: String, note: String? = nil) -> String {
        let left = 20
        let step = 78
        let plotHeight = 180
        let bottom = 40 + plotHeight
        let width = max(360, left * 2 + bars.count * step)
        let height = bottom + 50
        let top = max(1, bars.map(\.value).max() ?? 1)
        var parts = [open(width: width, height: height, title: title)]
        if bars.contains(where: \.hatched) {
            parts.append(
                "<defs><pattern id=\"\(id)-partial\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#a9c0ea\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#4a7bd0\" stroke-width=\"2\"/></pattern></defs>"
            )
        }
        parts.append(
            "<line x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(width - left)\" y2=\"\(bottom)\" stroke=\"#57606a\"/>"
        )
        for (index, bar) in bars.enumerated() {
            let x = left + 12 + index * step
            let barHeight = max(bar.value > 0 ? 2 : 0, Int(Double(bar.value) / Double(top) * Double(plotHeight)))
            let fill = bar.hatched ? "url(#\(id)-partial)" : "#4a7bd0"
            parts.append(
                "<rect x=\"\(x)\" y=\"\(bottom - barHeight)\" width=\"50\" height=\"\(barHeight)\" rx=\"3\" fill=\"\(fill)\"/>"
            )
            parts.append(
                "<text x=\"\(x + 25)\" y=\"\(bottom - barHeight - 6)\" text-anchor=\"middle\">\(SVGText.escape(bar.text))</text>"
            )
            parts.append(
                "<text x=\"\(x + 25)\" y=\"\(bottom + 18)\" text-anchor=\"middle\">\(SVGText.escape(bar.label))</text>"
            )
        }
        if let note {
            parts.append("<text x=\"\(left)\" y=\"\(height - 8)\" fill=\"#57606a\">\(SVGText.escape(note))</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    private static func open(width: Int, height: Int, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"\(SVGText.escape(title))\" "
            + "width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" "
            + "font-family=\"system-ui, sans-serif\" font-size=\"13\" fill=\"#1f2328\">\n"
            + "<title>\(SVGText.escape(title))</title>"
    }

    /// A label cut to fit its column.
    /// A label that fits the label column: 20 Cyrillic letters do, at the chart's font size.
    private static func clip(_ label: String) -> String {
        label.count > 20 ? String(label.prefix(19)) + "…" : label
    }
}
