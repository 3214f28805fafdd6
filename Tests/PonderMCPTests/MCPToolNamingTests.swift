import PonderMCP
import Testing

/// Tool names the model sees: `SERVER_tool`, only `A-Z a-z 0-9 _ -`, at most 64 characters, unique.
@Suite struct MCPToolNamingTests {
  @Test func prefixesTheServerAndReplacesOtherCharacters() {
    var naming = MCPToolNaming()
    #expect(naming.name(server: "files", tool: "read_file") == "files_read_file")
    #expect(naming.name(server: "my server", tool: "search.v2/déjà-vu") == "my_server_search_v2_d_j_-vu")
  }

  @Test func clashesGetANumberAndReservedNamesAreAvoided() {
    var naming = MCPToolNaming(reserved: ["read_file"])
    #expect(naming.name(server: "read", tool: "file") == "read_file_2")
    #expect(naming.name(server: "a", tool: "b.c") == "a_b_c")
    #expect(naming.name(server: "a", tool: "b c") == "a_b_c_2")
    #expect(naming.name(server: "a", tool: "b/c") == "a_b_c_3")
  }

  @Test func longNamesAreCutTo64AndStayUnique() {
    var naming = MCPToolNaming()
    let long = String(repeating: "x", count: 100)
    let first = naming.name(server: "srv", tool: long)
    let second = naming.name(server: "srv", tool: long + "y")
    #expect(first.count == 64)
    #expect(second.count == 64)
    #expect(first != second)
    #expect(second.hasSuffix("_2"))
  }

  @Test func sanitizingNeverGivesAnEmptyName() {
    #expect(MCPToolNaming.sanitized("") == "_")
    #expect(MCPToolNaming.sanitized("ok-Name_9") == "ok-Name_9")
  }
}
