import ArgumentParser
import Foundation
import PonderCore

/// `--host`, `--api`, `--model` and friends, shared by every command that talks to a server.
struct ServerOptions: ParsableArguments {
  @Option(
    name: .long,
    help: "Server base URL (default: $OLLAMA_HOST, else http://127.0.0.1:11434; llama.cpp: http://127.0.0.1:8080).")
  var host: String?

  @Option(name: .long, help: "The server's API: ollama, openai, anthropic or auto (probe once).")
  var api: String?

  @Option(name: .long, help: "Model name (default: the config file's `model`, else the server's first model).")
  var model: String?

  @Option(
    name: .long, help: "Environment variable that holds the API key (default: OPENAI_API_KEY / ANTHROPIC_API_KEY).")
  var apiKeyEnv: String?

  @Flag(name: .long, help: "Leave <think>…</think> in the answer instead of showing it as reasoning.")
  var noThinkTags = false

  @Option(
    name: .long, parsing: .unconditional,
    help: "Seconds a response may stay silent once it has started (default: idle_timeout in the config, else 300).")
  var idleTimeout: Int?

  func validate() throws {
    if let api, api != "auto", APIKind(rawValue: api) == nil {
      throw ValidationError("--api takes ollama, openai, anthropic or auto")
    }
    if let idleTimeout, idleTimeout <= 0 { throw ValidationError("--idle-timeout takes a number of seconds above 0") }
    if let idleTimeout, idleTimeout > ConfigType.largestNumber {
      throw ValidationError("--idle-timeout takes at most \(ConfigType.largestNumber) seconds")
    }
    if let host, let problem = HostSyntax.problem(with: host) {
      throw ValidationError("--host: \(problem)")
    }
  }

  /// The transport every request goes through: a response that has started and then stays
  /// silent past the idle timeout fails (the partial answer is kept) instead of waiting for ever.
  func transport(over inner: any HTTPTransport, config: ConfigFile) -> any HTTPTransport {
    let timeout: Duration = idleTimeout.map { .seconds($0) } ?? config.idleTimeout
    return IdleTimeoutTransport(inner, timeout: timeout, clock: ContinuousClock())
  }

  /// What to connect to, from the flags, then the config file, then the environment; an
  /// address that cannot work is a usage error naming where it came from.
  func selection(config: ConfigFile) throws -> ServerSelection {
    let environment = ProcessInfo.processInfo.environment
    if host == nil, let configured = config.string("host"), let problem = HostSyntax.problem(with: configured) {
      throw ValidationError("host in the config file: \(problem)")
    }
    if host == nil, config.string("host") == nil, let variable = environment["OLLAMA_HOST"], !variable.isEmpty,
      let problem = HostSyntax.problem(with: variable)
    {
      throw ValidationError("OLLAMA_HOST: \(problem)")
    }
    let apiName = api ?? config.string("api") ?? "auto"
    let kind = APIKind(rawValue: apiName)
    let keyVariable = apiKeyEnv ?? config.string("api_key_env")
    return ServerSelection(
      api: kind, host: host ?? config.string("host"), ollamaHostVariable: environment["OLLAMA_HOST"],
      apiKeyVariable: keyVariable, environment: environment,
      thinkTags: noThinkTags ? .never : config.thinkTags,
      apiKeySource: apiKeyEnv != nil ? "--api-key-env" : "api_key_env")
  }
}

extension ServerOptions {
  /// The server to use, with the config file's problems and an unset API-key variable said on
  /// `err`, one line each: how the one-shot commands (`models`, `pull`) start.
  func selectionReportingProblems(to err: FileDescriptorSink) throws -> ServerSelection {
    let selection = try selection(config: try ConfigLoader.load(reportingTo: err))
    if let warning = selection.apiKeyWarning { err.note(warning) }
    return selection
  }
}
