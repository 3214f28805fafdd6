/// A response the client stopped reading: proof that closing the connection reached the server.
public struct ClientDisconnect: Sendable, Equatable {
  public var path: String
  public var chunksWritten: Int
  public var scriptChunks: Int
}
