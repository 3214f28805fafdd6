import NIOCore
import NIOSSL
import PonderCore
import Testing

@testable import PonderHTTP

#if canImport(Glibc)
  import Glibc
#endif

/// Failures below HTTP are named from the libraries' error types, in one line, never a dump.
@Suite struct TransportFailureTests {
  @Test func socketErrorsAreNamed() {
    #expect(TransportFailure.reason(IOError(errnoCode: ECONNREFUSED, reason: "connect")) == "connection refused")
    #expect(TransportFailure.reason(IOError(errnoCode: ECONNRESET, reason: "read")) == "connection reset by peer")
    #expect(TransportFailure.reason(IOError(errnoCode: EHOSTUNREACH, reason: "connect")) == "no route to host")
  }

  @Test func aTLSHandshakeFailureSaysWhatToTry() {
    let reason = TransportFailure.reason(NIOSSLError.handshakeFailed(.sslError([])))
    #expect(reason == "the TLS handshake failed: is the server serving HTTPS on this port? (if not, use http://)")
  }

  @Test func anUnknownHostIsNamedWithTheHost() async {
    let transport = AsyncHTTPTransport(connectTimeout: .seconds(5))
    defer { Task { await transport.shutdown() } }
    do {
      _ = try await transport.send(HTTPRequestSpec(method: .get, url: "http://no-such-host.invalid:11434/api/tags"))
      Issue.record("a request to an .invalid host succeeded")
    } catch let error as ChatError {
      #expect(error == ChatError(.cannotConnect, "unknown host no-such-host.invalid"))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func aRefusedConnectionIsNamed() async {
    let transport = AsyncHTTPTransport(connectTimeout: .seconds(5))
    defer { Task { await transport.shutdown() } }
    do {
      _ = try await transport.send(HTTPRequestSpec(method: .get, url: "http://127.0.0.1:1/api/tags"))
      Issue.record("a request to port 1 succeeded")
    } catch let error as ChatError {
      #expect(error == ChatError(.cannotConnect, "connection refused"))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}
