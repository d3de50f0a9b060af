using Microsoft.AspNetCore.Components;

namespace DueDiligence.Web.Components.Shared;

/// <summary>
/// The mark of a page that may pause its circuit when left in a hidden tab (wwwroot/app.js, docs/adr/0011): a page
/// renders it only while it holds nothing that the database does not have. One markup frame.
/// </summary>
public static class CircuitPause
{
    public static readonly MarkupString Allowed = new("<span hidden data-circuit-pausable></span>");
}
