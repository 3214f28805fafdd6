import PonderCore

extension AppState {
  /// `/model NAME` with a name the server does not list: pull it (Ollama), else choose it anyway
  /// with a warning.
  mutating func chooseOrPull(_ name: String) -> [Effect] {
    guard !models.isEmpty, !models.contains(where: { $0.isNamed(name) }) else {
      chooseModel(name)
      return []
    }
    guard canPull else {
      appendLog(
        .error,
        "\(name) is not in the server's list (F4 shows it), and this server cannot pull models; the next request may be refused"
      )
      chooseModel(name)
      return []
    }
    if let running = pull {
      appendLog(.info, "\(running.model) is still being pulled: Ctrl-C cancels it first")
      overlay = .pulling
      return []
    }
    pull = PullState(model: name, startedAt: now.monotonic)
    overlay = .pulling
    appendLog(.request, "\(name) is not on the server: pulling it (Ctrl-C cancels; pulling again resumes)")
    return [.pullModel(name)]
  }

  /// Progress of the running pull, at most a few times a second.
  mutating func pullProgressed(_ progress: PullProgress) {
    guard var current = pull, current.model == progress.model else { return }
    current.progress = progress
    current.rate.record(progress.completed, at: now.monotonic)
    pull = current
  }

  /// The pull ended: success chooses the model; a failure or a cancel is one line in the Log.
  mutating func pullEnded(model name: String, _ error: ChatError?) -> [Effect] {
    guard let finished = pull, finished.model == name else { return [] }
    pull = nil
    if overlay == .pulling { overlay = nil }
    guard let error else {
      let seconds = Double((now.monotonic - finished.startedAt).components.seconds)
      let size = finished.progress.total > 0 ? " (\(ByteSize.text(Int(finished.progress.total))))" : ""
      appendLog(.done, "pulled \(name)\(size) in \(PullProgressText.duration(seconds))")
      chooseModel(name)
      return [.loadModels]
    }
    switch error.kind {
    case .cancelled:
      appendLog(.info, "pull of \(name) cancelled; /model \(name) again resumes it")
    default:
      appendLog(.error, "pulling \(name) failed: \(error.message)")
    }
    return []
  }

  /// The pull box takes every key: Ctrl-C cancels the pull, Ctrl-Q quits.
  mutating func handlePullKey(_ key: KeyPress) -> [Effect] {
    switch key {
    case .control("c"):
      guard let running = pull else {
        overlay = nil
        return []
      }
      appendLog(.info, "cancelling the pull of \(running.model)…")
      return [.cancelPull]
    case .control("q"):
      return requestQuit()
    default:
      return []
    }
  }

  /// `/api/show` answered for one listed model: the picker shows its capabilities.
  /// `nil` (the server cannot say) leaves what the listing gave.
  mutating func modelDetailsLoaded(_ name: String, _ answer: ModelDetails?) {
    let details = answer ?? ModelDetails(capabilities: [], contextLength: nil)
    if let index = models.firstIndex(where: { $0.name == name }) { models[index].merge(details) }
    if case .modelPicker(var listed, let selected)? = overlay, let index = listed.firstIndex(where: { $0.name == name })
    {
      listed[index].merge(details)
      overlay = .modelPicker(models: listed, selected: selected)
    }
    if let length = details.contextLength, contextWindows[name] == nil { contextWindows[name] = length }
  }
}
