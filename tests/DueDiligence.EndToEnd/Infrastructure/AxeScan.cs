using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd.Infrastructure;

/// <summary>One element an axe-core rule failed on: its CSS selector and the start of its markup.</summary>
public sealed record AxeNode(string[] Target, string Html);

/// <summary>One axe-core rule the page fails, with how serious it is ("minor" to "critical") and where.</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, AxeNode[] Nodes);

/// <summary>
/// Runs axe-core (the copy bundled with Deque.AxeCore) in the page and returns only its violations. The Deque wrapper's
/// scan also returns every pass and runs its last step in a page of its own: three times as long on a page of the app.
/// </summary>
public static class AxeScan
{
    private static readonly string Script = new BundledAxeScriptProvider().GetScript();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IReadOnlyList<AxeViolation>> ViolationsAsync(this IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Script);
        }

        var json = await page.EvaluateAsync<string>("""
            async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({
              id: v.id, impact: v.impact ?? 'minor', help: v.help,
              nodes: v.nodes.map(n => ({ target: n.target.map(String), html: n.html })),
            })))
            """);
        return JsonSerializer.Deserialize<AxeViolation[]>(json, Json)!;
    }
}
