import PonderCore
import Testing

@Suite struct ErrorBodyTests {
  @Test(arguments: [
    (#"{"error":"model 'nope' not found"}"#, "model 'nope' not found"),
    (#"{"error":{"message":"Invalid API Key","type":"authentication_error","code":401}}"#, "Invalid API Key"),
    (
      #"{"type":"error","error":{"type":"not_found_error","message":"no such model"},"request_id":"r"}"#,
      "no such model"
    ),
    (#"{"object":"error","message":"bad request","type":"BadRequestError","param":null,"code":400}"#, "bad request"),
    ("<html>\n<body>502 Bad\tGateway</body>\n</html>", "502 Bad Gateway"),
  ])
  func readsEveryDialect(body: String, expected: String) {
    #expect(ErrorBody.message(from: Array(body.utf8)) == expected)
  }

  @Test func emptyBodyHasNoMessage() {
    #expect(ErrorBody.message(from: []) == nil)
  }
}
