#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Seconds since 1970 as people read them: local date and time, or how long ago.
///
/// Pure conversions (libc's `localtime_r`); the current time is always passed in.
public enum CalendarTime {
  /// `2026-12-06 14:03` in the local time zone.
  public static func dateTime(_ epochSeconds: Int64) -> String {
    var seconds = time_t(epochSeconds)
    var parts = tm()
    localtime_r(&seconds, &parts)
    return
      "\(parts.tm_year + 1900)-\(pad(parts.tm_mon + 1))-\(pad(parts.tm_mday)) \(pad(parts.tm_hour)):\(pad(parts.tm_min))"
  }

  /// `just now`, `5 min ago`, `3 h ago`, `yesterday`, `4 days ago`, else the date.
  public static func ago(_ epochSeconds: Int64, now: Int64) -> String {
    let delta = max(0, now - epochSeconds)
    switch delta {
    case ..<60: return "just now"
    case ..<3600: return "\(delta / 60) min ago"
    case ..<86_400: return "\(delta / 3600) h ago"
    case ..<172_800: return "yesterday"
    case ..<(7 * 86_400): return "\(delta / 86_400) days ago"
    default: return String(dateTime(epochSeconds).prefix(10))
    }
  }

  private static func pad(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
