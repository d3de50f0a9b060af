namespace DueDiligence.Domain.Questionnaires;

/// <summary>A weighted group of questions, scored 0–100 on its own.</summary>
public sealed class SectionDefinition
{
    public string Code { get; set; } = "";

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public double Weight { get; set; } = 1;

    public List<QuestionDefinition> Questions { get; set; } = [];

    public SectionDefinition Clone()
    {
        return new SectionDefinition
        {
            Code = Code,
            Title = Title,
            Description = Description,
            Weight = Weight,
            Questions = Questions.ConvertAll(static q => q.Clone()),
        };
    }
}
