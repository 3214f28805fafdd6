import PonderCore
import Testing

@Suite struct JSONTests {
  @Test func parsesEscapesSurrogatePairsAndNumbers() throws {
    let value = try JSONValue.parse(
      #"{"s":"a\"b\\c\/\n\u00e9\ud83d\ude42\u003c","n":-12.5e1,"i":42,"t":true,"z":null,"a":[1,{}]}"#)
    #expect(value["s"] == "a\"b\\c/\né🙂<")
    #expect(value["n"]?.doubleValue == -125)
    #expect(value["i"]?.intValue == 42)
    #expect(value["t"]?.boolValue == true)
    #expect(value["z"]?.isNull == true)
    #expect(value["a"] == [1, .emptyObject])
  }

  @Test func loneSurrogateBecomesReplacementCharacter() throws {
    #expect(try JSONValue.parse(#""\ud800x""#) == "\u{FFFD}x")
  }

  @Test(arguments: [#"{"a":}"#, #"{"a":1"#, #"[1,]"#, #""abc"#, "tru", #"{"a":1} x"#, ""])
  func rejectsInvalidJSON(text: String) {
    #expect(throws: JSONReader.Failure.self) { try JSONValue.parse(text) }
  }

  @Test func serializationRoundTripsAndKeepsMemberOrder() throws {
    let value: JSONValue = ["z": 1, "a": ["x\u{2028}": "line\nbreak \"q\" \u{1}"], "f": 1.5, "n": nil]
    let text = value.serialized
    #expect(text == #"{"z":1,"a":{"x\u2028":"line\nbreak \"q\" \u0001"},"f":1.5,"n":null}"#)
    #expect(try JSONValue.parse(text) == value)
  }

  @Test func deepNestingIsRefused() {
    let deep = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
    #expect(throws: JSONReader.Failure.self) { try JSONValue.parse(deep) }
  }
}
