using System.Reflection;
using DueDiligence.Domain.Suppliers;
using NetArchTest.Rules;

namespace DueDiligence.Web.Tests.Architecture;

/// <summary>
/// The dependency rules of docs/architecture.md, checked on the compiled assemblies' type dependencies (NetArchTest reads
/// the IL), so a using alias, a fully qualified name or a `var` cannot hide a dependency.
/// </summary>
public sealed class DependencyRuleTests
{
    private const string FeaturesNamespace = "DueDiligence.Web.Features";
    private static readonly Assembly Web = typeof(Program).Assembly;

    [Fact]
    public void Domain_ReferencesNothingButTheBaseClassLibrary()
    {
        var references = typeof(Supplier).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(references, name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib" || name.StartsWith("Microsoft.Win32", StringComparison.Ordinal),
            $"The domain references {name}."));
    }

    [Fact]
    public void Domain_DependsOnNoFrameworkBeyondTheBaseClassLibraryAndNothingOfTheApp()
    {
        var result = Types.InAssembly(typeof(Supplier).Assembly)
            .ShouldNot().HaveDependencyOnAny("Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.Extensions", "DueDiligence.Web")
            .GetResult();

        AssertSuccessful(result, "the domain");
    }

    [Theory]
    [InlineData("DueDiligence.Web.Components")]
    [InlineData("DueDiligence.Web.Infrastructure")]
    public void SharedParts_NeverDependOnAFeature(string sharedNamespace)
    {
        var result = Types.InAssembly(Web).That().ResideInNamespaceStartingWith(sharedNamespace)
            .ShouldNot().HaveDependencyOn(FeaturesNamespace)
            .GetResult();

        AssertSuccessful(result, sharedNamespace);
    }

    [Fact]
    public void Features_UseAnotherFeatureOnlyThroughItsPublicSurface()
    {
        var features = FeatureSurface.Features(Web);
        var violations = new List<string>();
        foreach (var feature in features)
        {
            var hidden = features.Where(f => f != feature).SelectMany(other => FeatureSurface.HiddenTypes(Web, other)).Select(t => t.FullName!).ToArray();
            if (hidden.Length == 0)
            {
                continue;
            }

            var result = Types.InAssembly(Web).That().ResideInNamespaceStartingWith($"{FeaturesNamespace}.{feature}")
                .ShouldNot().HaveDependencyOnAny(hidden)
                .GetResult();
            violations.AddRange((result.FailingTypeNames ?? []).Select(type => $"{type} uses another feature's internals"));
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void FeatureSurface_OfSuppliers_IsItsUseCasesAndTheirRecords()
    {
        var surface = FeatureSurface.Of(Web, "Suppliers").Select(t => t.Name).ToList();

        Assert.Contains("SupplierQueries", surface);
        Assert.Contains("SupplierCommands", surface);
        Assert.DoesNotContain("SuppliersPage", surface);
        Assert.DoesNotContain(surface, name => name.EndsWith("Labels", StringComparison.Ordinal));
    }

    private static void AssertSuccessful(TestResult result, string what) =>
        Assert.True(result.IsSuccessful, $"In {what}: " + string.Join(", ", result.FailingTypeNames ?? []));
}
