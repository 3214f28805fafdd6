/// The default theme compiled in, so Ponder looks right even when no theme file can be found.
/// `ThemeFileTests` checks it is identical to `Themes/default-dark.theme`.
public enum BuiltInTheme {
  public static let defaultDarkText = """
# Ponder's default theme, for dark terminals. Colours: default, black, red, green, yellow, blue,
# magenta, cyan, white, bright-NAME, color0..color255 or #rrggbb. Attributes: bold, dim, italic,
# underline, reverse. Roles left out look like `normal`.
name = "default-dark"

[header]
fg = "bright-white"
bg = "color24"
bold = true
[headerAccent]
fg = "bright-yellow"
bg = "color24"
bold = true
[title]
fg = "color245"
[titleFocused]
fg = "bright-cyan"
bold = true
[border]
fg = "color240"
[dim]
fg = "color244"
[logTime]
fg = "color242"
[logRequest]
fg = "cyan"
[logModel]
fg = "blue"
[logFirstToken]
fg = "green"
[logThinking]
fg = "magenta"
[logTool]
fg = "yellow"
[logResult]
fg = "bright-yellow"
[logRetry]
fg = "color208"
[logError]
fg = "bright-red"
bold = true
[logDone]
fg = "bright-green"
[reasoning]
# A 16-colour grey without italic: switching to it costs few bytes on every frame of a stream.
fg = "bright-black"
[cursor]
fg = "bright-cyan"
bold = true
[statusBar]
fg = "color252"
bg = "color236"
[statusPaused]
fg = "black"
bg = "yellow"
bold = true
[answer]
fg = "default"
[userLabel]
fg = "bright-cyan"
bold = true
[userText]
fg = "cyan"
[assistantLabel]
fg = "bright-green"
bold = true
[bold]
bold = true
[heading]
fg = "bright-white"
bold = true
underline = true
[code]
fg = "color186"
bg = "color235"
[codeLabel]
fg = "color244"
bg = "color235"
[listBullet]
fg = "bright-cyan"
[notice]
fg = "yellow"
[error]
fg = "bright-red"
[searchMatch]
fg = "black"
bg = "yellow"
[searchCurrent]
fg = "black"
bg = "bright-green"
bold = true
[inputPrompt]
fg = "bright-cyan"
bold = true
[input]
fg = "default"
[inputPlaceholder]
fg = "color242"
[footer]
fg = "color248"
bg = "color235"
[footerKey]
fg = "bright-white"
bg = "color235"
bold = true
[overlay]
fg = "bright-white"
bg = "color237"
[overlayTitle]
fg = "bright-cyan"
bg = "color237"
bold = true
[overlaySelected]
fg = "black"
bg = "bright-cyan"
"""

  public static let defaultDark: Theme = (try? Theme(parsing: defaultDarkText)) ?? Theme(name: "plain", styles: [:])
}
