using Microsoft.AspNetCore.Authentication.Cookies;

namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>
/// Over https the sign-in cookie is named with the <c>__Host-</c> prefix (ASVS 4.0.3 3.4.4): the browser then keeps it
/// only when it is Secure, has the path / and no Domain, so no other site under the same domain can set or overwrite
/// it. Over plain http (development, the tests, a proxy not yet configured) the prefix would make the browser drop the
/// cookie, so the plain name is used; the two names never mix because a request is either https or not.
/// </summary>
public sealed class HostPrefixedCookieManager : ICookieManager
{
    public const string Prefix = "__Host-";

    private readonly ChunkingCookieManager _cookies = new();

    public string? GetRequestCookie(HttpContext context, string key) =>
        _cookies.GetRequestCookie(context, NameFor(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options)
    {
        if (context.Request.IsHttps)
        {
            options.Path = "/";
            options.Domain = null;
        }

        _cookies.AppendResponseCookie(context, NameFor(context, key), value, options);
    }

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        _cookies.DeleteCookie(context, NameFor(context, key), options);

    private static string NameFor(HttpContext context, string key) => context.Request.IsHttps ? Prefix + key : key;
}
