/// Every setting Ponder reads from its config file: each key's type and default, table by table.
/// ``ConfigFile`` checks a document against it, so a misspelt key or a value of the wrong type
/// is named instead of silently doing nothing.
public indirect enum ConfigSchema: Sendable {
  /// One setting; `defaultText` is what applies when it is absent or unusable (for warnings).
  case value(ConfigType, defaultText: String? = nil)
  /// A table with these keys and no others.
  case table([String: ConfigSchema])
  /// A table whose keys are names the user chooses (`[mcp.NAME]`), each shaped as given.
  case named(ConfigSchema)
  /// A table of free keys whose values have this type (`[options]`, `[mcp.NAME.env]`).
  case free(ConfigType)

  /// The file as a whole.
  public static let file: ConfigSchema = .table([
    "host": .value(.string),
    "api": .value(.choice(["auto", "ollama", "openai", "anthropic"]), defaultText: "auto"),
    "model": .value(.string),
    "theme": .value(.string, defaultText: "default-dark"),
    "api_key_env": .value(.string),
    "system": .value(.string),
    "think": .value(.choice(["on", "off", "low", "medium", "high"])),
    "think_tags": .value(.bool, defaultText: "true"),
    "save": .value(.bool, defaultText: "true"),
    "hangup_wait_minutes": .value(.nonNegativeNumber, defaultText: "\(ConfigFile.defaultHangupWaitMinutes)"),
    "idle_timeout": .value(.positiveNumber, defaultText: "\(ConfigFile.defaultIdleTimeoutSeconds)"),
    "options": .free(.anyValue),
    "tools": .table([
      "enabled": .value(.bool, defaultText: "true"),
      "always_allow": .value(.strings),
      "search_timeout_seconds": .value(.positiveNumber, defaultText: "\(ConfigFile.defaultSearchTimeoutSeconds)"),
    ]),
    "mcp": .named(
      .table([
        "command": .value(.string),
        "args": .value(.strings),
        "enabled": .value(.bool, defaultText: "true"),
        "env": .free(.scalar),
      ])),
  ])
}
