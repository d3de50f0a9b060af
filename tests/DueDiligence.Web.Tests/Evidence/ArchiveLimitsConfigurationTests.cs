using DueDiligence.Web.Infrastructure.Files;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Tests.Evidence;

/// <summary>The archive limits come from <c>Evidence:Archives</c> and a nonsensical value stops the app at start.</summary>
public sealed class ArchiveLimitsConfigurationTests
{
    [Fact]
    public void Options_WhenArchiveLimitsAreConfigured_BindsThem()
    {
        var limits = Options(("MaxUnpackedBytes", "1048576"), ("MaxEntries", "50"), ("MaxCompressionRatio", "20"), ("RatioCheckedFromBytes", "0"), ("MaxNestingDepth", "0"))
            .Value.Archives;

        Assert.Equal((1048576L, 50, 20, 0L, 0), (limits.MaxUnpackedBytes, limits.MaxEntries, limits.MaxCompressionRatio, limits.RatioCheckedFromBytes, limits.MaxNestingDepth));
    }

    [Theory]
    [InlineData("MaxUnpackedBytes", "0", "Evidence:Archives:MaxUnpackedBytes must be a positive number of bytes.")]
    [InlineData("MaxEntries", "0", "Evidence:Archives:MaxEntries must be a positive number of entries.")]
    [InlineData("MaxCompressionRatio", "-1", "Evidence:Archives:MaxCompressionRatio must be a positive number, such as 100 for 100 to 1.")]
    [InlineData("RatioCheckedFromBytes", "-1", "Evidence:Archives:RatioCheckedFromBytes must be zero or a positive number of bytes.")]
    [InlineData("MaxNestingDepth", "-1", "Evidence:Archives:MaxNestingDepth must be zero (no archive inside an upload) or a positive depth.")]
    public void Options_WhenALimitIsOutOfRange_NamesTheSettingAndWhatItMustBe(string setting, string value, string message)
    {
        var refusal = Assert.Throws<OptionsValidationException>(() => Options((setting, value)).Value);

        Assert.Equal([message], refusal.Failures);
    }

    private static IOptions<EvidenceOptions> Options(params (string Setting, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create($"Evidence:Archives:{s.Setting}", (string?)s.Value)))
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddEvidenceStore();
        return services.BuildServiceProvider().GetRequiredService<IOptions<EvidenceOptions>>();
    }
}
