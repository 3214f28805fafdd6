/// What a setting accepts, and how a value of that kind becomes a ``ConfigValue``.
public enum ConfigType: Sendable, Equatable {
  case string
  /// One of a few words (`api`, `think`); `true`/`false` read as `on`/`off` when those are words.
  case choice([String])
  case bool
  /// A number above 0 (seconds), at most ``largestNumber``.
  case positiveNumber
  /// 0 or more (minutes to wait, where 0 means not at all), at most ``largestNumber``.
  case nonNegativeNumber
  case strings
  /// A string, number or boolean (an MCP server's environment variables).
  case scalar
  /// A scalar or a list of strings (model options: `num_ctx`, `stop = ["###"]`).
  case anyValue

  /// The largest number a setting takes: a billion seconds is over thirty years, and a setting
  /// in seconds or minutes stays far inside what a `Duration` or an `Int` of milliseconds holds.
  public static let largestNumber = 1_000_000_000

  /// What a warning says was expected.
  public var expected: String {
    switch self {
    case .string: return "a string"
    case .choice(let words): return "one of " + words.joined(separator: ", ")
    case .bool: return "true or false"
    case .positiveNumber: return "a number above 0 (at most \(Self.largestNumber))"
    case .nonNegativeNumber: return "a number, 0 or more (at most \(Self.largestNumber))"
    case .strings: return "a list of strings"
    case .scalar: return "a string, a number, or true or false"
    case .anyValue: return "a string, a number, true or false, or a list of strings"
    }
  }

  /// The value as Ponder keeps it, or `nil` when `node` is not of this type.
  public func value(of node: ConfigNode) -> ConfigValue? {
    switch (self, node) {
    case (.string, .string(let text)): return .string(text)
    case (.choice(let words), .string(let text)): return words.contains(text) ? .string(text) : nil
    case (.choice(let words), .bool(let flag)) where words.contains("on") && words.contains("off"):
      return .string(flag ? "on" : "off")
    case (.bool, .bool(let flag)): return .bool(flag)
    case (.positiveNumber, .integer(let number)): return Self.bounded(Double(number), allowsZero: false)
    case (.positiveNumber, .float(let number)): return Self.bounded(number, allowsZero: false)
    case (.nonNegativeNumber, .integer(let number)): return Self.bounded(Double(number), allowsZero: true)
    case (.nonNegativeNumber, .float(let number)): return Self.bounded(number, allowsZero: true)
    case (.strings, .array(let items)):
      let texts = items.compactMap { item -> String? in if case .string(let text) = item { text } else { nil } }
      return texts.count == items.count ? .strings(texts) : nil
    case (.scalar, .string(let text)), (.anyValue, .string(let text)): return .string(text)
    case (.scalar, .integer(let number)), (.anyValue, .integer(let number)): return .number(Double(number))
    case (.scalar, .float(let number)), (.anyValue, .float(let number)): return .number(number)
    case (.scalar, .bool(let flag)), (.anyValue, .bool(let flag)): return .bool(flag)
    case (.anyValue, .array): return ConfigType.strings.value(of: node)
    default: return nil
    }
  }

  /// `number` when it is above 0 (or 0 itself, when `allowsZero`) and at most ``largestNumber``:
  /// never NaN or infinite.
  private static func bounded(_ number: Double, allowsZero: Bool) -> ConfigValue? {
    let aboveLowest = allowsZero ? number >= 0 : number > 0
    return aboveLowest && number <= Double(largestNumber) ? .number(number) : nil
  }
}
