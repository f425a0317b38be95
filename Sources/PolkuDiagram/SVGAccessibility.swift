import PolkuEscaping

/// Adds a title and a text alternative to the SVG Graphviz writes: `role="img"`, and a
/// `<title>` and `<desc>` right after the opening `<svg>` tag, which screen readers read out
/// and planning-document tools show as the picture's description.
package enum SVGAccessibility {
    package static func annotate(_ svg: String, title: String, description: String) -> String {
        guard let open = svg.range(of: "<svg"), let close = svg[open.upperBound...].range(of: ">") else { return svg }
        var out = String(svg[..<close.lowerBound])
        out += " role=\"img\" aria-labelledby=\"polku-title polku-desc\">\n"
        out += "<title id=\"polku-title\">\(Escaping.xml(title))</title>\n"
        out += "<desc id=\"polku-desc\">\(Escaping.xml(description))</desc>"
        out += svg[close.upperBound...]
        return out
    }
}
