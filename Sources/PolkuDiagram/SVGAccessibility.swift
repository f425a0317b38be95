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

    /// `annotate` on the bytes Graphviz wrote, without making a `String` of them (a 2,000-step
    /// SVG is 3 MB): the same bytes as `annotate` gives. Bytes that are not UTF-8 go through
    /// `annotate`, which repairs them as a `String` does.
    package static func annotate(_ svg: [UInt8], title: String, description: String) -> [UInt8] {
        guard String(validating: svg, as: UTF8.self) != nil else {
            return Array(annotate(String(decoding: svg, as: UTF8.self), title: title, description: description).utf8)
        }
        let open = Array("<svg".utf8)
        guard let start = ByteSearch.find(open, in: svg, from: 0),
              let close = svg[(start + open.count)...].firstIndex(of: UInt8(ascii: ">")) else { return svg }
        var out: [UInt8] = []
        out.reserveCapacity(svg.count + title.utf8.count + description.utf8.count + 256)
        out += svg[..<close]
        out += " role=\"img\" aria-labelledby=\"polku-title polku-desc\">\n<title id=\"polku-title\">".utf8
        Escaping.xml(title, into: &out)
        out += "</title>\n<desc id=\"polku-desc\">".utf8
        Escaping.xml(description, into: &out)
        out += "</desc>".utf8
        out += svg[(close + 1)...]
        return out
    }

    /// Replaces the `<title>` Graphviz gives every node and arrow (its internal name: `s4`,
    /// `lane3`, `s4->s6`), which a browser shows when the pointer rests on it, with what
    /// `title(name)` says it is; a name it does not know keeps its title. The new text is
    /// escaped for XML. One pass over the bytes, so a diagram of thousands of steps costs no
    /// more than its size.
    package static func retitle(_ svg: [UInt8], _ title: (String) -> String?) -> [UInt8] {
        let open = Array("<title>".utf8), close = Array("</title>".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(svg.count + svg.count / 8)
        var i = 0
        while i < svg.count {
            guard let start = ByteSearch.find(open, in: svg, from: i) else { break }
            let inner = start + open.count
            guard let end = ByteSearch.find(close, in: svg, from: inner) else { break }
            out += svg[i..<inner]
            let name = decoded(svg[inner..<end])
            if let text = title(name) {
                out += Escaping.xml(text).utf8
            } else {
                out += svg[inner..<end]
            }
            i = end
        }
        out += svg[i...]
        return out
    }

    /// The text of XML character data: the entities Graphviz writes (`&#45;`, `&gt;`, ...)
    /// turned back into characters.
    static func decoded(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semi) <= 10 else {
                out += rest[amp...]
                return out
            }
            let entity = rest[rest.index(after: amp)..<semi]
            var scalar: Unicode.Scalar?
            switch entity {
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "amp": scalar = "&"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if entity.hasPrefix("#") {
                    scalar = UInt32(entity.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
                }
            }
            if let scalar {
                out.unicodeScalars.append(scalar)
            } else {
                out += rest[amp...semi]
            }
            rest = rest[rest.index(after: semi)...]
        }
        out += rest
        return out
    }
}
