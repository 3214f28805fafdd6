import PonderCore

extension AppState {
  // MARK: - Sending

  /// Enter: a slash command is carried out, anything else goes to the model.
  mutating func send() -> [Effect] {
    let text = input.string
    guard text.contains(where: { !$0.isWhitespace }) else { return [] }
    switch SlashCommand.parse(text) {
    case .command(let command):
      _ = input.submit()
      return run(command)
    case .hint(let hint):
      appendLog(.info, hint)
      return []
    case .message(let message):
      guard turn == nil else {
        appendLog(.info, "a response is streaming: Ctrl-C cancels it")
        return []
      }
      guard model != nil else {
        overlay = .loadingModels
        appendLog(.info, "choose a model first")
        return [.loadModels]
      }
      _ = input.submit()
      var effects: [Effect] = []
      if replacesLastExchange {
        replacesLastExchange = false
        if dropLastExchange() { effects.append(.dropLastExchange) }
      }
      let prompt = PromptAttachment.message(message, with: attachments)
      let shown =
        attachments.isEmpty ? message : message + "\n" + attachments.map { "📎 \($0.name)" }.joined(separator: "\n")
      attachments = []
      return effects + startTurn(prompt, showing: shown)
    }
  }

  /// Sends `prompt` after the history; `showing` is what the Answer pane shows of it (nil: the
  /// prompt is already on screen, as for `/retry`).
  mutating func startTurn(_ prompt: ChatMessage, showing: String?) -> [Effect] {
    guard let model, checkRoom(for: prompt) else { return [] }
    turnCount += 1
    if let showing {
      showPrompt(showing, model: model)
    } else {
      answer.closeLine()
      answer.appendLine("")
      answer.appendLine("↻ again · \(model)", kind: .plain(.assistantLabel), role: .assistantLabel)
      reasoning.closeLine()
      reasoning.appendLine("")
      reasoning.appendLine("── turn \(turnCount) (again) · \(model) ──", kind: .plain(.dim), role: .dim)
    }
    reasoning.reserveCursorCell = true
    messages.append(prompt)
    var started = TurnState(number: turnCount, model: model, at: now.monotonic)
    started.context = contextUsage
    turn = started
    scroll[.answer] = ScrollState()
    scroll[.reasoning] = ScrollState()
    blinkOn = true
    connectionLabel = "streaming"
    let thinkText = think.map { " · think \($0.ollamaValue.serialized)" } ?? ""
    let optionText =
      options?.objectMembers.map { members in members.isEmpty ? "" : " · " + Self.describe(members) } ?? ""
    appendLog(
      .request,
      "request sent: \(model), \(messages.count) message\(messages.count == 1 ? "" : "s")\(thinkText)\(optionText)")
    var history = messages
    if let systemPrompt { history.insert(.system(systemPrompt), at: 0) }
    return [.startTurn(ChatRequest(model: model, messages: history, think: think, options: options))]
  }

  /// Removes the last prompt and everything after it from the history; false when there is none.
  mutating func dropLastExchange() -> Bool {
    guard let last = messages.lastIndex(where: { $0.role == .user }) else { return false }
    messages.removeSubrange(last...)
    turnCount = max(0, turnCount - 1)
    return true
  }

  mutating func cancelTurn() -> [Effect] {
    guard var current = turn, !current.cancelRequested else { return [] }
    current.cancelRequested = true
    quitGuard.cancelled(at: now.monotonic)
    let wasPaused = current.paused
    current.paused = false
    turn = current
    appendLog(.info, "cancelling: closing the connection")
    return wasPaused ? [.resumeStream, .cancelTurn] : [.cancelTurn]
  }

  mutating func togglePause() -> [Effect] {
    guard var current = turn else { return [] }
    current.paused.toggle()
    current.sample(at: now.monotonic)
    // The backlog arrives in the next release: the figures should count it at once.
    current.sampleOnNextRelease = !current.paused
    turn = current
    appendLog(.info, current.paused ? "display paused; the stream keeps reading" : "display resumed")
    return [current.paused ? .pauseStream : .resumeStream]
  }

  // MARK: - Receiving

  mutating func apply(_ batch: ResponseBatch) -> [Effect] {
    guard var current = turn else { return [] }
    let phaseBefore = current.phase
    for event in batch.events {
      switch event {
      case .reasoning(let text):
        markFirstToken(&current)
        if current.phase == .waiting {
          current.phase = .thinking
          current.phaseStartedAt = now.monotonic
          appendLog(.thinking, "thinking started")
        }
        reasoning.append(text, kind: .plain(.reasoning), role: .reasoning)
      case .answer(let text):
        markFirstToken(&current)
        if current.phase != .answering {
          if current.phase == .thinking {
            let seconds = (now.monotonic - current.phaseStartedAt).seconds
            appendLog(
              .thinking,
              "thinking ended after \(String(format1: seconds)) s · \(current.reasoningTokens + batch.fragments.reasoning) tokens"
            )
          }
          current.phase = .answering
          current.phaseStartedAt = now.monotonic
          reasoning.reserveCursorCell = false
          answer.reserveCursorCell = true
        }
        answer.append(text, kind: .markdown, role: .answer)
      case .toolCalls, .done, .error:
        // A turn's calls arrive as tool events and its end as `.turnEnded`, never as text events.
        break
      }
    }
    if batch.fragments.reasoning + batch.fragments.answer > 0 {
      current.lastTextAt = now.monotonic
      blinkOn = true
    }
    current.reasoningTokens += batch.fragments.reasoning
    current.answerTokens += batch.fragments.answer
    for event in batch.toolEvents { applyTool(event, to: &current) }
    if current.phase != phaseBefore || current.sampleOnNextRelease {
      current.sample(at: now.monotonic)
      current.sampleOnNextRelease = false
    }
    turn = current
    if let outcome = current.outcome { return finish(current, outcome) }
    return []
  }

  private mutating func markFirstToken(_ current: inout TurnState) {
    guard current.firstTokenAt == nil else { return }
    current.firstTokenAt = now.monotonic
    appendLog(.firstToken, "first token after \((now.monotonic - current.startedAt).milliseconds) ms")
  }

  mutating func streamEnded() -> [Effect] {
    guard let current = turn else { return [] }
    // The stream stopped without a terminal event (the task was cancelled before one arrived).
    return finish(current, .error(ChatError(current.cancelRequested ? .cancelled : .truncated, "the stream ended")))
  }

  private mutating func finish(_ current: TurnState, _ outcome: StreamEvent) -> [Effect] {
    reasoning.closeLine()
    answer.closeLine()
    reasoning.reserveCursorCell = false
    answer.reserveCursorCell = false
    let elapsed = now.monotonic - current.startedAt
    let tokens = current.reasoningTokens + current.answerTokens
    // Measured from the first token; a response whose text and end came in one release has no rate.
    let generating = (now.monotonic - (current.firstTokenAt ?? current.startedAt)).seconds
    let clientRate = generating > 0 && tokens > 0 ? Double(tokens) / generating : nil
    var summary = TurnSummary(
      outcome: .done(reason: "stop"), tokens: tokens, tokensPerSecond: clientRate, rateFromServer: false,
      timeToFirstToken: current.firstTokenAt.map { $0 - current.startedAt }, elapsed: elapsed)
    // What the turn added to the history (its answers carry the text): the text is held once,
    // in the documents on screen and in these messages, never accumulated per release.
    let added = current.addedMessages ?? []
    let answers = added.filter { $0.role == .assistant }
    let answerText = answers.map(\.content).joined()
    let reasoningText = answers.compactMap(\.thinking).joined()
    switch outcome {
    case .done(let stats):
      contextTokens = stats.promptTokens.map { $0 + (stats.completionTokens ?? 0) }
      summary.outcome = .done(reason: stats.doneReason ?? "stop")
      if let count = stats.completionTokens { summary.tokens = count }
      if let rate = stats.tokensPerSecond {
        summary.tokensPerSecond = rate
        summary.rateFromServer = true
      }
      let rate = summary.tokensPerSecond.map { " · \(String(format1: $0)) tok/s" } ?? ""
      if let reason = stats.doneReason, LengthLimit.stopped(reason) {
        summary.outcome = .cutOff(reason: reason)
        lengthStopped(
          LengthStop(
            reason: reason, tokens: summary.tokens, reasoned: !reasoningText.isEmpty,
            answerEmpty: answerText.isEmpty, currentLimit: outputLimit), rate: rate)
      } else {
        appendLog(.done, "done (\(stats.doneReason ?? "stop")) · \(summary.tokens) tokens\(rate)")
        if answerText.isEmpty {
          answer.appendLine(
            reasoningText.isEmpty ? "(no answer)" : "(reasoning only, no answer)", kind: .plain(.notice), role: .notice)
        }
      }
      connectionLabel = "connected"
    case .error(let error) where error.kind == .cancelled:
      summary.outcome = .cancelled
      quitGuard.cancelled(at: now.monotonic)
      answer.appendLine(
        "⏹ cancelled after \(tokens) tokens — partial answer kept", kind: .plain(.notice), role: .notice)
      appendLog(.error, "cancelled by you after \(tokens) tokens; connection closed")
      connectionLabel = "connected"
    case .error(let error):
      summary.outcome = .failed(error.description)
      answer.appendLine("✗ \(error.description)", kind: .plain(.error), role: .error)
      appendLog(.error, error.description)
      connectionLabel = error.kind == .cannotConnect ? "unreachable" : "error"
    case .reasoning, .answer, .toolCalls:
      break
    }
    // The assistant messages with their calls, one result per call, then the answer.
    messages += added
    if case .error(let error) = outcome { excludeLastExchange(error) }
    // "The last answer" for copying is the last one with text: a turn cancelled before it
    // answered leaves the previous answer (and its code blocks) in reach.
    if !answerText.isEmpty { lastAnswer = answerText }
    if !reasoningText.isEmpty { lastReasoning = reasoningText }
    lastTurn = summary
    turn = nil
    blinkOn = true
    var stats = MessageStats(
      timeToFirstTokenMilliseconds: summary.timeToFirstToken?.milliseconds, elapsedMilliseconds: elapsed.milliseconds)
    if case .done(let server) = outcome {
      stats = MessageStats(
        server, timeToFirstTokenMilliseconds: stats.timeToFirstTokenMilliseconds,
        elapsedMilliseconds: stats.elapsedMilliseconds)
    }
    if stats.completionTokens == nil, tokens > 0 { stats.completionTokens = tokens }
    if stats.tokensPerSecond == nil { stats.tokensPerSecond = summary.tokensPerSecond }
    return [.turnFinished(TurnRecord.messages(added: added, ending: outcome, stats: stats, model: current.model))]
  }
}

extension AppState {
  /// A failed or cancelled exchange stays on screen but leaves the history, so the next request
  /// does not carry it (`/keep` puts it back); one refused for its length offers the ways out.
  mutating func excludeLastExchange(_ error: ChatError) {
    guard let start = messages.lastIndex(where: { $0.role == .user }) else { return }
    let exchange = Array(messages[start...])
    messages.removeSubrange(start...)
    excludedExchange = exchange
    if error.isContextOverflow {
      let window = contextUsage?.window
      overlay = .contextFull(
        ContextOverflow(
          prompt: exchange[0], tokens: ContextUsage.estimate(requestHistory + [exchange[0]]), window: window,
          serverMessage: error.message))
    } else {
      appendLog(.info, "this exchange is not sent with the next request (/keep sends it)")
    }
  }
}
