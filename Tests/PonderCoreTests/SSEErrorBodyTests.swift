import PonderCore
import Testing

/// §6.24 and §6.32 are HTTP-status cases; the body part goes through `ErrorBody`.
@Suite struct SSEErrorBodyTests {
  @Test(arguments: [
    (
      #"{"object":"error","message":"max_tokens is too large","type":"BadRequestError","param":null,"code":400}"#,
      "max_tokens is too large"
    ),
    (
      "<html><head><title>502 Bad Gateway</title></head>\r\n<body>nginx</body></html>",
      "502 Bad Gateway"
    ),
    (#"{"error":{"code":503,"message":"Loading model","type":"unavailable_error"}}"#, "Loading model"),
    (#"{"error":{"message":"Invalid API Key","type":"authentication_error","code":401}}"#, "Invalid API Key"),
    (
      #"{"error":{"message":"model 'x' not found","type":"not_found_error","param":null,"code":null}}"#,
      "model 'x' not found"
    ),
    (
      #"{"error":{"message":"The model `gpt-9` does not exist","type":"invalid_request_error","code":"model_not_found"}}"#,
      "The model `gpt-9` does not exist"
    ),
    (
      #"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_1"}"#, "Overloaded"
    ),
  ])
  func preStreamBodies(body: String, expected: String) {
    #expect(ErrorBody.message(from: Array(body.utf8)) == expected)
  }
}
