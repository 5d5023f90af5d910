import FluentKit

/// Every migration, in the order it must run. Add new ones at the end; never reorder.
public enum ConcordMigrations {
    public static let all: [any Migration] = [
        CreatePartnerships(),
        CreateClosureDays(),
        CreateAgencies(),
        CreatePartnershipAgencies(),
        CreatePeople(),
        CreatePolicyVersions(),
        CreateDisputeEvents(),
        CreateEventChainHead(),
        CreateDisputes(),
        CreateDisputePeople(),
        CreateDeadlineIndexes(),
        CreateAppendOnlyGuard(),
        CreateAccounts(),
        CreateWebSessions(),
        CreateSignInFailures(),
        CreateDisputeAccessLog(),
        CreateFormSubmissions(),
        CreateOutboxMessages(),
        CreateMailSettings(),
        AddDesignatedLeads(),
        CreateDeadlineSweeps(),
        AddCapacityHolders(),
        CreateDisputeActions(),
        CreatePolicyDrafts(),
        AddDisputeNextDue(),
        CreateDisputeAgencies(),
        CreateDisputeSearchTerms(),
        CreateLineManagement(),
        CreateDisputeListIndexes(),
        FillDisputeListProjections(),
        CreateServerKeys(),
        CreatePolicyReinstatements(),
    ]
}
