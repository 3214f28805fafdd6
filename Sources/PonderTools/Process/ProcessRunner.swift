import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a shell command in a directory with a timeout, as an async call that honours Task
/// cancellation: cancelling kills the command's whole process group and returns what it printed.
///
/// The blocking watch loop runs on a dispatch queue of its own, never on the Swift concurrency
/// pool (which has one thread per core).
enum ProcessRunner {
  static func run(
    command: String, directory: String, timeout: Double, captureLimit: Int
  ) async throws(ToolFailure) -> ProcessSupervisor.Report {
    let wake = try CancellationPipe()
    let process = try SpawnedProcess.spawn(command: command, directory: directory)
    let supervisor = ProcessSupervisor(process: process, timeout: timeout, wake: wake.read, captureLimit: captureLimit)
    return await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<ProcessSupervisor.Report, Never>) in
        DispatchQueue(label: "ponder.run_command.\(process.pid)").async {
          let report = supervisor.watch()
          withExtendedLifetime(wake) { continuation.resume(returning: report) }
        }
      }
    } onCancel: {
      wake.fire()
    }
  }
}
