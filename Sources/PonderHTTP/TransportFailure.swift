import AsyncHTTPClient
import NIOCore
import NIOPosix
import NIOSSL
import PonderCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Names why a request failed below HTTP, in Ponder's words, from the libraries' own error
/// types — never their dumps: "unknown host example.invalid", "connection refused", "the TLS
/// handshake failed: …", "connection reset by peer".
enum TransportFailure {
  /// The error to throw for a failure while connecting or sending: cancellation stays
  /// cancellation, everything else is a ``ChatError``.
  static func translate(_ error: any Error) -> any Error {
    if error is CancellationError { return error }
    if let clientError = error as? HTTPClientError {
      if clientError == .cancelled { return CancellationError() }
      if clientError == .remoteConnectionClosed {
        return ChatError(.connectionLost, "the server closed the connection before answering")
      }
    }
    return ChatError(.cannotConnect, reason(error))
  }

  /// One line for any failure of the transport.
  static func reason(_ error: any Error) -> String {
    switch error {
    case let error as NIOConnectionError:
      if error.dnsAError != nil || error.dnsAAAAError != nil { return "unknown host \(error.host)" }
      if let first = error.connectionErrors.first { return reason(first.error) }
      return "could not connect to \(error.host):\(error.port)"
    case let error as SocketAddressError.UnknownHost:
      return "unknown host \(error.host)"
    case let error as IOError:
      return describe(errno: error.errnoCode)
    case let error as NIOSSLError:
      return describe(error)
    case let error as NIOSSLExtraError:
      return error == .failedToValidateHostname
        ? "the server's TLS certificate is not for this host name" : "TLS failed (\(error))"
    case let error as HTTPClientError:
      return describe(error)
    case is ChannelError:
      return "the connection failed (\(error))"
    default:
      return String(describing: error)
    }
  }

  static func describe(errno code: CInt) -> String {
    switch code {
    case ECONNREFUSED: return "connection refused"
    case ECONNRESET: return "connection reset by peer"
    case EPIPE: return "broken pipe"
    case ETIMEDOUT: return "timed out"
    case ENETUNREACH: return "network unreachable"
    case EHOSTUNREACH: return "no route to host"
    case EADDRNOTAVAIL: return "address not available"
    default: return String(cString: strerror(code)).lowercased()
    }
  }

  private static func describe(_ error: NIOSSLError) -> String {
    switch error {
    case .handshakeFailed(let inner):
      if "\(inner)".contains("CERTIFICATE_VERIFY_FAILED") {
        return "the TLS handshake failed: the server's certificate is not trusted"
      }
      return "the TLS handshake failed: is the server serving HTTPS on this port? (if not, use http://)"
    case .uncleanShutdown: return "the TLS connection was cut"
    case .unableToValidateCertificate, .noCertificateToValidate:
      return "the server's TLS certificate could not be checked"
    default: return "TLS failed (\(error))"
    }
  }

  private static func describe(_ error: HTTPClientError) -> String {
    switch error {
    case .connectTimeout: return "timed out connecting"
    case .readTimeout: return "timed out reading"
    case .remoteConnectionClosed: return "the server closed the connection"
    case .invalidURL, .emptyHost, .emptyScheme: return "the address is not a valid URL"
    case .tlsHandshakeTimeout: return "the TLS handshake timed out: is the server serving HTTPS on this port?"
    case .bodyLengthMismatch: return "the body was shorter than its declared length"
    default: return "\(error)"
    }
  }
}
