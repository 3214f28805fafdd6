import PonderCore

/// WHATWG's event-stream rules (protocols.md §5.1) read over a whole input, written for
/// clarity, not speed: what ``SSEFramer`` must agree with however its input is chunked.
/// Includes the framer's one documented exception: a last event without its blank line is
/// kept when its data is complete JSON or `[DONE]`.
enum SSEReference {
  static func events(_ bytes: [UInt8]) -> [SSEEvent] {
    var text = bytes[...]
    if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
    var events: [SSEEvent] = []
    var data: [UInt8] = []
    var type: String?
    func process(_ line: ArraySlice<UInt8>) {
      if line.isEmpty {
        if !data.isEmpty {
          events.append(SSEEvent(type: type ?? "message", data: Array(data.dropLast())))
        }
        data = []
        type = nil
        return
      }
      if line.first == UInt8(ascii: ":") { return }
      let colon = line.firstIndex(of: UInt8(ascii: ":"))
      let name = line[..<(colon ?? line.endIndex)]
      var value = colon.map { line[($0 + 1)...] } ?? []
      if value.first == UInt8(ascii: " ") { value = value.dropFirst() }
      if Array(name) == Array("data".utf8) {
        data += value
        data.append(0x0A)
      } else if Array(name) == Array("event".utf8) {
        type = String(decoding: value, as: UTF8.self)
      }
    }
    var lineStart = text.startIndex
    var index = lineStart
    while index < text.endIndex {
      let byte = text[index]
      guard byte == 0x0A || byte == 0x0D else {
        index += 1
        continue
      }
      process(text[lineStart..<index])
      index += byte == 0x0D && index + 1 < text.endIndex && text[index + 1] == 0x0A ? 2 : 1
      lineStart = index
    }
    if lineStart < text.endIndex { process(text[lineStart...]) }
    if !data.isEmpty {
      let last = Array(data.dropLast())
      if last == Array("[DONE]".utf8) || (try? JSONValue.parse(last)) != nil {
        events.append(SSEEvent(type: type ?? "message", data: last))
      }
    }
    return events
  }
}
