import PonderCore
import Testing

@testable import PonderHTTP

/// Which plain `http://` addresses the own HTTP/1.1 path takes, and the request it writes.
@Suite struct PlainHTTPTargetTests {
  static func fields(_ target: PlainHTTPTarget) -> [String] {
    [target.host, String(target.port), target.target, target.hostHeader]
  }

  @Test func hostsPortsAndPathsAreRead() throws {
    let local = try #require(PlainHTTPTarget(url: "http://127.0.0.1:11434/api/chat"))
    #expect(Self.fields(local) == ["127.0.0.1", "11434", "/api/chat", "127.0.0.1:11434"])
    let v6 = try #require(PlainHTTPTarget(url: "http://[::1]:8080/v1/models?x=1#frag"))
    #expect(Self.fields(v6) == ["::1", "8080", "/v1/models?x=1", "[::1]:8080"])
    let bare = try #require(PlainHTTPTarget(url: "HTTP://gpu-box"))
    #expect(Self.fields(bare) == ["gpu-box", "80", "/", "gpu-box"])
  }

  @Test(arguments: [
    "https://example.com/", "http://", "http://host:0/", "http://host:99999/", "http://[::1/", "http://u@h/",
  ])
  func otherSchemesAndBrokenAddressesAreNotTaken(url: String) {
    #expect(PlainHTTPTarget(url: url) == nil)
  }

  @Test func theRequestClosesItsConnectionAndCannotBeSplitByAHeader() throws {
    let target = try #require(PlainHTTPTarget(url: "http://localhost:11434/api/chat"))
    let spec = HTTPRequestSpec(
      method: .post, url: "http://localhost:11434/api/chat",
      headers: [HTTPHeader("Content-Type", "application/json"), HTTPHeader("Authorization", "Bearer k\r\nX-Evil: 1")],
      body: Array(#"{"a":1}"#.utf8))
    let text = String(decoding: target.requestBytes(spec), as: UTF8.self)
    #expect(
      text
        == "POST /api/chat HTTP/1.1\r\nHost: localhost:11434\r\nContent-Type: application/json\r\n"
        + "Authorization: Bearer kX-Evil: 1\r\nContent-Length: 7\r\nConnection: close\r\n\r\n{\"a\":1}")
  }
}
