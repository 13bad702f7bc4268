import NIOCore

/// Runs a task's jobs on a NIO event loop instead of Swift's cooperative pool.
///
/// The synchronous interfaces wait on their own thread for what they ask the server. A wait for
/// an `async` postgres-nio call (`copyFrom`) whose task needed the cooperative pool would
/// deadlock whenever every thread of that pool was itself waiting (two tests at once on a
/// two-core machine is enough); a task preferring this executor needs none of them.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
