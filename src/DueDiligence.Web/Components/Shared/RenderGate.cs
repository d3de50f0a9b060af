using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace DueDiligence.Web.Components.Shared;

/// <summary>
/// A part of a large component that renders again only when its <see cref="Revision"/> changes, not every time its parent
/// does. A component that renders again keeps the frames of its last two renders, and its children render with it: the
/// wizard re-renders after every save, and without a gate each question of the section rendered again with it, for
/// nothing. The parent owns the revision and must change it whenever anything the content shows changes.
/// </summary>
public sealed class RenderGate : ComponentBase
{
    private object? rendered;

    /// <summary>Compared with <see cref="object.Equals(object?, object?)"/>: a value (a number, a tuple), not a new object each render.</summary>
    [Parameter, EditorRequired]
    public object? Revision { get; set; }

    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    protected override void OnInitialized() => rendered = Revision;

    protected override bool ShouldRender()
    {
        if (Equals(Revision, rendered))
        {
            return false;
        }

        rendered = Revision;
        return true;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, ChildContent);
}
