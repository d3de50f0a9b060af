using System.Text.RegularExpressions;
using DueDiligence.Domain.Suppliers;

namespace DueDiligence.Web.Tests.Architecture;

/// <summary>The dependency rules of docs/architecture.md, checked on the assemblies and the source tree.</summary>
public sealed partial class DependencyRuleTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Domain_ReferencesNothingButTheBaseClassLibrary()
    {
        var references = typeof(Supplier).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(references, name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib" || name.StartsWith("Microsoft.Win32", StringComparison.Ordinal),
            $"The domain references {name}."));
    }

    [Fact]
    public void Features_NeverUseAnotherFeature()
    {
        var featuresRoot = Path.Combine(Root, "src", "DueDiligence.Web", "Features");
        var violations = new List<string>();
        foreach (var feature in Directory.GetDirectories(featuresRoot).Select(Path.GetFileName))
        {
            foreach (var file in SourceFiles(Path.Combine(featuresRoot, feature!)))
            {
                violations.AddRange(FeatureReference().Matches(File.ReadAllText(file))
                    .Select(m => m.Groups[1].Value)
                    .Where(other => other != feature)
                    .Distinct()
                    .Select(other => $"{Path.GetRelativePath(Root, file)} uses the {other} feature"));
            }
        }

        Assert.Empty(violations);
    }

    [Fact]
    public void Components_NeverUseAFeature()
    {
        var violations = SourceFiles(Path.Combine(Root, "src", "DueDiligence.Web", "Components"))
            .Where(file => FeatureReference().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(Root, file))
            .ToList();

        Assert.Empty(violations);
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal));

    [GeneratedRegex(@"DueDiligence\.Web\.Features\.([A-Za-z]+)")]
    private static partial Regex FeatureReference();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DueDiligence.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("DueDiligence.sln not found above the test output.");
    }
}
