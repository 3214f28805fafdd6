import Foundation

/// Checks on processes the tests started: whether a pid is gone (dead, or a zombie waiting for
/// a parent that is not us). The process table has no event to wait on, so this polls; the
/// limit only bounds a failure.
public enum ProcessProbe {
  public static func isGone(_ pid: Int32, within limit: Duration = .seconds(60)) async -> Bool {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
      if kill(pid, 0) != 0 || isZombie(pid) { return true }
      try? await Task.sleep(for: .milliseconds(5))
    }
    return false
  }

  public static func isZombie(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return false }
    return stat[stat.index(close, offsetBy: 2)] == "Z"
  }
}
