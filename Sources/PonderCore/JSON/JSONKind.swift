/// The kind of the next JSON value.
public enum JSONKind: Sendable, Equatable {
  case object, array, string, number, bool, null, end
}
