namespace DueDiligence.Domain.Assessments;

/// <summary>Why a question stops the assessment from being submitted.</summary>
public enum MissingReason
{
    /// <summary>A required question has no answer (N/A counts as an answer where the question allows it).</summary>
    RequiredUnanswered,

    /// <summary>An evidence-required question has neither current (unexpired) evidence nor a justification.</summary>
    EvidenceMissing,

    /// <summary>A reassessment's section holds answers carried forward from the previous assessment that the analyst has not confirmed.</summary>
    CarriedSectionUnconfirmed,

    /// <summary>The supplier answered the question through the portal and the analyst has not accepted the answer yet.</summary>
    SupplierAnswerNotAccepted,
}
