#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A local address where nothing listens, for "no server" tests: the port is bound but never
/// listened on, so connecting is refused, and it stays reserved until ``close()``.
///
/// A stopped server's port would not do: the next server a parallel test starts may be given it.
public final class RefusingPort: @unchecked Sendable {
  private let fd: Int32
  /// `http://127.0.0.1:<port>`.
  public let baseURL: String

  public init() {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
      }
    }
    precondition(bound, "could not reserve a local port: errno \(errno)")
    self.fd = fd
    baseURL = "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))"
  }

  /// Frees the port.
  public func close() {
    #if canImport(Glibc)
      _ = Glibc.close(fd)
    #else
      _ = Darwin.close(fd)
    #endif
  }
}
