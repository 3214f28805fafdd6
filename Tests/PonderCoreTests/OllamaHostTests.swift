import PonderCore
import Testing

@Suite struct OllamaHostTests {
  @Test(
    arguments: [
      (nil, "http://127.0.0.1:11434"),
      ("", "http://127.0.0.1:11434"),
      ("  ", "http://127.0.0.1:11434"),
      ("0.0.0.0", "http://127.0.0.1:11434"),
      (":11435", "http://127.0.0.1:11435"),
      ("1.2.3.4", "http://1.2.3.4:11434"),
      ("\"1.2.3.4\"", "http://1.2.3.4:11434"),
      ("'1.2.3.4:56'", "http://1.2.3.4:56"),
      ("example.com", "http://example.com:11434"),
      ("http://box", "http://box:80"),
      ("https://box", "https://box:443"),
      ("https://box:8443", "https://box:8443"),
      ("::1", "http://[::1]:11434"),
      ("[::1]", "http://[::1]:11434"),
      ("[::1]:1337", "http://[::1]:1337"),
      ("::", "http://[::1]:11434"),
      ("box/ollama", "http://box:11434/ollama"),
      ("https://example.com/ollama/", "https://example.com:443/ollama"),
      ("box:99999", "http://box:11434"),
      ("box:abc", "http://box:11434"),
      ("ollama.com", "https://ollama.com:443"),
    ] as [(String?, String)])
  func parsesLikeOllamasOwnCLI(value: String?, expected: String) {
    #expect(OllamaHost(environmentValue: value).baseURL == expected)
  }
}
