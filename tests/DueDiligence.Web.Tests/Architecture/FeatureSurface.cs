using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace DueDiligence.Web.Tests.Architecture;

/// <summary>
/// What a feature exposes to other features and to the coming REST API (docs/architecture.md): its use-case and query
/// classes — public classes, not components, with public asynchronous methods —, the feature's types their methods
/// take and return (input models, query records, enums) with every feature type those hold in their public
/// properties, the exceptions the feature throws, and its tabs on the supplier page (public components named "…Tab"). Everything else is the feature's own: its pages and components,
/// labels, validators, file formats, endpoints.
/// </summary>
internal static class FeatureSurface
{
    private const string FeaturesNamespace = "DueDiligence.Web.Features";

    /// <summary>The feature folders: the namespace segment after DueDiligence.Web.Features.</summary>
    public static IReadOnlyList<string> Features(Assembly web) =>
        web.GetTypes().Select(FeatureOf).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();

    public static IReadOnlySet<Type> Of(Assembly web, string feature)
    {
        var types = TypesOf(web, feature).ToList();
        var useCases = types.Where(IsUseCase).ToList();
        var surface = new HashSet<Type>(useCases.Concat(types.Where(t => t.IsPublic && (typeof(Exception).IsAssignableFrom(t) || IsSupplierTab(t)))));
        var pending = new Queue<Type>(useCases
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)));
        while (pending.TryDequeue(out var next))
        {
            foreach (var type in Flatten(next).Where(t => FeatureOf(t) == feature && surface.Add(t)))
            {
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    pending.Enqueue(property.PropertyType);
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

    /// <summary>A component named "…Tab": a feature's tab on the supplier page, which that page shows with one line.</summary>
    private static bool IsSupplierTab(Type type) =>
        type is { IsPublic: true, IsClass: true } && typeof(IComponent).IsAssignableFrom(type) && type.Name.EndsWith("Tab", StringComparison.Ordinal);

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
