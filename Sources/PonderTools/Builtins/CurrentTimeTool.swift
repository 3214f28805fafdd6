import PonderCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `current_time`: the local date and time, so a model need not guess "today".
///
/// The clock is injected (`now`, seconds since 1970) so tests give a fixed instant.
public struct CurrentTimeTool: Tool {
  public var now: @Sendable () -> Int

  public init(now: @escaping @Sendable () -> Int = { Int(time(nil)) }) {
    self.now = now
  }

  public var name: String { "current_time" }
  public var isReadOnly: Bool { true }
  public var description: String { "The current local date, time and time zone." }
  public var parameters: JSONValue { ["type": "object", "properties": .emptyObject] }

  public func run(_ arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
    let seconds = now()
    var instant = time_t(seconds)
    var parts = tm()
    guard localtime_r(&instant, &parts) != nil else { return .ok("unix time \(seconds)") }
    var buffer = [CChar](repeating: 0, count: 128)
    let count = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z (%A, time zone %Z)", &parts)
    let text = String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return .ok("\(text); unix time \(seconds)")
  }
}
