using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using MudBlazor.Services;

namespace DueDiligence.Web.Client;

/// <summary>The browser's side of the app: the services its components use when they run in WebAssembly.</summary>
internal static class Program
{
    private static async Task Main(string[] args)
    {
        var builder = WebAssemblyHostBuilder.CreateDefault(args);
        builder.Services.AddMudServices();
        await builder.Build().RunAsync();
    }
}
