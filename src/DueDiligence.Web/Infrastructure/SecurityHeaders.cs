using System.Security.Cryptography;

namespace DueDiligence.Web.Infrastructure;

/// <summary>
/// The browser-side defences on every response (pages, static files, downloads, error pages): a Content-Security-Policy
/// that lets only the app's own scripts run, nosniff, a referrer policy and a Permissions-Policy. The one inline script
/// the framework renders (the import map of <c>&lt;ImportMap /&gt;</c>) carries this request's nonce
/// (<see cref="NonceOf"/>). What a signed-in user gets is not kept in any cache (<c>Cache-Control: no-store</c>) unless
/// the response says how it may be cached (the static files do). The headers are set as the response starts, so that an error page that clears the response
/// gets them too. docs/security.md explains each directive.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>Features no page of the app uses; the browser refuses them to every frame.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), " +
        "magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), serial=(), usb=(), " +
        "xr-spatial-tracking=()";

    private static readonly object NonceKey = new();

    public Task InvokeAsync(HttpContext context)
    {
        // Hex: the nonce appears in the page as it is (base64's + and / would be HTML-encoded).
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce, context.Request);
            headers.XContentTypeOptions = "nosniff";
            // For browsers without CSP's frame-ancestors; replaces the SAMEORIGIN that antiforgery puts on pages with forms.
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            if (context.User.Identity?.IsAuthenticated == true && !headers.ContainsKey("Cache-Control"))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>The nonce of this request's Content-Security-Policy, for the framework's inline import map.</summary>
    public static string NonceOf(HttpContext context) =>
        context.Items[NonceKey] as string ?? throw new InvalidOperationException("SecurityHeaders is not in the pipeline.");

    /// <summary>
    /// The API reference page (Scalar) compiles parts of itself at run time; only it may eval. It shows the API's
    /// published document and no record, and its scripts still need the nonce.
    /// </summary>
    private static bool IsApiReference(HttpRequest request) => request.Path.StartsWithSegments(Api.ApiReferenceSetup.ReferencePath);

    private static string ContentSecurityPolicy(string nonce, HttpRequest request)
    {
        // The circuit's WebSocket to this same host (browsers before CSP 3 do not count ws/wss as 'self').
        var webSocket = (request.IsHttps ? "wss://" : "ws://") + request.Host.ToUriComponent();
        return string.Join("; ",
            "default-src 'self'",
            $"script-src 'self' 'nonce-{nonce}'{(IsApiReference(request) ? " 'unsafe-eval'" : "")}",
            // MudBlazor positions popovers and sizes components with inline style attributes (docs/security.md).
            "style-src 'self' 'unsafe-inline'",
            $"connect-src 'self' {webSocket}",
            "img-src 'self' data:",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    }
}
