import PonderScreen
import PonderTestSupport
import Testing

/// Snapshot files name each cell's role by one letter: each role's letter is its own, so a
/// snapshot reads back unambiguously and adding a role leaves every other letter as it was.
@Suite struct GridSnapshotTests {
  @Test func everyRoleHasALetterNoOtherRoleUses() {
    let codes = StyleRole.allCases.map(GridSnapshot.code)
    #expect(Set(codes).count == StyleRole.allCases.count, "\(codes)")
    #expect(!codes.contains("|") && !codes.contains("\n") && !codes.contains(" "))
  }

  @Test func theRolesRowWritesEachCellsLetter() {
    var grid = CellGrid(width: 3, height: 1)
    _ = grid.write("abc", x: 0, y: 0, role: .answer)
    _ = grid.write("b", x: 1, y: 0, role: .bold)
    #expect(GridSnapshot.text(of: grid) == "|abc|\n--- roles ---\nvzv\n")
  }
}
