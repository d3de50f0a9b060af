using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace DueDiligence.Web.Tests.Architecture;

/// <summary>
/// What a feature exposes to other features and to the coming REST API (docs/architecture.md): its use-case and query
/// classes — public classes, not components, with public asynchronous methods — and the types of those methods'
/// parameters and results that belong to the feature (input models, query records, enums). Everything else is the
/// feature's own: its pages and components, labels, validators, file formats, endpoints.
/// </summary>
internal static class FeatureSurface
{
    private const string FeaturesNamespace = "DueDiligence.Web.Features";

    /// <summary>The feature folders: the namespace segment after DueDiligence.Web.Features.</summary>
    public static IReadOnlyList<string> Features(Assembly web) =>
        web.GetTypes().Select(FeatureOf).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();

    public static IReadOnlySet<Type> Of(Assembly web, string feature)
    {
        var useCases = TypesOf(web, feature).Where(IsUseCase).ToList();
        var surface = new HashSet<Type>(useCases);
        foreach (var method in useCases.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
        {
            foreach (var type in method.GetParameters().Select(p => p.ParameterType).Append(method.ReturnType).SelectMany(Flatten))
            {
                if (FeatureOf(type) == feature)
                {
                    surface.Add(type);
                }
            }
        }

        return surface;
    }

    public static IEnumerable<Type> HiddenTypes(Assembly web, string feature)
    {
        var surface = Of(web, feature);
        return TypesOf(web, feature).Where(t => !surface.Contains(t) && !t.IsNested);
    }

    private static IEnumerable<Type> TypesOf(Assembly web, string feature) =>
        web.GetTypes().Where(t => FeatureOf(t) == feature && !t.Name.StartsWith('<'));

    private static bool IsUseCase(Type type) =>
        type is { IsPublic: true, IsClass: true, IsAbstract: false }
        && !typeof(IComponent).IsAssignableFrom(type)
        && type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Any(m => typeof(Task).IsAssignableFrom(m.ReturnType));

    /// <summary>The type and every type it is made of: element types and generic arguments.</summary>
    private static IEnumerable<Type> Flatten(Type type)
    {
        yield return type;
        var inner = type.HasElementType ? [type.GetElementType()!] : type.IsGenericType ? type.GetGenericArguments() : [];
        foreach (var part in inner.SelectMany(Flatten))
        {
            yield return part;
        }
    }

    private static string? FeatureOf(Type type)
    {
        var name = type.Namespace;
        if (name is null || !name.StartsWith(FeaturesNamespace + ".", StringComparison.Ordinal))
        {
            return null;
        }

        return name[(FeaturesNamespace.Length + 1)..].Split('.')[0];
    }
}
