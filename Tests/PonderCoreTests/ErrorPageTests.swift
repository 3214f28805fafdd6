import PonderCore
import PonderTestSupport
import Testing

/// Error bodies and unexpected bodies are reduced to one line in Ponder's words: an HTML page to
/// its title or first line of text, never its markup; a compressed or HTML "success" is named.
@Suite struct ErrorPageTests {
  static let nginx404 = """
    <html>\r
    <head><title>404 Not Found</title></head>\r
    <body>\r
    <center><h1>404 Not Found</h1></center>\r
    <hr><center>nginx/1.24.0</center>\r
    </body>\r
    </html>
    """

  @Test func anHTMLPageIsReducedToItsTitle() {
    #expect(ErrorBody.message(from: Array(Self.nginx404.utf8)) == "404 Not Found")
    let page = "<!DOCTYPE html><html><head><TITLE>Bad Gateway &amp; more</TITLE></head><body>x</body></html>"
    #expect(ErrorBody.message(from: Array(page.utf8)) == "Bad Gateway & more")
  }

  @Test func anUntitledPageGivesItsFirstLineOfText() {
    let page = """
      <html><head><style>body { color: red }</style><script>var x = "<b>";</script></head>
      <body><h1>Service   Unavailable</h1><p>The server is overloaded.</p></body></html>
      """
    #expect(ErrorBody.message(from: Array(page.utf8)) == "Service Unavailable")
  }

  @Test func plainTextGivesItsFirstLineAndLongTextIsCapped() {
    #expect(ErrorBody.message(from: Array("\n  upstream timed out\nsecond line".utf8)) == "upstream timed out")
    let long = String(repeating: "word ", count: 200)
    let message = ErrorBody.message(from: Array(long.utf8)) ?? ""
    #expect(message.count == ErrorBody.maximumLength)
    #expect(message.hasSuffix("…"))
  }

  @Test func aNotFoundPageFromAWebServerSaysTheEndpointIsMissing() {
    let message = ErrorBody.rejection(status: 404, body: Array(Self.nginx404.utf8), path: "/api/chat")
    #expect(
      message == #"there is no /api/chat here (it says "404 Not Found"): is this a model server, and is --api right?"#)
    #expect(
      ErrorBody.rejection(status: 404, body: [], path: "/v1/chat/completions")
        == "there is no /v1/chat/completions here: is this a model server, and is --api right?")
  }

  @Test func aModelServersOwnNotFoundKeepsItsMessage() {
    let body = Array(#"{"error":"model 'nope' not found"}"#.utf8)
    #expect(ErrorBody.rejection(status: 404, body: body, path: "/api/chat") == "model 'nope' not found")
    #expect(ErrorBody.rejection(status: 500, body: [], path: "/api/chat") == "no message")
  }

  @Test func compressedAndWebPageBodiesAreFoundFromHeadersOrBytes() {
    #expect(UnexpectedBody.check(headers: [HTTPHeader("Content-Encoding", "gzip")]) == .compressed(encoding: "gzip"))
    #expect(UnexpectedBody.check(headers: [HTTPHeader("content-encoding", "identity")]) == nil)
    #expect(UnexpectedBody.check(headers: [HTTPHeader("Content-Type", "text/html; charset=utf-8")]) == .webPage)
    #expect(UnexpectedBody.check(headers: [HTTPHeader("Content-Type", "application/x-ndjson")]) == nil)
    #expect(UnexpectedBody.check(firstBytes: [0x1F, 0x8B, 0x08, 0x00]) == .compressed(encoding: "gzip"))
    #expect(UnexpectedBody.check(firstBytes: Array("  <!doctype html><title>Login</title>".utf8)) == .webPage)
    #expect(UnexpectedBody.check(firstBytes: Array(#"{"model":"m","message":{"content":"<html>"}}"#.utf8)) == nil)
  }

  static func events(from transport: CannedTransport) async -> [StreamEvent] {
    let client = StreamingClient(transport: transport)
    var events: [StreamEvent] = []
    for await batch in client.events(for: .postJSON("http://h:1/api/chat", .object([])), decoder: OllamaChatDecoder()) {
      events += batch
    }
    return events
  }

  @Test func aWebPageServedAsSuccessIsNamed() async {
    let page = "<html><head><title>Router login</title></head><body>Sign in</body></html>"
    for headers in [[HTTPHeader("Content-Type", "text/html")], []] {
      let events = await Self.events(from: CannedTransport(headers: headers, body: page))
      #expect(
        events == [
          .error(
            ChatError(
              .malformed,
              #"the server answered with a web page ("Router login"), not a model stream: is --host a model server?"#))
        ])
    }
  }

  @Test func aCompressedBodyIsNamed() async {
    let gzip = CannedTransport(chunks: [[0x1F, 0x8B, 0x08, 0x00, 0x00]])
    let labelled = CannedTransport(headers: [HTTPHeader("Content-Encoding", "br")], body: "{}")
    #expect(
      await Self.events(from: gzip) == [
        .error(
          ChatError(
            .malformed, "the server compressed its reply (gzip) though none was asked for; is a proxy in the way?"))
      ])
    #expect(
      await Self.events(from: labelled) == [
        .error(
          ChatError(
            .malformed, "the server compressed its reply (br) though none was asked for; is a proxy in the way?"))
      ])
  }

  @Test func aNotFoundPageIsARejectionNamingThePath() async {
    let events = await Self.events(from: CannedTransport(status: 404, body: Self.nginx404))
    #expect(
      events == [
        .error(
          ChatError(
            .rejected(status: 404),
            #"there is no /api/chat here (it says "404 Not Found"): is this a model server, and is --api right?"#))
      ])
  }
}
