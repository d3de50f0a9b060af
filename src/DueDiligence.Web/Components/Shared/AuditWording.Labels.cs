using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Suppliers;

namespace DueDiligence.Web.Components.Shared;

/// <summary>The labels of records, fields and choices the audit trail shows, and which fields stay hidden.</summary>
public static partial class AuditWording
{
    private static readonly Field Hidden = new("", Kind.Hidden);

    /// <summary>Fields of every record type, unless the record type says otherwise.</summary>
    private static readonly Dictionary<string, Field> Common = new(StringComparer.Ordinal)
    {
        ["Id"] = Hidden,
        ["Version"] = Hidden,
        ["RowVersion"] = Hidden,
        ["ConcurrencyStamp"] = Hidden,
        ["SecurityStamp"] = Hidden,
        ["EditStamp"] = Hidden,
        ["UpdatedAtUtc"] = Hidden, // the event's own time says when
        ["PasswordHash"] = new("Password", Kind.Secret),
        ["SupplierId"] = new("Supplier", Kind.Reference, AuditReference.Supplier),
        ["ChosenSupplierId"] = new("Chosen supplier", Kind.Reference, AuditReference.Supplier),
        ["AssessmentId"] = new("Assessment", Kind.Reference, AuditReference.Assessment),
        ["SourcingProjectId"] = new("Sourcing project", Kind.Reference, AuditReference.SourcingProject),
        ["UserId"] = new("User", Kind.Reference, AuditReference.User),
        ["RoleId"] = new("Role", Kind.Reference, AuditReference.Role),
        ["QuestionCode"] = new("Question"),
        ["Country"] = new("Country", Kind.Country),
        ["HqCountry"] = new("HQ country", Kind.Country),
        ["Status"] = new("Status", Kind.Choice),
        ["Category"] = new("Category", Kind.Choice),
        ["Tier"] = new("Tier", Kind.Choice),
        ["Severity"] = new("Severity", Kind.Choice),
        ["Email"] = new("E-mail"),
        ["Phone"] = new("Phone"),
        ["ResidualRisk"] = new("Residual risk R", Kind.Figure),
        ["ControlScore"] = new("Control score C", Kind.Figure),
        ["DueOn"] = new("Due", Kind.Date),
        ["CreatedAt"] = new("Created", Kind.Instant),
    };

    /// <summary>The details of a security event: who claimed to sign in, and from where (before <see cref="ByRecord"/>, which uses it).</summary>
    private static readonly Dictionary<string, Field> SignInFields = Fields(
        ("Email", new("E-mail typed")), ("ClientAddress", new("From address")), ("Reason", new("Why")));

    /// <summary>The details of a password change or reset, or of a reset link issued: whose account, from where, until when.</summary>
    private static readonly Dictionary<string, Field> PasswordFields = Fields(
        ("Email", new("E-mail")), ("ClientAddress", new("From address")), ("Reason", new("Details")));

    /// <summary>Fields that read differently on one record type, and the order they are listed in.</summary>
    private static readonly Dictionary<string, Dictionary<string, Field>> ByRecord = new(StringComparer.Ordinal)
    {
        ["Supplier"] = Fields(
            ("LegalName", new("Legal name")),
            ("Status", new("Status", Kind.Choice)),
            ("HqCountry", new("HQ country", Kind.Country)),
            ("Category", new("Category", Kind.Choice)),
            ("OwnerName", new("Owner")),
            ("LatestTier", new("Latest tier", Kind.Choice)),
            ("LatestResidualRisk", new("Latest residual risk R", Kind.Figure)),
            ("ReassessmentDueOn", new("Reassessment due", Kind.Date)),
            ("Description", new("Description")),
            ("Website", new("Website")),
            ("RegistrationNumber", new("Registration number")),
            ("VatNumber", new("VAT number")),
            ("Duns", new("D-U-N-S number")),
            ("Lei", new("LEI")),
            ("LegalNameKey", Hidden),
            ("MatchKey", Hidden),
            ("MatchStem", Hidden),
            ("OwnerId", Hidden),
            ("CreatedAtUtc", Hidden)),
        ["Site"] = Fields(("City", new("City")), ("Country", new("Country", Kind.Country)), ("Activities", new("Activities", Kind.Activities))),
        ["Subcontractor"] = Fields(("Name", new("Name")), ("Country", new("Country", Kind.Country)), ("Activity", new("Activity")), ("IpHandling", new("Handles our IP", Kind.Choice))),
        ["Contact"] = Fields(("Name", new("Name")), ("Role", new("Role")), ("Email", new("E-mail")), ("Phone", new("Phone"))),
        ["ExposureItem"] = Fields(("Category", new("IP asset", Kind.Choice)), ("Sensitivity", new("Sensitivity (1–5)", Kind.Number)), ("Note", new("Note"))),
        ["Assessment"] = Fields(
            ("Status", new("Status", Kind.Choice)),
            ("AnalystName", new("Analyst")),
            ("TemplateName", new("Questionnaire")),
            ("TemplateVersionNumber", new("Questionnaire version", Kind.Number)),
            ("SubmittedAtUtc", new("Submitted", Kind.Instant)),
            ("DecidedAtUtc", new("Decided", Kind.Instant)),
            ("ReturnReason", new("Reason for returning it")),
            ("CarriedFromAssessmentId", new("Carried forward from", Kind.Reference, AuditReference.Assessment)),
            ("CarryForwardNotesJson", Hidden), // shown on the reassessment as "no longer asked" and "not carried forward"
            ("Template", Hidden), // the questionnaire as it was when the assessment started: name and version say which
            ("TemplateVersionId", Hidden),
            ("CreatedAtUtc", Hidden)),
        ["AssessmentAnswer"] = Fields(
            ("QuestionCode", new("Question")),
            ("YesNo", new("Yes / no", Kind.YesNo)),
            ("Maturity", new("Maturity (0–4)", Kind.Number)),
            ("Number", new("Number", Kind.Number)),
            ("Date", new("Date", Kind.Date)),
            ("Text", new("Text answer")),
            ("OptionCodesJson", new("Options chosen", Kind.Options)),
            ("ManualRating", new("Rating of the text answer", Kind.Number)),
            ("NotApplicable", new("Not applicable", Kind.YesNo)),
            ("Comment", new("Comment")),
            ("EvidenceJustification", new("Why there is no evidence")),
            ("UpdatedByName", new("Answered by"))),
        ["AssessmentTransition"] = Fields(
            ("From", new("From", Kind.Choice)),
            ("To", new("To", Kind.Choice)),
            ("Reason", new("Reason")),
            ("ByName", new("By")),
            ("AtUtc", new("At", Kind.Instant))),
        ["AssessmentDecision"] = Fields(
            ("Outcome", new("Decision", Kind.Choice)),
            ("Tier", new("Tier", Kind.Choice)),
            ("ResidualRisk", new("Residual risk R", Kind.Figure)),
            ("Rationale", new("Rationale")),
            ("ReassessmentDueOn", new("Reassessment due", Kind.Date))),
        ["ScoreSnapshot"] = Fields(
            ("Kind", new("Taken at", Kind.Choice)),
            ("ControlScore", new("Control score C", Kind.Figure)),
            ("ResidualRisk", new("Residual risk R", Kind.Figure)),
            ("Tier", new("Tier", Kind.Choice)),
            ("AsOf", new("As of", Kind.Date)),
            ("PolicyId", new("Scoring policy")),
            ("ResultJson", Hidden)),
        ["Finding"] = Fields(
            ("Description", new("Finding")),
            ("Severity", new("Severity", Kind.Choice)),
            ("Status", new("Status", Kind.Choice)),
            ("RecommendedMitigation", new("Recommended mitigation")),
            ("Owner", new("Owner")),
            ("DueOn", new("Due", Kind.Date)),
            ("WaiverReason", new("Waived because"))),
        ["ContractCondition"] = Fields(
            ("Description", new("Condition")),
            ("Status", new("Status", Kind.Choice)),
            ("Owner", new("Owner")),
            ("DueOn", new("Due", Kind.Date)),
            ("WaiverReason", new("Waived because"))),
        ["RemediationStep"] = Fields(
            ("Action", new("Step", Kind.Choice)),
            ("Note", new("Note")),
            ("ByName", new("By")),
            ("AtUtc", new("At", Kind.Instant)),
            ("Sequence", Hidden),
            ("ContractConditionId", Hidden),
            ("FindingId", Hidden)),
        ["FulfilmentEvidence"] = Fields(
            ("OriginalFileName", new("File")),
            ("Length", new("Size", Kind.Bytes)),
            ("Sha256", new("SHA-256 fingerprint")),
            ("ContentType", Hidden),
            ("StorageKey", Hidden),
            ("ContractConditionId", Hidden),
            ("FindingId", Hidden)),
        ["MessageAttachment"] = Fields(
            ("FileName", new("File")),
            ("Length", new("Size", Kind.Bytes)),
            ("Sha256", new("SHA-256 fingerprint")),
            ("ContentType", Hidden),
            ("StorageKey", Hidden),
            ("ClarificationMessageId", Hidden)),
        ["ClarificationMessage"] = Fields(
            ("Text", new("Message")),
            ("AuthorName", new("Written by")),
            ("FromSupplier", new("From the supplier")),
            ("SentAtUtc", new("Sent", Kind.Instant)),
            ("AuthorId", Hidden),
            ("ThreadId", Hidden)),
        ["ClarificationThread"] = Fields(
            ("QuestionCode", new("Question")),
            ("InvitationId", new("With the supplier contact of invitation")),
            ("OpenedAtUtc", new("Opened", Kind.Instant)),
            ("ResolvedByName", new("Resolved by")),
            ("ResolvedAtUtc", new("Resolved", Kind.Instant))),
        ["EvidenceFile"] = Fields(
            ("OriginalFileName", new("File")),
            ("QuestionCode", new("Question")),
            ("Length", new("Size", Kind.Bytes)),
            ("ExpiresOn", new("Expires", Kind.Date)),
            ("Sha256", new("SHA-256 fingerprint")),
            ("InsufficientReason", new("Why it is insufficient")),
            ("InsufficientByName", new("Marked insufficient by")),
            ("InsufficientAtUtc", new("Marked insufficient", Kind.Instant)),
            ("InsufficientById", Hidden),
            ("CarriedAtUtc", new("Carried forward", Kind.Instant)),
            ("CarriedFromId", Hidden),
            ("CarriedById", Hidden),
            ("ContentType", Hidden),
            ("StorageKey", Hidden)),
        ["CarriedSection"] = Fields(
            ("SectionCode", new("Section")),
            ("CarriedAnswers", new("Answers carried forward", Kind.Number)),
            ("CarriedEvidence", new("Evidence files carried forward", Kind.Number)),
            ("ConfirmedByName", new("Confirmed by")),
            ("ConfirmedAtUtc", new("Confirmed", Kind.Instant)),
            ("ConfirmedById", Hidden)),
        ["KnockOutWaiver"] = Fields(("QuestionCode", new("Question")), ("Rationale", new("Rationale"))),
        ["LegalOpinion"] = Fields(("Text", new("Legal opinion")), ("ByName", new("By")), ("AtUtc", new("At", Kind.Instant))),
        ["DecisionSignOff"] = Fields(
            ("Outcome", new("Sign-off", Kind.Choice)),
            ("Rationale", new("Rationale")),
            ("Justification", new("Justification")),
            ("ByName", new("Signed by")),
            ("OnBehalfOfName", new("On behalf of")),
            ("RequiredApprovals", new("Approvals required", Kind.Number)),
            ("Superseded", new("No longer counts (returned to draft)", Kind.YesNo)),
            ("AtUtc", new("At", Kind.Instant))),
        ["ApprovalRule"] = Fields(
            ("RequiredApprovals", new("Approvals required", Kind.Number)),
            ("JustificationRequired", new("Written justification required", Kind.YesNo)),
            ("UpdatedByName", new("Changed by"))),
        ["Delegation"] = Fields(
            ("DelegatorName", new("Queue of")),
            ("DelegateName", new("Delegated to")),
            ("StartsOn", new("From", Kind.Date)),
            ("EndsOn", new("To (inclusive)", Kind.Date)),
            ("RevokedAtUtc", new("Revoked", Kind.Instant)),
            ("RevokedByName", new("Revoked by"))),
        ["Jurisdiction"] = Fields(("Country", new("Country", Kind.Country)), ("Name", new("Name")), ("ReferenceNotes", new("Reference notes"))),
        ["JurisdictionRating"] = Fields(
            ("Country", new("Country", Kind.Country)),
            ("Rating", new("Legal rating", Kind.Choice)),
            ("Rationale", new("Rationale")),
            ("EnforcementNotes", new("Enforcement notes")),
            ("FirstToFileNotes", new("First-to-file notes")),
            ("RecommendedCounsel", new("Recommended counsel")),
            ("NextReviewOn", new("Next review", Kind.Date)),
            ("ReviewerName", new("Reviewer")),
            ("RatedAtUtc", new("Rated", Kind.Instant))),
        ["IndicatorValue"] = Fields(
            ("Country", new("Country", Kind.Country)),
            ("Indicator", new("Indicator", Kind.Choice)),
            ("Value", new("Value")),
            ("EditionYear", new("Edition", Kind.Number)),
            ("Source", new("Source")),
            ("Licence", new("Licence")),
            ("UpdatedBy", new("Updated by"))),
        ["IpRight"] = Fields(
            ("Kind", new("Kind of right", Kind.Choice)),
            ("Title", new("Title")),
            ("Number", new("Number")),
            ("OwnerEntity", new("Owner entity")),
            ("Protects", new("Protects"))),
        ["IpRightCountry"] = Fields(
            ("Country", new("Country", Kind.Country)),
            ("Status", new("Status", Kind.Choice)),
            ("FiledOn", new("Filed", Kind.Date)),
            ("RegisteredOn", new("Registered", Kind.Date)),
            ("ExpiresOn", new("Expires", Kind.Date))),
        ["CountryTreaties"] = Fields(("Country", new("Country", Kind.Country)), ("SourceIds", new("Reference sources")), ("Notes", new("Notes"))),
        ["TreatyValue"] = Fields(
            ("Country", new("Country", Kind.Country)),
            ("Fact", new("Treaty or rule", Kind.Choice)),
            ("Value", new("Value")),
            ("Source", new("Source")),
            ("SourceYear", new("Source year", Kind.Number)),
            ("Reason", new("Reason")),
            ("UpdatedBy", new("Updated by"))),
        ["TemplateVersion"] = Fields(
            ("Name", new("Name")),
            ("VersionNumber", new("Version", Kind.Number)),
            ("Status", new("Status", Kind.Choice)),
            ("PublishedAt", new("Published", Kind.Instant)),
            ("RetiredAt", new("Retired", Kind.Instant)),
            ("Definition", new("Questions", Kind.Secret)),
            ("TemplateKey", Hidden)),
        ["SourcingProject"] = Fields(
            ("Name", new("Name")),
            ("Need", new("Need")),
            ("Status", new("Status", Kind.Choice)),
            ("OwnerName", new("Owner")),
            ("ChosenSupplierId", new("Chosen supplier", Kind.Reference, AuditReference.Supplier)),
            ("DecisionMemo", new("Decision memo")),
            ("OwnerId", Hidden),
            ("CreatedAtUtc", Hidden)),
        ["SupplierCollaborator"] = Fields(("Name", new("Collaborator")), ("SupplierId", new("Supplier", Kind.Reference, AuditReference.Supplier))),
        ["SourcingCollaborator"] = Fields(("Name", new("Collaborator")), ("SourcingProjectId", new("Sourcing project", Kind.Reference, AuditReference.SourcingProject))),
        ["SourcingCandidate"] = Fields(
            ("SupplierId", new("Supplier", Kind.Reference, AuditReference.Supplier)),
            ("SourcingProjectId", new("Sourcing project", Kind.Reference, AuditReference.SourcingProject)),
            ("AddedByName", new("Added by"))),
        ["AppUser"] = Fields(
            ("DisplayName", new("Name")),
            ("Email", new("E-mail")),
            ("LockoutEnd", new("Lock", Kind.Lock)),
            ("AccessFailedCount", new("Failed sign-ins", Kind.Number)),
            ("PasswordHash", new("Password", Kind.Secret)),
            ("PhoneNumber", new("Phone")),
            ("TwoFactorEnabled", new("Two-step sign-in", Kind.YesNo)),
            ("UserName", Hidden),
            ("NormalizedEmail", Hidden),
            ("NormalizedUserName", Hidden),
            ("EmailConfirmed", Hidden),
            ("PhoneNumberConfirmed", Hidden),
            ("LockoutEnabled", Hidden)),
        ["IdentityRole"] = Fields(("Name", new("Role", Kind.RoleName)), ("NormalizedName", Hidden)),
        ["IdentityUserRole"] = Fields(
            ("UserId", new("User", Kind.Reference, AuditReference.User)),
            ("RoleId", new("Role", Kind.Reference, AuditReference.Role))),
        ["DataProtectionKey"] = Fields(("Xml", new("Key", Kind.Secret)), ("FriendlyName", Hidden)),
        ["SignIn"] = SignInFields,
        ["SignInRefused"] = SignInFields,
        ["Lockout"] = SignInFields,
        ["SignOut"] = SignInFields,
        ["PasswordChanged"] = PasswordFields,
        ["PasswordResetIssued"] = PasswordFields,
        ["PasswordReset"] = PasswordFields,
        ["MfaEnabled"] = SignInFields,
        ["MfaDisabled"] = SignInFields,
        ["MfaReset"] = SignInFields,
        ["RecoveryCodesRegenerated"] = SignInFields,
        ["RecoveryCodeUsed"] = SignInFields,
        ["SecondStepRefused"] = SignInFields,
        ["IdentityUserToken"] = Fields(
            ("UserId", new("User", Kind.Reference, AuditReference.User)),
            ("Value", new("Value", Kind.Secret)),
            ("Name", new("Kind")),
            ("LoginProvider", Hidden)),
        ["WebhookEndpoint"] = Fields(
            ("Name", new("Name")),
            ("Url", new("Address")),
            ("Events", new("Events")),
            ("IsPaused", new("Paused")),
            ("ProtectedSecret", new("Signing secret", Kind.Secret))),
        ["WebhookDelivery"] = Fields(("Payload", Hidden), ("EventType", new("Event"))),
        ["SessionEnded"] = SignInFields,
        ["PortalLinkOpened"] = SignInFields,
        ["PortalRefused"] = SignInFields,
        ["ApiTokenCreated"] = PasswordFields,
        ["ApiTokenRevoked"] = PasswordFields,
        ["ApiTokenRefused"] = SignInFields,
    };

    /// <summary>For a page that does not say the record type: each field as the first record type that names it reads it.</summary>
    private static readonly Dictionary<string, Field> AnyRecord = ByRecord.Values
        .SelectMany(fields => fields)
        .DistinctBy(field => field.Key)
        .ToDictionary(field => field.Key, field => field.Value, StringComparer.Ordinal);

    private static readonly Dictionary<string, string> RecordLabels = new(StringComparer.Ordinal)
    {
        ["Supplier"] = "Supplier",
        ["Site"] = "Site",
        ["Subcontractor"] = "Subcontractor",
        ["Contact"] = "Contact",
        ["ExposureItem"] = "IP exposure",
        ["Assessment"] = "Assessment",
        ["AssessmentAnswer"] = "Answer",
        ["AssessmentTransition"] = "Assessment step",
        ["AssessmentDecision"] = "Decision",
        ["ScoreSnapshot"] = "Score snapshot",
        ["Finding"] = "Finding",
        ["ContractCondition"] = "Contract condition",
        ["EvidenceFile"] = "Evidence",
        ["CarriedSection"] = "Carried-forward section",
        ["RemediationStep"] = "Follow-up step",
        ["FulfilmentEvidence"] = "Evidence of fulfilment",
        ["KnockOutWaiver"] = "Knock-out waiver",
        ["LegalOpinion"] = "Legal opinion",
        ["DecisionSignOff"] = "Executive sign-off",
        ["ApprovalRule"] = "Approval rule",
        ["Delegation"] = "Delegation of a decision queue",
        ["Jurisdiction"] = "Jurisdiction",
        ["JurisdictionRating"] = "Legal rating",
        ["IndicatorValue"] = "Jurisdiction indicator",
        ["IpRight"] = "IP right",
        ["IpRightCountry"] = "Country of an IP right",
        ["CountryTreaties"] = "IP treaty data",
        ["TreatyValue"] = "IP treaty value",
        ["TemplateVersion"] = "Questionnaire template",
        ["SourcingProject"] = "Sourcing project",
        ["SourcingCandidate"] = "Sourcing candidate",
        ["SupplierCollaborator"] = "Collaborator on a supplier",
        ["SourcingCollaborator"] = "Collaborator on a sourcing project",
        ["AppUser"] = "User account",
        ["IdentityRole"] = "Role",
        ["IdentityUserRole"] = "Role of a user",
        ["DataProtectionKey"] = "Sign-in protection key",
        ["SignIn"] = "Sign-in",
        ["SignInRefused"] = "Refused sign-in",
        ["Lockout"] = "Account lock",
        ["SignOut"] = "Sign-out",
        ["PasswordChanged"] = "Password change",
        ["PasswordResetIssued"] = "Password reset link",
        ["PasswordReset"] = "Password reset",
        ["IdentityUserToken"] = "Sign-in secret of a user",
        ["MfaEnabled"] = "Two-factor authentication",
        ["MfaDisabled"] = "Two-factor authentication",
        ["MfaReset"] = "Two-factor authentication",
        ["RecoveryCodesRegenerated"] = "Recovery codes",
        ["RecoveryCodeUsed"] = "Recovery code",
        ["SecondStepRefused"] = "Refused sign-in code",
        ["SessionEnded"] = "Session ended",
        ["PortalLinkOpened"] = "Supplier portal visit",
        ["PortalRefused"] = "Supplier portal refusal",
        ["SupplierInvitation"] = "Supplier portal invitation",
        ["ClarificationThread"] = "Conversation about a question",
        ["ClarificationMessage"] = "Message in a conversation",
        ["MessageAttachment"] = "File sent with a message",
        ["ApiTokenCreated"] = "API token",
        ["ApiTokenRevoked"] = "API token",
        ["ApiTokenRefused"] = "Refused API token",
        ["WebhookEndpoint"] = "Webhook endpoint",
        ["WebhookDelivery"] = "Webhook delivery",
    };

    /// <summary>Values of the product's choice lists (statuses, categories, tiers…) as the screens show them.</summary>
    private static readonly Dictionary<string, string> ChoiceLabels = BuildChoiceLabels();

    private enum Kind
    {
        Text,
        Hidden,
        Country,
        Instant,
        Date,
        Figure,
        Number,
        Bytes,
        YesNo,
        Choice,
        Activities,
        Options,
        Secret,
        Lock,
        RoleName,
        Reference,
    }

    private sealed record Field(string Label, Kind Kind = Kind.Text, AuditReference? Reference = null);

    private static Dictionary<string, Field> Fields(params (string Name, Field Field)[] fields)
    {
        var map = new Dictionary<string, Field>(StringComparer.Ordinal);
        foreach (var (name, field) in fields)
        {
            map[name] = field;
        }

        return map;
    }

    private static Dictionary<string, string> BuildChoiceLabels()
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var status in Enum.GetValues<SupplierStatus>())
        {
            labels[status.ToString()] = SupplierLabels.Of(status);
        }

        foreach (var category in Enum.GetValues<SupplierCategory>())
        {
            labels[category.ToString()] = SupplierLabels.Of(category);
        }

        foreach (var category in Enum.GetValues<IpAssetCategory>())
        {
            labels[category.ToString()] = SupplierLabels.Of(category);
        }

        foreach (var ipHandling in Enum.GetValues<SubcontractorIpHandling>())
        {
            labels[ipHandling.ToString()] = SupplierLabels.Of(ipHandling);
        }

        foreach (var status in Enum.GetValues<AssessmentStatus>())
        {
            labels[status.ToString()] = AssessmentLabels.Of(status);
        }

        foreach (var outcome in Enum.GetValues<DecisionOutcome>())
        {
            labels[outcome.ToString()] = AssessmentLabels.Of(outcome);
        }

        labels["Ustr301"] = "USTR Special 301 status";
        labels["EuPriority"] = "EU priority country list";
        labels["Cpi"] = "Corruption Perceptions Index";
        labels["WgiRuleOfLaw"] = "WGI Rule of Law";
        return labels;
    }
}
