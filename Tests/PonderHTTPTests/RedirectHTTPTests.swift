import Foundation
import PonderCore
import PonderHTTP
import PonderTestSupport
import Testing

/// Redirects over real sockets: a key header never reaches another origin; within the origin a
/// 307 keeps the method, body and headers.
@Suite struct RedirectHTTPTests {
  static let key = HTTPHeader("x-api-key", "sk-secret-123")

  func post(_ url: String) -> HTTPRequestSpec {
    .postJSON(url, ["model": "m"], headers: [Self.key])
  }

  @Test func aRedirectToAnotherHostIsNotFollowedAndTheKeyStaysHome() async throws {
    let elsewhere = try ScriptedHTTPServer { _ in .json(#"{"ok":true}"#) }
    defer { elsewhere.stop() }
    let target = elsewhere.baseURL + "/v1/messages"
    let origin = try ScriptedHTTPServer { _ in
      HTTPScript(status: 307, headers: [("Location", target)], chunks: [])
    }
    defer { origin.stop() }
    let transport = AsyncHTTPTransport()
    do {
      _ = try await transport.send(post(origin.baseURL + "/v1/messages"))
      Issue.record("a cross-origin redirect must fail")
    } catch let error as ChatError {
      #expect(error.message.contains("another host"))
      #expect(error.message.contains(elsewhere.baseURL))
      #expect(!error.message.contains("sk-secret"))
    }
    await transport.shutdown()
    #expect(elsewhere.recordedRequests.isEmpty)
  }

  @Test func a307WithinTheOriginIsFollowedWithItsBodyAndHeaders() async throws {
    let server = try ScriptedHTTPServer { request in
      request.path == "/old"
        ? HTTPScript(status: 307, headers: [("Location", "/new")], chunks: []) : .json(#"{"ok":true}"#)
    }
    defer { server.stop() }
    let transport = AsyncHTTPTransport()
    let response = try await transport.send(post(server.baseURL + "/old"))
    await transport.shutdown()
    #expect(response.status == 200)
    let followed = try #require(server.recordedRequests.last)
    #expect(followed.path == "/new")
    #expect(followed.method == "POST")
    #expect(followed.header("x-api-key") == "sk-secret-123")
    #expect(followed.bodyText == #"{"model":"m"}"#)
  }

  @Test func a302OnAPostSaysWhereToPointHost() async throws {
    let server = try ScriptedHTTPServer { _ in
      HTTPScript(status: 302, headers: [("Location", "/elsewhere")], chunks: [])
    }
    defer { server.stop() }
    let transport = AsyncHTTPTransport()
    do {
      _ = try await transport.send(post(server.baseURL + "/api/chat"))
      Issue.record("a 302 on a POST must fail")
    } catch let error as ChatError {
      #expect(error.message.contains("use that address as --host"))
    }
    await transport.shutdown()
    #expect(server.recordedRequests.count == 1)
  }
}
