import PonderCore

/// A scripted server that speaks Ollama's native API to the letter of protocols.md §1: a
/// thinking model and a plain one, NDJSON streaming at a chosen token rate, Ollama's error
/// bodies, and failure modes chosen by the prompt (for end-to-end tests of every exit path).
///
/// Prompt triggers: `fail:midstream` (ten lines, then an `{"error":…}` line), `fail:reset`
/// (the connection is reset mid-stream), `fail:truncate` (clean EOF without `done:true`),
/// `fail:stall` (ten lines, then an hour of silence),
/// `long` (a stream long enough to cancel), `escape` (an answer holding terminal escapes),
/// `[[TOOL ARGUMENT]]` (the model calls `read_file`/`list_directory` with `path`, or
/// `run_command` with `command`, or any tool with a JSON object argument `[[NAME {"k":"v"}]]`,
/// then answers quoting the result it was sent back), `cut:length` (ten answer tokens, then
/// `done_reason` "length"), `cut:thinking` (a thinking model reasons, then stops by length with
/// an empty answer; with thinking off it answers). Both cuts give way to the whole answer when
/// the request's `num_predict` is at least ``roomThatFits``, as a real retry with more room would.
/// `bench:R+A` streams R reasoning tokens (from a thinking model) and A answer tokens, each
/// unique (` w` and a number, a paragraph every 70) so a benchmark can find it on screen;
/// `bench:R+A:repeat` makes every answer line the same (what defeats a terminal's scroll
/// detection). With ``chunkLog`` set, the time each chunk went out is recorded.
/// `/api/pull` streams progress as Ollama does (see ``ScriptedPull``); a pulled model is listed
/// in `/api/tags` once its pull said success.
public struct ScriptedOllama: Sendable {
  public struct Model: Sendable {
    public var name: String
    public var thinks: Bool
    public var sizeBytes: Int64
    public var parameterSize: String
    /// Takes images (`vision` among its capabilities).
    public var vision: Bool
    public init(name: String, thinks: Bool, sizeBytes: Int64, parameterSize: String, vision: Bool = false) {
      self.name = name
      self.thinks = thinks
      self.sizeBytes = sizeBytes
      self.parameterSize = parameterSize
      self.vision = vision
    }
  }

  /// Tokens per second; 0 streams as fast as the socket takes it.
  public var tokensPerSecond: Double
  /// Seconds of silence before the first byte (model loading).
  public var firstTokenDelay: Double
  public var models: [Model]
  /// Pause between two `/api/pull` progress lines (long enough for a test to cancel).
  public var pullStep: Duration
  /// Models pulled while the server runs: listed after their pull said success.
  public let pulled = PulledModels()
  /// Receives each streamed chat chunk's text fragment right after it was written.
  public var chunkLog: (@Sendable (String) -> Void)?

  public init(
    tokensPerSecond: Double = 0, firstTokenDelay: Double = 0, models: [Model] = ScriptedOllama.defaultModels,
    pullStep: Duration = .milliseconds(50)
  ) {
    self.tokensPerSecond = tokensPerSecond
    self.firstTokenDelay = firstTokenDelay
    self.models = models
    self.pullStep = pullStep
  }

  /// The built-in models and those pulled since.
  var allModels: [Model] { models + pulled.list }

  public static let defaultModels = [
    Model(name: "qwen3:8b", thinks: true, sizeBytes: 5_225_388_164, parameterSize: "8.2B"),
    Model(name: "llama3.2:latest", thinks: false, sizeBytes: 2_019_393_189, parameterSize: "3.2B"),
  ]

  public func handle(_ request: RecordedRequest) -> HTTPScript {
    switch (request.method, request.path) {
    case ("GET", "/"), ("HEAD", "/"):
      return HTTPScript(headers: [("Content-Type", "text/plain")], chunks: [.init("Ollama is running")], chunked: false)
    case ("GET", "/api/version"):
      return .json(#"{"version":"0.12.6"}"#)
    case ("GET", "/api/tags"):
      return .json(tagsBody())
    case ("POST", "/api/show"):
      return show(request)
    case ("POST", "/api/chat"):
      return chat(request)
    case ("POST", "/api/pull"):
      let body = (try? JSONValue.parse(request.body)) ?? .null
      let name = body["model"]?.nonEmptyString ?? body["name"]?.nonEmptyString ?? ""
      let registry = pulled
      return ScriptedPull(model: name, step: pullStep).script { registry.add($0) }
    default:
      return .json(status: 404, "404 page not found")
    }
  }

  private func tagsBody() -> String {
    let entries = allModels.map { model -> JSONValue in
      [
        "name": .string(model.name), "model": .string(model.name), "modified_at": "2025-10-01T09:00:00Z",
        "size": .number(Double(model.sizeBytes)), "digest": "a80c4f17acd5",
        "details": [
          "format": "gguf", "family": "qwen3", "parameter_size": .string(model.parameterSize),
          "quantization_level": "Q4_K_M",
        ],
      ]
    }
    let tags: JSONValue = ["models": .array(entries)]
    return tags.serialized
  }

  private func show(_ request: RecordedRequest) -> HTTPScript {
    let body = (try? JSONValue.parse(request.body)) ?? .null
    let name = body["model"]?.nonEmptyString ?? body["name"]?.nonEmptyString ?? ""
    guard let model = find(name) else { return .json(status: 404, #"{"error":"model '\#(name)' not found"}"#) }
    var capabilities: JSONValue = model.thinks ? ["completion", "tools", "thinking"] : ["completion", "tools"]
    if model.vision { capabilities = .array((capabilities.arrayValue ?? []) + ["vision"]) }
    let answer: JSONValue = [
      "capabilities": capabilities, "details": ["parameter_size": .string(model.parameterSize)],
      "parameters": "stop \"<|im_end|>\"",
      "model_info": ["general.architecture": "qwen3", "qwen3.context_length": 40960],
    ]
    return .json(answer.serialized)
  }

  private func find(_ name: String) -> Model? {
    allModels.first { $0.name == name || $0.name == name + ":latest" }
  }

  private func chat(_ request: RecordedRequest) -> HTTPScript {
    guard let body = try? JSONValue.parse(request.body) else { return .json(status: 400, #"{"error":"invalid JSON"}"#) }
    guard let name = body["model"]?.nonEmptyString else { return .json(status: 400, #"{"error":"model is required"}"#) }
    guard let model = find(name) else { return .json(status: 404, #"{"error":"model '\#(name)' not found"}"#) }
    if body["think"]?.boolValue == true, !model.thinks {
      return .json(status: 400, #"{"error":"\"\#(name)\" does not support thinking"}"#)
    }
    let messages = body["messages"]?.arrayValue ?? []
    let thinks = model.thinks && body["think"]?.boolValue != false
    if let last = messages.last, last["role"]?.stringValue == "tool" {
      return toolFollowUp(
        model: model.name, results: messages.reversed().prefix { $0["role"]?.stringValue == "tool" }, thinks: thinks)
    }
    let prompt = messages.last?["content"]?.stringValue ?? ""
    if let call = Self.scriptedToolCall(in: prompt), body["tools"]?.arrayValue?.isEmpty == false {
      return toolCallResponse(model: model.name, call: call, thinks: thinks)
    }
    let turn =
      ScriptedTurn.bench(prompt: prompt, thinks: thinks)
      ?? ScriptedTurn(prompt: prompt, thinks: thinks, long: prompt.contains("long"))
    var lines = turn.reasoningTokens.map { line(model.name, thinking: $0) }
    lines += turn.answerTokens.map { line(model.name, content: $0) }
    if let chunkLog, prompt.contains("bench:") {
      let fragments = turn.reasoningTokens + turn.answerTokens
      var script = paced(lines + [doneLine(model.name, evalCount: lines.count)])
      script.onChunkWritten = { index in if index < fragments.count { chunkLog(fragments[index]) } }
      return script
    }
    let evalCount = lines.count
    var resetBeforeChunk: Int?
    let roomy = (body["options"]?["num_predict"]?.intValue ?? 0) >= Self.roomThatFits
    if prompt.contains("cut:thinking"), thinks, !roomy {
      lines = Array(lines.prefix(turn.reasoningTokens.count))
      lines.append(doneLine(model.name, evalCount: lines.count, reason: "length"))
    } else if prompt.contains("cut:length"), !roomy {
      lines = Array(lines.prefix(turn.reasoningTokens.count + 10))
      lines.append(doneLine(model.name, evalCount: lines.count, reason: "length"))
    } else if prompt.contains("fail:midstream") {
      lines =
        Array(lines.prefix(10)) + [
          #"{"error":"an error was encountered while running the model: unexpected EOF"}"# + "\n"
        ]
    } else if prompt.contains("fail:reset") {
      resetBeforeChunk = 10
    } else if prompt.contains("fail:truncate") {
      lines = Array(lines.prefix(10))
    } else if prompt.contains("fail:stall") {
      // Ten lines, then silence for an hour before the rest: a server that hangs mid-stream.
      var script = paced(lines + [doneLine(model.name, evalCount: evalCount)])
      if script.chunks.count > 10 { script.chunks[10].delayBefore = .seconds(3600) }
      return script
    } else {
      lines.append(doneLine(model.name, evalCount: evalCount))
    }
    var script = paced(lines)
    script.resetBeforeChunk = resetBeforeChunk
    return script
  }

  /// `[[read_file notes.txt]]` → a `read_file` call with `path`; `[[run_command sleep 30]]` → `command`.
  static func scriptedToolCall(in prompt: String) -> ToolCall? {
    guard let open = prompt.range(of: "[["),
      let close = prompt.range(of: "]]", range: open.upperBound..<prompt.endIndex)
    else {
      return nil
    }
    let inside = prompt[open.upperBound..<close.lowerBound].split(separator: " ", maxSplits: 1).map(String.init)
    guard let name = inside.first else { return nil }
    let argument = inside.count > 1 ? inside[1] : ""
    if argument.hasPrefix("{"), let object = try? JSONValue.parse(Array(argument.utf8)) {
      return ToolCall(id: "call_\(name)_1", name: name, arguments: object)  // [[env_echo {"text":"hi"}]]
    }
    let key = name == "run_command" ? "command" : "path"
    return ToolCall(id: "call_\(name)_1", name: name, arguments: .object([JSONMember(key, .string(argument))]))
  }

  private func toolCallResponse(model: String, call: ToolCall, thinks: Bool) -> HTTPScript {
    var lines: [String] = []
    if thinks {
      lines += Self.tokenize("I need to call \(call.name) before I can answer.").map { line(model, thinking: $0) }
    }
    let record = JSONValue.object([
      JSONMember("model", .string(model)), JSONMember("created_at", "2025-10-01T09:12:04Z"),
      JSONMember(
        "message",
        [
          "role": "assistant", "content": "",
          "tool_calls": [["function": ["name": .string(call.name), "arguments": call.arguments]]],
        ]),
      JSONMember("done", false),
    ])
    lines.append(record.serialized + "\n")
    lines.append(doneLine(model, evalCount: lines.count))
    return paced(lines)
  }

  private func toolFollowUp(model: String, results: some Sequence<JSONValue>, thinks: Bool) -> HTTPScript {
    let ordered = Array(results).reversed()
    var lines: [String] = []
    if thinks {
      let sizes = ordered.map { "\($0["content"]?.stringValue?.utf8.count ?? 0) bytes" }.joined(separator: ", ")
      lines += Self.tokenize("The tool answered with \(sizes). Now I can answer.").map { line(model, thinking: $0) }
    }
    var answer = ""
    for result in ordered {
      let name = result["tool_name"]?.stringValue ?? "the tool"
      let content = result["content"]?.stringValue ?? ""
      let firstLine = content.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
      answer += "\(name) returned \(content.utf8.count) bytes; it begins: \(firstLine.prefix(120))\n"
    }
    answer += "That is what I found."
    lines += Self.tokenize(answer).map { line(model, content: $0) }
    lines.append(doneLine(model, evalCount: lines.count))
    return paced(lines)
  }

  /// NDJSON lines at the configured token rate, after the configured first-token delay.
  private func paced(_ lines: [String]) -> HTTPScript {
    var script = HTTPScript.ndjson([], delay: nil)
    let delay: Duration? = tokensPerSecond > 0 ? .milliseconds(Int(1000 / tokensPerSecond)) : nil
    script.chunks = lines.enumerated().map { HTTPScript.Chunk($1, delayBefore: $0 == 0 ? nil : delay) }
    if firstTokenDelay > 0 { script.headerDelay = .milliseconds(Int(firstTokenDelay * 1000)) }
    return script
  }

  static func tokenize(_ text: String) -> [String] {
    ScriptedTurn.tokens(text)
  }

  private func line(_ model: String, thinking: String? = nil, content: String = "") -> String {
    var message: [JSONMember] = [JSONMember("role", "assistant"), JSONMember("content", .string(content))]
    if let thinking { message.append(JSONMember("thinking", .string(thinking))) }
    let record = JSONValue.object([
      JSONMember("model", .string(model)), JSONMember("created_at", "2025-10-01T09:12:03.1234567Z"),
      JSONMember("message", .object(message)), JSONMember("done", false),
    ])
    return record.serialized + "\n"
  }

  /// The `num_predict` from which the `cut:` triggers answer in full.
  public static let roomThatFits = 1000

  private func doneLine(_ model: String, evalCount: Int, reason: String = "stop") -> String {
    let evalNanos = tokensPerSecond > 0 ? Int(Double(evalCount) / tokensPerSecond * 1e9) : evalCount * 10_000_000
    return
      #"{"model":"\#(model)","created_at":"2025-10-01T09:12:09.31Z","message":{"role":"assistant","content":""},"done":true,"done_reason":"\#(reason)","total_duration":\#(evalNanos + 400_000_000),"load_duration":1334875,"prompt_eval_count":26,"prompt_eval_duration":342546000,"eval_count":\#(evalCount),"eval_duration":\#(evalNanos)}"#
      + "\n"
  }
}
