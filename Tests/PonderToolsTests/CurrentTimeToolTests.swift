import Foundation
import PonderCore
import PonderTools
import Testing

@Suite struct CurrentTimeToolTests {
  @Test func reportsTheInjectedInstant() async throws {
    let tool = CurrentTimeTool(now: { 1_759_302_723 })
    let output = try await tool.run(.emptyObject, context: try TempWorkspace().context)
    #expect(output.isOK)
    #expect(output.text.hasSuffix("; unix time 1759302723"))
    #expect(
      output.text.contains("2025-10-01T") || output.text.contains("2025-09-30T") || output.text.contains("2025-10-02T"))
  }
}
