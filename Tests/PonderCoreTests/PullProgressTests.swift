import PonderCore
import PonderTestSupport
import Testing

@Suite struct PullProgressTests {
  @Test func theBarSumsTheLatestCountsOfEachDigest() {
    var progress = PullProgress(model: "m")
    #expect(progress.fraction == nil)
    progress.apply(.status("pulling manifest"))
    progress.apply(.layer(status: "pulling a", digest: "sha256:a", completed: 100, total: 1000))
    progress.apply(.layer(status: "pulling b", digest: "sha256:b", completed: 0, total: 3000))
    progress.apply(.layer(status: "pulling a", digest: "sha256:a", completed: 500, total: 1000))
    progress.apply(.layer(status: "pulling b", digest: "sha256:b", completed: 1500, total: 3000))
    #expect(progress.completed == 2000)
    #expect(progress.total == 4000)
    #expect(progress.fraction == 0.5)
    #expect(progress.status == "pulling b")
    progress.apply(.status("verifying sha256 digest"))
    #expect(progress.total == 4000)
    progress.apply(.success)
    #expect(progress.fraction == 1)
  }

  @Test func theBarFillsInEighths() {
    #expect(PullProgressText.bar(0, width: 4) == "░░░░")
    #expect(PullProgressText.bar(1, width: 4) == "████")
    #expect(PullProgressText.bar(0.5, width: 4) == "██░░")
    #expect(PullProgressText.bar(0.5 + 1.0 / 32, width: 4) == "██▏░")
    #expect(PullProgressText.bar(2, width: 3) == "███")
  }

  @Test func durationsReadAsSecondsMinutesAndHours() {
    #expect(PullProgressText.duration(6.2) == "7s")
    #expect(PullProgressText.duration(125) == "2m05s")
    #expect(PullProgressText.duration(3720) == "1h02m")
  }

  @Test func speedAndTimeLeftComeFromInjectedTimes() {
    var rate = TransferRate(window: .seconds(5))
    rate.record(0, at: .zero)
    #expect(rate.bytesPerSecond == nil)
    rate.record(1_000_000, at: .milliseconds(100))
    #expect(rate.bytesPerSecond == nil, "a tenth of a second says nothing about speed yet")
    rate.record(2_000_000, at: .seconds(1))
    #expect(rate.bytesPerSecond == 2_000_000)
    #expect(rate.secondsLeft(remaining: 6_000_000) == 3)
    // Old samples leave the window: the speed follows the last few seconds.
    rate.record(2_000_000, at: .seconds(10))
    rate.record(2_000_000, at: .seconds(11))
    #expect(rate.bytesPerSecond == 0)
    #expect(rate.secondsLeft(remaining: 10) == nil)
  }

  @Test func theLineShowsPercentBarBytesSpeedAndTimeLeft() {
    var progress = PullProgress(model: "m")
    #expect(PullProgressText.line(progress, rate: TransferRate()) == "starting")
    progress.apply(.layer(status: "pulling a", digest: "sha256:a", completed: 1 << 30, total: 4 << 30))
    var rate = TransferRate()
    #expect(PullProgressText.line(progress, rate: rate, barWidth: 8) == " 25% ██░░░░░░  1 GB / 4 GB")
    rate.record(0, at: .zero)
    rate.record(1 << 30, at: .seconds(8))
    #expect(
      PullProgressText.line(progress, rate: rate, barWidth: 8) == " 25% ██░░░░░░  1 GB / 4 GB  128 MB/s  24s left")
    progress.apply(.success)
    #expect(PullProgressText.line(progress, rate: rate, barWidth: 8) == "100% ████████  1 GB / 4 GB")
  }

  // Layers whose sizes add up past Int64 (each in range), a negative count and a speed past Int:
  // the sums, the rate and the line trapped. Counts below zero read as 0; sums stop at Int64.max.
  @Test func hugeLayersAreDrawnWithoutATrap() {
    var decoder = OllamaPullDecoder()
    let events = decoder.decode(Fixtures.bytes("pull/huge-layers.ndjson")) + decoder.finish()
    #expect(
      events[1] == .layer(status: "pulling b", digest: "sha256:b", completed: 0, total: 8_900_000_000_000_000_000))
    var progress = PullProgress(model: "m")
    var rate = TransferRate()
    var lines: [String] = []
    for (step, event) in events.enumerated() {
      progress.apply(event)
      rate.record(progress.completed, at: .milliseconds(250 * step))
      lines.append(PullProgressText.line(progress, rate: rate, barWidth: 8))
    }
    #expect(progress.total == .max)
    #expect(progress.completed == 8_900_000_000_000_000_001)
    #expect(lines[2].hasPrefix(" 96% ███████▋  "), "\(lines[2])")
    #expect(PullProgressText.duration(1e300).hasSuffix("m"))
  }
}
