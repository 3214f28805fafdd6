import PonderCore
import Testing

@Suite struct RedirectPolicyTests {
  @Test func aRedirectWithinTheOriginIsFollowed() {
    #expect(
      RedirectPolicy.decide(status: 307, method: .post, from: "https://api.example.com/v1/messages", to: "/v2/messages")
        == .follow("https://api.example.com:443/v2/messages"))
    #expect(
      RedirectPolicy.decide(status: 308, method: .post, from: "http://h:8080/v1/x", to: "http://h:8080/y")
        == .follow("http://h:8080/y"))
    #expect(
      RedirectPolicy.decide(status: 301, method: .get, from: "http://h/api/tags", to: "/api/tags/")
        == .follow("http://h:80/api/tags/"))
  }

  @Test(arguments: [
    "https://evil.example.net/v1/messages", "http://api.example.com/v1/messages", "https://api.example.com:8443/v1",
    "//evil.example.net/v1/messages",
  ])
  func aRedirectToAnotherOriginIsRefusedAndNamed(_ location: String) {
    guard
      case .refuse(let reason) = RedirectPolicy.decide(
        status: 307, method: .post, from: "https://api.example.com/v1/messages", to: location)
    else {
      Issue.record("a cross-origin redirect must not be followed")
      return
    }
    #expect(reason.contains("another host"))
  }

  @Test func aMovedPostIsReportedNotFollowed() {
    guard
      case .refuse(let reason) = RedirectPolicy.decide(
        status: 302, method: .post, from: "http://h:11434/api/chat", to: "/v2/chat?x=1")
    else {
      Issue.record("a 302 on a POST must not be followed")
      return
    }
    #expect(
      reason
        == "the server redirected to http://h:11434/v2/chat (HTTP 302), which would drop the request body; use that address as --host"
    )
  }

  @Test func originsIgnoreCaseUserInfoAndDefaultPorts() {
    #expect(RedirectPolicy.origin(of: "HTTPS://Api.Example.com/v1") == "https://api.example.com:443")
    #expect(RedirectPolicy.origin(of: "http://u:p@h:8080/x") == "http://h:8080")
    #expect(RedirectPolicy.origin(of: "http://[::1]:11434/api") == "http://[::1]:11434")
    #expect(RedirectPolicy.origin(of: "nonsense") == nil)
  }
}
