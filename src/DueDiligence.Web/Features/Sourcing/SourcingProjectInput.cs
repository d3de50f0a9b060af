using DueDiligence.Domain.Sourcing;

namespace DueDiligence.Web.Features.Sourcing;

/// <summary>The project form: a name and the need the partner must meet.</summary>
public sealed class SourcingProjectInput
{
    public Guid? Id { get; set; }

    /// <summary>The version the form was loaded from; a save against a newer version is refused.</summary>
    public Guid? Version { get; set; }

    public string Name { get; set; } = "";

    public string Need { get; set; } = "";

    public static SourcingProjectInput From(SourcingProject project) => new()
    {
        Id = project.Id,
        Version = project.Version,
        Name = project.Name,
        Need = project.Need,
    };
}
