using System.Diagnostics;

using Microsoft.Playwright;

namespace DueDiligence.Web.Tests.Pdf;

/// <summary>Kills a Playwright-launched Chromium by its own process id, as a crash or the OOM killer would.</summary>
public static class BrowserProcess
{
    public static async Task KillAsync(IBrowser browser)
    {
        // Chromium reports its own browser process id; no guessing among other Chromium processes on the machine.
        var session = await browser.NewBrowserCDPSessionAsync();
        var info = await session.SendAsync("SystemInfo.getProcessInfo") ?? throw new InvalidOperationException("No process info.");
        var pid = info.GetProperty("processInfo").EnumerateArray()
            .First(p => p.GetProperty("type").GetString() == "browser")
            .GetProperty("id").GetInt32();

        using (var process = Process.GetProcessById(pid))
        {
            process.Kill();
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (browser.IsConnected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        if (browser.IsConnected)
        {
            throw new InvalidOperationException($"Chromium {pid} was killed but Playwright still reports it connected.");
        }
    }
}
