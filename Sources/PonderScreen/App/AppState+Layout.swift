extension AppState {
  /// The layout for the current size and toggles.
  public var layout: ScreenLayout {
    guard width >= ScreenLayout.minimumWidth, height >= ScreenLayout.minimumHeight else {
      var layout = ScreenLayout()
      layout.tooSmall = true
      return layout
    }
    let rows = search == nil ? InputRows(input, width: InputRows.textWidth(screenWidth: width)) : nil
    var layout = ScreenLayout.compute(
      width: width, height: height, showLog: showLog, showReasoning: showReasoning,
      inputLines: rows?.count ?? 1, zoomed: zoomed)
    layout.inputRows = rows
    return layout
  }

  /// The document a pane shows.
  public func document(for pane: Pane) -> TextDocument? {
    switch pane {
    case .input: return nil
    case .answer: return answer
    case .reasoning: return reasoning
    case .log: return log
    }
  }
}
