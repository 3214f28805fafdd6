import PonderMCP

await MCPHelperMain.run()
