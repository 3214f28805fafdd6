import PonderCore
import PonderTestSupport
import Testing

@Suite struct NDJSONFramerTests {
  static let stream = Array("{\"a\":\"é\"}\n\n{\"b\":\"🙂\"}\r\n{\"c\":1}".utf8)

  private func records(_ chunks: [[UInt8]]) throws -> [String] {
    var sut = NDJSONFramer(maxRecordLength: 1 << 20)
    var out: [String] = []
    for chunk in chunks {
      sut.append(chunk)
      while let record = try sut.nextRecord() { out.append(String(decoding: record, as: UTF8.self)) }
    }
    if let rest = sut.finish() { out.append(String(decoding: rest, as: UTF8.self)) }
    return out
  }

  @Test(arguments: [1, 2, 3, 7, 4096])
  func sameRecordsForAnyChunkSize(chunkSize: Int) throws {
    let result = try records(DecoderVerifier.chunked(Self.stream, size: chunkSize))
    #expect(result == [#"{"a":"é"}"#, #"{"b":"🙂"}"#, #"{"c":1}"#])
  }

  @Test func splitAtEveryIndexGivesTheSameRecords() throws {
    let whole = try records([Self.stream])
    for index in 0...Self.stream.count {
      let split = try records([Array(Self.stream[..<index]), Array(Self.stream[index...])])
      #expect(split == whole, "split at \(index)")
    }
  }

  @Test func recordLongerThanTheCapThrows() {
    var sut = NDJSONFramer(maxRecordLength: 8)
    sut.append(Array("0123456789".utf8))
    #expect(throws: ChatError.self) { try sut.nextRecord() }
  }

  @Test func finishWithOnlyWhitespaceGivesNothing() {
    var sut = NDJSONFramer()
    sut.append(Array("  ".utf8))
    #expect(sut.finish() == nil)
  }
}
