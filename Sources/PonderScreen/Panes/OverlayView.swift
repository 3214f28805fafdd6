import PonderCore

/// Modal boxes: help, the copy menu, the model picker, tool approval.
public enum OverlayView {
  /// Every key binding, shown in the F1 overlay and mirrored in docs/keys.md.
  public static let helpLines: [(String, String)] = [
    ("Enter", "send the message"),
    ("Alt-Enter, ^J", "new line in the message"),
    ("↑ / ↓", "history (input) · scroll (pane)"),
    ("^C", "cancel · clear the input (↑ brings it back) · twice: quit"),
    ("^P", "pause / resume the display (the stream keeps reading)"),
    ("^Y", "copy: a answer · r reasoning · 1–9 code block"),
    ("Tab / Shift-Tab", "focus the next / previous pane"),
    ("PgUp / PgDn", "scroll the focused pane (the answer from the input)"),
    ("Home / End", "top / bottom (End resumes following)"),
    ("^F", "search the reasoning (↓ next, ↑ previous, Esc closes)"),
    ("F2/F3 · F6, ^G", "show/hide Log, Reasoning · zoom the focused pane and back"),
    ("F4, ^O", "choose the model"),
    ("F5", "saved conversations: search, open, rename, delete"),
    ("^N", "new conversation (the current one stays saved)"),
    ("^L · ^Z", "redraw the screen · suspend (fg resumes)"),
    ("o s a d", "tool approval: once · session · always · deny"),
    ("F1, ? · /help", "this help (? in a pane) · the slash commands"),
    ("^Q, ^D", "quit (^D on an empty input)"),
  ]

  public static func render(_ overlay: Overlay, state: AppState, into grid: inout CellGrid) {
    switch overlay {
    case .help:
      box(title: "Keys", lines: helpLines.map { ($0.0, $0.1) }, footer: "any key closes", into: &grid)
    case .copyMenu(let codeBlocks):
      var lines = [("a", "the last answer"), ("r", "the reasoning")]
      if codeBlocks == 1 { lines.append(("1", "the code block of the last answer")) }
      if codeBlocks > 1 { lines.append(("1–\(min(codeBlocks, 9))", "code block N of the last answer (\(codeBlocks))")) }
      box(title: "Copy", lines: lines, footer: "Esc cancels", into: &grid)
    case .loadingModels:
      box(title: "Models", lines: [("", "asking \(state.hostLabel)…")], footer: "Esc closes", into: &grid)
    case .modelPicker(let models, let selected):
      box(
        title: "Choose a model", lines: ModelPickerLines.lines(models, current: state.model),
        footer: "↑↓ move · Enter choose · Esc cancel · /model NAME pulls", selected: selected, into: &grid)
    case .pulling:
      let barWidth = max(10, min(30, grid.width - 60))
      let lines: [(String, String)] =
        state.pull.map { pull in
          [("", pull.progress.status), ("", pull.line(barWidth: barWidth))]
        } ?? [("", "finishing…")]
      box(
        title: "Pulling \(state.pull?.model ?? "")", lines: lines, footer: "^C cancels (pulling again resumes)",
        into: &grid)
    case .approval(let prompt):
      let lines = approvalLines(prompt, width: grid.width, height: grid.height)
      box(title: "Allow \(prompt.call.name)?", lines: lines, footer: "^C cancels the turn", into: &grid)
    case .commands:
      let lines = SlashCommand.catalog.map {
        ("/\($0.name)\($0.arguments.isEmpty ? "" : " " + $0.arguments)", $0.summary)
      }
      box(
        title: "Commands", lines: lines + [("//", "at the start sends a literal /")],
        footer: "Tab completes · any key closes", into: &grid)
    case .contextFull(let overflow):
      var lines: [(String, String)] = [("", overflow.explanation)]
      if let server = overflow.serverMessage {
        lines.append(("", "server: " + ApprovalRequest.cut(server, max(10, grid.width - 16))))
      }
      lines.append(("", ""))
      lines.append(("n", "start a new conversation (your prompt goes back in the input)"))
      lines.append(("d", "drop the oldest turns (the system prompt stays) and send again"))
      if state.canRaiseContext { lines.append(("r", "raise num_ctx and send again (the model needs more memory)")) }
      lines.append(("Esc", "back to the input with your prompt"))
      box(title: "The conversation is too long for the model", lines: lines, footer: "choose a way out", into: &grid)
    case .sessions(let browser):
      SessionsView.render(browser, current: state.conversationID, into: &grid)
    case .lengthStop(let stop):
      box(
        title: "No answer: cut off by the length limit", lines: lengthStopLines(stop), footer: "Esc keeps it as it is",
        into: &grid)
    }
  }

  /// What happened, then the one-key retries.
  static func lengthStopLines(_ stop: LengthStop) -> [(String, String)] {
    var lines = [
      (
        "",
        stop.reasoned
          ? "The model spent its whole budget (\(stop.tokens) tokens) thinking."
          : "The model stopped before it answered."
      ),
      ("", ""),
      ("m", "retry with more room (num_predict \(stop.moreRoom))"),
    ]
    if stop.reasoned { lines.append(("t", "retry with thinking off")) }
    return lines
  }

  /// The approval box: what the tool is, where it runs, its arguments, then the four answers.
  /// On a short screen the details give way first (spacer, description, folder, then arguments
  /// beyond the first), so the answers always show.
  static func approvalLines(_ prompt: ApprovalRequest, width: Int, height: Int = .max) -> [(String, String)] {
    let valueWidth = max(10, min(72, width - 20))
    let answers: [(String, String)] = [
      ("o", "allow once"),
      ("s", "allow for this session"),
      ("a", "always allow (saved in the config)"),
      ("d", "deny (the model is told)"),
    ]
    var arguments = prompt.argumentLines(width: valueWidth)
    var details: [(String, String)] = [
      ("", ApprovalRequest.cut(prompt.tool.description, valueWidth)),
      ("in", ApprovalRequest.cut(prompt.workspaceRoot, valueWidth)),
    ]
    var spacer = true
    let room = max(1, height - 6)  // what `box` can show
    func count() -> Int { details.count + arguments.count + (spacer ? 1 : 0) + answers.count }
    if count() > room { spacer = false }
    while count() > room, !details.isEmpty { details.removeFirst() }
    let slots = max(1, room - answers.count)
    if count() > room, arguments.count > slots {
      // Never a silent cut: the box says how much it cannot show.
      let hidden = arguments.count - max(0, slots - 1)
      arguments =
        Array(arguments.prefix(max(0, slots - 1))) + [
          (
            "⚠",
            "\(hidden) more line\(hidden == 1 ? "" : "s") not shown: enlarge the terminal to read them before allowing"
          )
        ]
    }
    return details + arguments + (spacer ? [("", "")] : []) + answers
  }

  static func box(
    title: String, lines: [(String, String)], footer: String, selected: Int? = nil, into grid: inout CellGrid
  ) {
    let keyWidth = lines.map { DisplayWidth.of($0.0) }.max() ?? 0
    let contentWidth = max(
      DisplayWidth.of(title) + 4, DisplayWidth.of(footer), lines.map { keyWidth + 2 + DisplayWidth.of($0.1) }.max() ?? 0
    )
    let width = min(grid.width - 2, contentWidth + 4)
    let visibleLines = min(lines.count, max(1, grid.height - 6))
    let height = visibleLines + 4
    let area = Rect(x: (grid.width - width) / 2, y: max(0, (grid.height - height) / 2), width: width, height: height)
    frame(area, title: title, footer: footer, into: &grid)
    let first = max(0, min((selected ?? 0) - visibleLines + 1, lines.count - visibleLines))
    for (row, index) in (first..<(first + visibleLines)).enumerated() {
      let y = area.y + 2 + row
      let role: StyleRole = index == selected ? .overlaySelected : .overlay
      if index == selected { grid.fill(Rect(x: area.x + 1, y: y, width: width - 2, height: 1), role: role) }
      let x = grid.write(
        lines[index].0, x: area.x + 2, y: y, maxX: area.maxX - 1, role: index == selected ? role : .overlayTitle)
      grid.write(lines[index].1, x: max(x, area.x + 2 + keyWidth) + 2, y: y, maxX: area.maxX - 2, role: role)
    }
  }

  /// A rounded box over `area`: blank inside, the title on its top edge, the footer on its bottom.
  static func frame(_ area: Rect, title: String, footer: String, into grid: inout CellGrid) {
    grid.fill(area, role: .overlay)
    grid.fill(area.row(0), role: .overlay, with: "─")
    grid.fill(area.row(area.height - 1), role: .overlay, with: "─")
    for y in area.y..<area.maxY {
      grid.put("│", width: 1, x: area.x, y: y, role: .overlay)
      grid.put("│", width: 1, x: area.maxX - 1, y: y, role: .overlay)
    }
    grid.put("╭", width: 1, x: area.x, y: area.y, role: .overlay)
    grid.put("╮", width: 1, x: area.maxX - 1, y: area.y, role: .overlay)
    grid.put("╰", width: 1, x: area.x, y: area.maxY - 1, role: .overlay)
    grid.put("╯", width: 1, x: area.maxX - 1, y: area.maxY - 1, role: .overlay)
    grid.write(" \(title) ", x: area.x + 2, y: area.y, maxX: area.maxX - 1, role: .overlayTitle)
    grid.write(" \(footer) ", x: area.x + 2, y: area.maxY - 1, maxX: area.maxX - 1, role: .overlay)
  }
}
