import PonderCore

/// Prints the released events of one `ponder ask` response.
///
/// Text mode: the answer to stdout exactly as received (control characters neutralised only when
/// stdout is a terminal), reasoning to stderr (dim on a terminal), then one summary line on stderr.
/// JSON mode: one object per released event on stdout, nothing else there.
public final class AskPrinter {
  public enum Format: Sendable { case text, json }

  private let format: Format
  private let out: any OutputSink
  private let err: any OutputSink
  private let dim: Bool
  private var lastChannel: Channel?
  private var answerEndsWithNewline = true
  private var reasoningEndsWithNewline = true
  public private(set) var answerBytes = 0

  enum Channel { case reasoning, answer }

  public init(format: Format, out: any OutputSink, err: any OutputSink, color: Bool) {
    self.format = format
    self.out = out
    self.err = err
    dim = color && err.isTerminal
  }

  public func print(_ events: [StreamEvent]) {
    for event in events {
      switch format {
      case .json: out.write(Self.jsonLine(event) + "\n")
      case .text: printText(event)
      }
    }
  }

  /// Prints one step of tool work: a line on stderr (text mode) or an object on stdout (JSON).
  public func print(tool event: ToolTurnEvent) {
    switch format {
    case .json:
      if let line = Self.jsonLine(tool: event) { out.write(line + "\n") }
    case .text:
      guard let line = ToolEventText.line(for: event) else { return }
      if lastChannel == .reasoning, !reasoningEndsWithNewline {
        err.write("\n")
        reasoningEndsWithNewline = true
      }
      if out.isTerminal, !answerEndsWithNewline, lastChannel == .answer {
        out.write("\n")
        answerEndsWithNewline = true
      }
      let shown = FileDescriptorSink.oneLine(line)
      err.write(dim ? "\u{1B}[2m[tool] \(shown)\u{1B}[22m\n" : "[tool] \(shown)\n")
    }
  }

  static func jsonLine(tool event: ToolTurnEvent) -> String? {
    switch event {
    case .stream(let streamed): return jsonLine(streamed)
    case .toolCall(let call): return jsonLine(.toolCalls([call]))
    case .approval(let call, let note):
      var members = [JSONMember("type", "tool_approval"), JSONMember("name", .string(call.name))]
      switch note {
      case .allowedByPolicy(let reason):
        members += [JSONMember("allowed", true), JSONMember("by", "policy"), JSONMember("reason", .string(reason))]
      case .deniedByPolicy(let reason):
        members += [JSONMember("allowed", false), JSONMember("by", "policy"), JSONMember("reason", .string(reason))]
      case .decidedByUser(let decision):
        members += [
          JSONMember("allowed", .bool(decision.allows)), JSONMember("by", "user"),
          JSONMember("decision", .string(decision.rawValue)),
        ]
      }
      return JSONValue.object(members).serialized
    case .toolStarted: return nil
    case .toolFinished(let result):
      var members = [JSONMember("type", "tool_result")]
      if let id = result.call.id { members.append(JSONMember("id", .string(id))) }
      members += [
        JSONMember("name", .string(result.call.name)), JSONMember("status", .string(result.status.rawValue)),
        JSONMember("bytes", .number(Double(result.byteCount))),
      ]
      if let duration = result.duration {
        members.append(JSONMember("duration_ms", .number(Double(duration.milliseconds))))
      }
      members.append(JSONMember("content", .string(result.content)))
      return JSONValue.object(members).serialized
    case .responseDone: return nil
    case .notice(let text):
      return JSONValue.object([JSONMember("type", "notice"), JSONMember("message", .string(text))]).serialized
    case .turnEnded(let outcome):
      switch outcome.ending {
      case .answered(let stats): return jsonLine(.done(stats))
      case .failed(let error): return jsonLine(.error(error))
      case .cancelled: return jsonLine(.error(ChatError(.cancelled, "cancelled")))
      case .stepLimit(let limit):
        return JSONValue.object([
          JSONMember("type", "done"), JSONMember("done_reason", "tool_step_limit"),
          JSONMember("steps", .number(Double(limit))),
        ]).serialized
      }
    }
  }

  /// Ends the output: a newline after a terminal answer so the shell prompt starts clean.
  public func finish(summary: String?) {
    if format == .text {
      if lastChannel == .reasoning, !reasoningEndsWithNewline { err.write("\n") }
      if out.isTerminal, !answerEndsWithNewline { out.write("\n") }
    }
    if let summary { err.write(summary + "\n") }
  }

  private func printText(_ event: StreamEvent) {
    switch event {
    case .reasoning(let text):
      lastChannel = .reasoning
      let shown = err.isTerminal ? TerminalText.neutralised(text) : text
      err.write(dim ? "\u{1B}[2m\(shown)\u{1B}[22m" : shown)
      reasoningEndsWithNewline = text.hasSuffix("\n")
    case .answer(let text):
      if lastChannel == .reasoning, !reasoningEndsWithNewline {
        err.write("\n")
        reasoningEndsWithNewline = true
      }
      lastChannel = .answer
      out.write(out.isTerminal ? TerminalText.neutralised(text) : text)
      answerBytes += text.utf8.count
      answerEndsWithNewline = text.hasSuffix("\n")
    case .toolCalls(let calls):
      for call in calls {
        err.write("[tool call] " + FileDescriptorSink.oneLine("\(call.name) \(call.arguments.serialized)") + "\n")
      }
    case .done, .error:
      break
    }
  }

  static func jsonLine(_ event: StreamEvent) -> String {
    switch event {
    case .reasoning(let text):
      return JSONValue.object([JSONMember("type", "reasoning"), JSONMember("text", .string(text))]).serialized
    case .answer(let text):
      return JSONValue.object([JSONMember("type", "answer"), JSONMember("text", .string(text))]).serialized
    case .toolCalls(let calls):
      return calls.map { call in
        var members = [JSONMember("type", "tool_call")]
        if let id = call.id { members.append(JSONMember("id", .string(id))) }
        members.append(JSONMember("name", .string(call.name)))
        members.append(JSONMember("arguments", call.arguments))
        return JSONValue.object(members).serialized
      }.joined(separator: "\n")
    case .done(let stats): return JSONValue.object([JSONMember("type", "done")] + statsMembers(stats)).serialized
    case .error(let error):
      var members = [JSONMember("type", "error"), JSONMember("kind", .string(error.kindName))]
      if case .rejected(let status) = error.kind { members.append(JSONMember("status", .number(Double(status)))) }
      members.append(JSONMember("message", .string(error.message)))
      return JSONValue.object(members).serialized
    }
  }

  static func statsMembers(_ stats: GenerationStats) -> [JSONMember] {
    var members: [JSONMember] = []
    func add(_ key: String, _ value: Int64?) {
      if let value { members.append(JSONMember(key, .number(Double(value)))) }
    }
    if let reason = stats.doneReason { members.append(JSONMember("done_reason", .string(reason))) }
    add("prompt_tokens", stats.promptTokens.map(Int64.init))
    add("completion_tokens", stats.completionTokens.map(Int64.init))
    add("prompt_eval_ns", stats.promptEvalNanoseconds)
    add("eval_ns", stats.evalNanoseconds)
    add("load_ns", stats.loadNanoseconds)
    add("total_ns", stats.totalNanoseconds)
    if let speed = stats.tokensPerSecond {
      members.append(JSONMember("tokens_per_second", .number((speed * 10).rounded() / 10)))
    }
    return members
  }
}

extension ChatError {
  /// A stable lower-case name for the kind, used in `--json` output.
  public var kindName: String {
    switch kind {
    case .cannotConnect: return "cannot_connect"
    case .rejected: return "rejected"
    case .unavailable: return "unavailable"
    case .server: return "server"
    case .truncated: return "truncated"
    case .connectionLost: return "connection_lost"
    case .malformed: return "malformed"
    case .cancelled: return "cancelled"
    }
  }
}
