import PonderCore
import Testing

/// "Did you mean": the nearest word within two edits, never a wild guess.
@Suite struct EditDistanceTests {
  @Test func editsAreCounted() {
    #expect(EditDistance.between("model", "model") == 0)
    #expect(EditDistance.between("modle", "model") == 1, "a swap of neighbours is one edit")
    #expect(EditDistance.between("", "abc") == 3)
    #expect(EditDistance.between("idle_timout", "idle_timeout") == 1)
  }

  @Test func theClosestCandidateWithinTheLimit() {
    let keys = ["model", "host", "theme", "think", "save"]
    #expect(EditDistance.closest(to: "modle", among: keys) == "model")
    #expect(EditDistance.closest(to: "Host", among: keys) == "host")
    #expect(EditDistance.closest(to: "thnk", among: keys) == "think")
    #expect(EditDistance.closest(to: "frobnicate", among: keys) == nil)
    #expect(EditDistance.closest(to: "x", among: ["y"]) == nil, "a one-letter key is not corrected")
  }
}
