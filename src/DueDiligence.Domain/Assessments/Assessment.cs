using DueDiligence.Domain.Common;
using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Domain.Assessments;

/// <summary>One supplier assessed against a snapshot of one published template version, from draft to decision.</summary>
/// <remarks>
/// The workflow is in Assessment.Workflow.cs, answers in Assessment.Answers.cs, evidence in Assessment.Evidence.cs,
/// findings, conditions and waivers in Assessment.LegalReview.cs, and the executives' sign-offs in Assessment.Approvals.cs.
/// </remarks>
public sealed partial class Assessment
{
    private readonly List<AssessmentAnswer> _answers = [];
    private readonly List<EvidenceFile> _evidence = [];
    private readonly List<Finding> _findings = [];
    private readonly List<ContractCondition> _conditions = [];
    private readonly List<KnockOutWaiver> _waivers = [];
    private readonly List<ScoreSnapshot> _scoreSnapshots = [];
    private readonly List<AssessmentTransition> _transitions = [];
    private readonly List<DecisionSignOff> _signOffs = [];

    private TemplateDefinition _template = new();

    // For EF Core.
    private Assessment()
    {
    }

    public Guid Id { get; private set; }

    public Guid SupplierId { get; private set; }

    public Guid TemplateVersionId { get; private set; }

    public string TemplateName { get; private set; } = "";

    public int TemplateVersionNumber { get; private set; }

    /// <summary>A copy of the questionnaire as it was when the assessment started; changing the copy never changes the assessment.</summary>
    /// <remarks>EF Core reads and writes the backing field, so persistence does not pay for the copy.</remarks>
    public TemplateDefinition Template
    {
        get => _template.Clone();
        private set => _template = value;
    }

    public AssessmentStatus Status { get; private set; }

    /// <summary>The analyst who owns the assessment.</summary>
    public string AnalystId { get; private set; } = "";

    public string AnalystName { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>When it was last submitted.</summary>
    public DateTime? SubmittedAtUtc { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public AssessmentDecision? Decision { get; private set; }

    /// <summary>Legal's overall opinion from the last time it forwarded the assessment for a decision.</summary>
    public LegalOpinion? LegalOpinion { get; private set; }

    /// <summary>Why it was last returned to draft; the full story is in <see cref="Transitions"/>.</summary>
    public string? ReturnReason { get; private set; }

    /// <summary>Changes on every change to the assessment; a save that started from an older version is refused.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public IReadOnlyList<AssessmentAnswer> Answers => _answers;

    public IReadOnlyList<EvidenceFile> Evidence => _evidence;

    public IReadOnlyList<Finding> Findings => _findings;

    public IReadOnlyList<ContractCondition> Conditions => _conditions;

    public IReadOnlyList<KnockOutWaiver> Waivers => _waivers;

    public IReadOnlyList<ScoreSnapshot> ScoreSnapshots => _scoreSnapshots;

    /// <summary>Every executive's approval or rejection, oldest first, including those superseded by a return to draft.</summary>
    public IReadOnlyList<DecisionSignOff> SignOffs => _signOffs;

    /// <summary>The workflow history, oldest first, starting with the moment the assessment was started.</summary>
    public IReadOnlyList<AssessmentTransition> Transitions => _transitions;

    public bool IsReadOnly => Status == AssessmentStatus.Decided;

    /// <summary>An analyst starts assessing a supplier on a published template version.</summary>
    public static Assessment Start(Guid supplierId, TemplateVersion templateVersion, Actor analyst, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(templateVersion);
        ArgumentNullException.ThrowIfNull(analyst);
        if (supplierId == Guid.Empty)
        {
            throw new DomainException("Choose the supplier to assess.");
        }

        if (templateVersion.Status != TemplateStatus.Published)
        {
            throw new DomainException(
                $"Version {templateVersion.VersionNumber} of \"{templateVersion.Name}\" is {templateVersion.Status.ToString().ToLowerInvariant()}; assessments use a published version.");
        }

        var assessment = new Assessment
        {
            Id = Guid.CreateVersion7(),
            SupplierId = supplierId,
            TemplateVersionId = templateVersion.Id,
            TemplateName = templateVersion.Name,
            TemplateVersionNumber = templateVersion.VersionNumber,
            _template = templateVersion.Definition,
            Status = AssessmentStatus.Draft,
            AnalystId = analyst.Id,
            AnalystName = analyst.Name,
            CreatedAtUtc = nowUtc,
        };
        assessment._transitions.Add(new AssessmentTransition(null, AssessmentStatus.Draft, analyst, nowUtc, null));
        return assessment;
    }

    /// <summary>The code of the section that holds the question, or null when the questionnaire has no such question.</summary>
    public string? SectionCodeOf(string? questionCode) =>
        _template.Sections.FirstOrDefault(s => s.Questions.Exists(q => string.Equals(q.Code, questionCode, StringComparison.Ordinal)))?.Code;

    /// <summary>The question with this code in the snapshot, with its section; refuses a code the questionnaire does not have.</summary>
    private (SectionDefinition Section, QuestionDefinition Question) FindQuestion(string? questionCode)
    {
        foreach (var section in _template.Sections)
        {
            foreach (var question in section.Questions)
            {
                if (string.Equals(question.Code, questionCode, StringComparison.Ordinal))
                {
                    return (section, question);
                }
            }
        }

        throw new DomainException(
            $"Question “{questionCode}” is not part of this assessment's questionnaire ({TemplateName}, version {TemplateVersionNumber}).");
    }

    /// <summary>Refuses any change once decided, then any change outside <paramref name="allowed"/>.</summary>
    private void EnsureStatus(string refusal, params AssessmentStatus[] allowed)
    {
        if (IsReadOnly)
        {
            throw new DomainException("A decided assessment is read-only; start a new assessment to reassess the supplier.");
        }

        if (!allowed.Contains(Status))
        {
            throw new DomainException($"{refusal}; this assessment is {AssessmentWording.Phrase(Status)}.");
        }
    }

    private void Touch()
    {
        Version = Guid.NewGuid();
    }
}
