import Testing

@testable import PonderTools

@Suite struct OutputCaptureTests {
  @Test func keepsTheBeginningAndTheEndAndCountsTheRest() {
    var capture = OutputCapture(limit: 16)
    for chunk in ["0123456789", "abcdefghij", "KLMNOPQRST", "uvwxyz"] { capture.append(Array(chunk.utf8)) }
    #expect(capture.totalBytes == 36)
    #expect(capture.head == Array("0123456789abcdef".utf8.prefix(12)))
    #expect(capture.droppedBytes == 36 - 12 - 4)
    #expect(capture.text == "0123456789ab\n[… 20 bytes not shown …]\nwxyz")
  }

  @Test func smallOutputIsKeptWhole() {
    var capture = OutputCapture(limit: 64)
    capture.append(Array("hello\n".utf8))
    #expect(capture.droppedBytes == 0)
    #expect(capture.text == "hello\n")
  }

  @Test(arguments: [1, 7, 4096])
  func memoryStaysBoundedWhateverTheChunking(chunkSize: Int) {
    var capture = OutputCapture(limit: 1024)
    let chunk = [UInt8](repeating: 0x61, count: chunkSize)
    var mostStored = 0
    for _ in 0..<(200_000 / chunkSize) {
      capture.append(chunk)
      mostStored = max(mostStored, capture.storedBytes)
    }
    // What is held, not only what is shown: the tail is trimmed as it grows (to 256 at 2×).
    #expect(mostStored <= 768 + 2 * 256)
    #expect(capture.head.count == 768)
    #expect(capture.text.utf8.count < 1024 + 64)
  }
}
