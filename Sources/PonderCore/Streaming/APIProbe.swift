/// Finds out which API a server speaks (`--api auto`), with one or two cheap requests.
///
/// Ollama answers `GET /api/version`; OpenAI-compatible servers (llama.cpp, vLLM, LM Studio)
/// answer `GET /v1/models`. The result says what was found, for the Log.
public enum APIProbe {
  public struct Finding: Sendable, Equatable {
    public var kind: APIKind
    /// One line for the Log: "Ollama 0.12.6 at …" or "an OpenAI-compatible server at … (3 models)".
    public var summary: String
  }

  public static func detect(host: String?, ollamaHostVariable: String?, client: StreamingClient) async -> Result<
    Finding, ChatError
  > {
    let ollama = ChatBackend(kind: .ollama, host: host, ollamaHostVariable: ollamaHostVariable)
    var firstError: ChatError?
    do {
      let version = try await client.fetchJSON(HTTPRequestSpec(method: .get, url: ollama.baseURL + "/api/version"))
      if let number = version["version"]?.stringValue {
        return .success(Finding(kind: .ollama, summary: "Ollama \(number) at \(ollama.baseURL)"))
      }
    } catch {
      firstError = error
      if error.kind == .cannotConnect, host == nil { return .failure(error) }
    }
    let compatible = ChatBackend(kind: .openai, host: host ?? ollama.baseURL)
    do {
      let list = try await client.fetchJSON(compatible.modelsRequest())
      let count = compatible.models(from: list).count
      return .success(
        Finding(
          kind: .openai,
          summary:
            "an OpenAI-compatible server at \(compatible.baseURL) (\(count) model\(count == 1 ? "" : "s"); /api/version is not served)"
        ))
    } catch {
      return .failure(firstError?.kind == .cannotConnect ? firstError ?? error : error)
    }
  }
}
