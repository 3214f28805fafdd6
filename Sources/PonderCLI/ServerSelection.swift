import ArgumentParser
import Foundation
import PonderCore

/// The server the user asked for, before `auto` has been resolved by a probe.
public struct ServerSelection: Sendable {
  /// `nil` means auto.
  public var api: APIKind?
  public var host: String?
  public var ollamaHostVariable: String?
  public var apiKeyVariable: String?
  var environment: [String: String]
  public var thinkTags: ThinkTagMode
  /// Where `apiKeyVariable` was named (`--api-key-env`, `api_key_env`), for the warning.
  var apiKeySource: String

  public init(
    api: APIKind?, host: String?, ollamaHostVariable: String? = nil, apiKeyVariable: String? = nil,
    environment: [String: String] = [:], thinkTags: ThinkTagMode = .auto, apiKeySource: String = "--api-key-env"
  ) {
    self.api = api
    self.host = host
    self.ollamaHostVariable = ollamaHostVariable
    self.apiKeyVariable = apiKeyVariable
    self.environment = environment
    self.thinkTags = thinkTags
    self.apiKeySource = apiKeySource
  }

  /// One line when the variable the user named for the API key is unset or empty: requests then
  /// go without a key, and a server that needs one would only say "unauthorized".
  public var apiKeyWarning: String? {
    guard let variable = apiKeyVariable, (environment[variable] ?? "").isEmpty else { return nil }
    return "\(variable) (named by \(apiKeySource)) is not set: requests are sent without an API key"
  }

  /// The key for `kind`, from the named variable or the ecosystem's usual one. Never printed.
  func apiKey(for kind: APIKind) -> APIKey? {
    let variable =
      apiKeyVariable ?? (kind == .anthropic ? "ANTHROPIC_API_KEY" : kind == .openai ? "OPENAI_API_KEY" : nil)
    return variable.flatMap { APIKey(environment[$0]) }
  }

  /// The backend for a known API.
  public func backend(_ kind: APIKind) -> ChatBackend {
    ChatBackend(
      kind: kind, host: host, ollamaHostVariable: ollamaHostVariable, apiKey: apiKey(for: kind),
      thinkTags: thinkTags)
  }

  /// Where the server is, for messages before the API is known.
  public var displayHost: String { backend(api ?? .ollama).baseURL }

  /// Resolves `auto` with one probe; a fixed API needs no request. The note says what was found.
  public func resolve(client: StreamingClient) async -> Result<(backend: ChatBackend, note: String?), ChatError> {
    if let api { return .success((backend(api), nil)) }
    switch await APIProbe.detect(host: host, ollamaHostVariable: ollamaHostVariable, client: client) {
    case .success(let finding): return .success((backend(finding.kind), "found \(finding.summary)"))
    case .failure(let error): return .failure(error)
    }
  }
}
