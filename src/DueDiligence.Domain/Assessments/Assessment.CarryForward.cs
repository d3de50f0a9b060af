using System.Text.Json;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Domain.Assessments;

public sealed partial class Assessment
{
    private readonly List<CarriedSection> _carriedSections = [];

    /// <summary>The decided assessment this reassessment carried its answers and evidence forward from; null for a fresh start.</summary>
    public Guid? CarriedFromAssessmentId { get; private set; }

    /// <summary>What did not come over from the previous assessment, as JSON (the form it is stored in); read <see cref="CarryForwardNotes"/>.</summary>
    public string CarryForwardNotesJson { get; private set; } = "[]";

    public IReadOnlyList<CarryForwardNote> CarryForwardNotes => JsonSerializer.Deserialize<CarryForwardNote[]>(CarryForwardNotesJson) ?? [];

    /// <summary>The sections holding carried answers or evidence, each to be confirmed by the analyst before submission.</summary>
    public IReadOnlyList<CarriedSection> CarriedSections => _carriedSections;

    /// <summary>
    /// An analyst reassesses a supplier on the newest published version: the previous decided assessment's answers and
    /// evidence are carried forward where they still fit (<see cref="CarryForward"/>), and every section that received
    /// some is marked for the analyst to confirm.
    /// </summary>
    public static Assessment StartReassessment(Assessment previous, TemplateVersion templateVersion, Actor analyst, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(analyst);
        if (previous.Status != AssessmentStatus.Decided)
        {
            throw new DomainException("A reassessment starts from a decided assessment; this one is not decided yet.");
        }

        var assessment = Start(previous.SupplierId, templateVersion, analyst, nowUtc);
        var plan = CarryForward.Plan(previous, assessment._template, DateOnly.FromDateTime(nowUtc));
        foreach (var input in plan.Answers)
        {
            var answer = new AssessmentAnswer(input.QuestionCode);
            answer.Record(input, analyst, nowUtc);
            assessment._answers.Add(answer);
        }

        assessment._evidence.AddRange(plan.Evidence.Select(file => new EvidenceFile(file, analyst, nowUtc)));
        foreach (var section in assessment._template.Sections)
        {
            var codes = section.Questions.Select(static q => q.Code).ToHashSet(StringComparer.Ordinal);
            var answers = plan.Answers.Count(a => codes.Contains(a.QuestionCode));
            var evidence = plan.Evidence.Count(e => codes.Contains(e.QuestionCode));
            if (answers + evidence > 0)
            {
                assessment._carriedSections.Add(new CarriedSection(section.Code, answers, evidence));
            }
        }

        assessment.CarriedFromAssessmentId = previous.Id;
        assessment.CarryForwardNotesJson = JsonSerializer.Serialize(plan.Notes);
        return assessment;
    }

    /// <summary>The analyst confirms that the carried-forward answers and evidence of a section are still accurate.</summary>
    public CarriedSection ConfirmCarriedSection(string sectionCode, Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus("Carried-forward sections are confirmed while the assessment is a draft", AssessmentStatus.Draft);
        var carried = _carriedSections.Find(s => string.Equals(s.SectionCode, sectionCode, StringComparison.Ordinal))
            ?? throw new DomainException("That section holds nothing carried forward from the previous assessment; there is nothing to confirm.");
        carried.Confirm(actor, nowUtc);
        Touch();
        return carried;
    }

    /// <summary>Takes over a confirmation as the use case saved it, so that a screen holding this assessment shows it without reading again.</summary>
    public void ApplyConfirmedSection(CarriedSection saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var index = _carriedSections.FindIndex(s => s.Id == saved.Id);
        if (index >= 0)
        {
            _carriedSections[index] = saved;
        }
    }

    /// <summary>One item per carried section still unconfirmed, pointing at the section's first question.</summary>
    private IEnumerable<MissingItem> UnconfirmedCarriedSections()
    {
        foreach (var section in _template.Sections)
        {
            if (_carriedSections.Find(c => c.SectionCode == section.Code) is { IsConfirmed: false } && section.Questions.Count > 0)
            {
                yield return new MissingItem(
                    section.Questions[0].Code, section.Code, section.Title, MissingReason.CarriedSectionUnconfirmed,
                    $"Confirm section “{section.Title}”: its answers were carried forward from the previous assessment; check they are still accurate and press “Confirm section”.");
            }
        }
    }
}
