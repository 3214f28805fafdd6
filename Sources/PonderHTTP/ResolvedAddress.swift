#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One address a host name resolved to, ready for `connect`: the socket family and the raw
/// `sockaddr` bytes (IPv4 or IPv6).
struct ResolvedAddress: Sendable {
  var family: Int32
  private var storage: [UInt8]

  /// The addresses of `host` for TCP on `port`, in the resolver's order; empty when the name is
  /// unknown or cannot be resolved now. Blocks while the resolver asks DNS.
  static func lookUp(host: String, port: Int) -> [ResolvedAddress] {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    hints.ai_flags = AI_NUMERICSERV
    var list: UnsafeMutablePointer<addrinfo>?
    guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { return [] }
    defer { freeaddrinfo(first) }
    var addresses: [ResolvedAddress] = []
    var entry: UnsafeMutablePointer<addrinfo>? = first
    while let current = entry {
      if let address = current.pointee.ai_addr {
        let bytes = UnsafeRawBufferPointer(start: address, count: Int(current.pointee.ai_addrlen))
        addresses.append(ResolvedAddress(family: current.pointee.ai_family, storage: Array(bytes)))
      }
      entry = current.pointee.ai_next
    }
    return addresses
  }

  /// Calls `body` with the address as `connect` takes it.
  func withSockaddr<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
    storage.withUnsafeBytes { raw in
      body(raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(raw.count))
    }
  }
}
