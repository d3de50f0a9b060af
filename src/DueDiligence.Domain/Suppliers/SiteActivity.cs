namespace DueDiligence.Domain.Suppliers;

/// <summary>What happens at a supplier's site; it tells which part of our IP the site sees.</summary>
[Flags]
public enum SiteActivity
{
    None = 0,
    Design = 1,
    Tooling = 2,
    ComponentManufacturing = 4,
    FinalAssembly = 8,
    Testing = 16,
    Packaging = 32,
    Warehousing = 64,
    Distribution = 128,
    SoftwareDevelopment = 256,
    Office = 512,
}
