import PonderCore
import Testing

@Suite struct HostSyntaxTests {
  @Test(arguments: [
    "127.0.0.1", "localhost:11434", "http://127.0.0.1:8080", "https://openrouter.ai/api/v1", "gpu-box",
    "[::1]:11434", "::1", "http://[fe80::1]:8080/", "ollama.com", "0.0.0.0:11434", ":11434", "http://h:1",
  ])
  func goodAddressesPass(_ text: String) {
    #expect(HostSyntax.problem(with: text) == nil)
  }

  @Test(arguments: [
    ("http://127.0.0.1:99999", "the port 99999 is not a number from 1 to 65535"),
    (":99999", "the port 99999 is not a number from 1 to 65535"),
    ("h:0", "the port 0 is not a number from 1 to 65535"),
    ("h:abc", "the port abc is not a number from 1 to 65535"),
    ("ftp://h", "the scheme ftp is not supported: use http:// or https://"),
    ("h:", "the port (empty) is not a number from 1 to 65535"),
    ("[::1", "an IPv6 address in [ ] is not closed"),
    ("bad host", "bad host is not a host name or address"),
  ])
  func badAddressesSayWhy(_ text: String, _ reason: String) {
    #expect(HostSyntax.problem(with: text) == reason)
  }

  @Test func aPasswordIsNeverRepeated() throws {
    let problem = try #require(HostSyntax.problem(with: "http://user:hunter2@example.com"))
    #expect(!problem.contains("hunter2"))
    #expect(problem.contains("password"))
  }
}
