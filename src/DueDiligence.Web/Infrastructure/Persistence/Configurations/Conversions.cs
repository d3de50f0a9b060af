using DueDiligence.Domain.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DueDiligence.Web.Infrastructure.Persistence.Configurations;

/// <summary>Value objects stored as plain columns.</summary>
internal static class Conversions
{
    public static readonly ValueConverter<CountryCode, string> CountryCode = new(c => c.Value, s => Domain.Common.CountryCode.Parse(s));
}
