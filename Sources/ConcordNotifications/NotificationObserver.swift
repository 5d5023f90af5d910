import ConcordStore

/// What the mail and deadline watch reports as it works, for the server's metrics. It is told
/// outcomes and timings only: never a recipient, a subject or a dispute.
public protocol NotificationObserver: Sendable {
    /// A deadline sweep, with the digests gathered after it, took `duration`.
    func sweepFinished(_ result: DeadlineSweep.Result, after duration: Duration)
    /// One message was handed to the relay (or refused) in `duration`.
    func messageSettled(_ outcome: MailDelivery.Outcome, after duration: Duration)
    /// A round of sweeping and delivering failed and will be tried again.
    func roundFailed()
}
