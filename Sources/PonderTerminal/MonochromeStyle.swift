import PonderScreen

/// How roles look without colour (`NO_COLOR`, or a terminal without colours).
///
/// Only attributes survive, so roles whose meaning is carried by colour alone (a search match,
/// the selected item, the paused status, the header bar) get reverse video, bold or underline
/// on top of whatever attributes the theme gives them.
enum MonochromeStyle {
  static func style(for role: StyleRole, theme: Theme) -> RoleStyle {
    var style = theme.style(for: role)
    style.foreground = .terminalDefault
    style.background = .terminalDefault
    switch role {
    case .header, .statusBar, .overlaySelected, .cursor:
      style.reverse = true
    case .statusPaused, .searchCurrent, .headerAccent:
      style.reverse = true
      style.bold = true
    case .searchMatch:
      style.underline = true
      style.bold = true
    case .titleFocused, .logError, .error, .footerKey, .overlayTitle, .userLabel, .assistantLabel:
      style.bold = true
    case .dim, .logTime, .inputPlaceholder, .border, .title:
      style.dim = true
    case .normal, .logRequest, .logModel, .logFirstToken, .logThinking, .logTool, .logResult,
      .logRetry, .logDone, .reasoning, .answer, .userText, .bold, .heading, .code, .codeLabel, .listBullet,
      .notice, .inputPrompt, .input, .footer, .overlay:
      break
    }
    return style
  }
}
