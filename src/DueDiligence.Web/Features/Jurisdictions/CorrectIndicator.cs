using DueDiligence.Domain.Common;
using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Web.Features.Monitoring;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Jurisdictions;

/// <summary>What an administrator enters to add or correct one indicator value.</summary>
public sealed class IndicatorInput
{
    public JurisdictionIndicator? Indicator { get; set; }

    /// <summary>Blank records the value as not available.</summary>
    public string? Value { get; set; }

    public int? EditionYear { get; set; }

    public string Source { get; set; } = "";

    public string Licence { get; set; } = "";
}

internal sealed class IndicatorInputValidator : AbstractValidator<IndicatorInput>
{
    public IndicatorInputValidator()
    {
        RuleFor(i => i.Indicator).NotNull().WithMessage("Choose the indicator.");
        RuleFor(i => i.Value).Must((input, value) => IsValid(input.Indicator, value, out _)).WithMessage((input, value) => Problem(input.Indicator, value));
        RuleFor(i => i.EditionYear).NotNull().When(i => !string.IsNullOrWhiteSpace(i.Value)).WithMessage("Give the edition year of the value.")
            .InclusiveBetween(1990, 2100).WithMessage("Give a plausible edition year.");
        RuleFor(i => i.Source).NotEmpty().WithMessage("Name the source of the value (publisher and edition).").MaximumLength(300);
        RuleFor(i => i.Licence).NotEmpty().WithMessage("Name the licence of the value, e.g. CC BY 4.0 or public domain.").MaximumLength(200);
    }

    private static bool IsValid(JurisdictionIndicator? indicator, string? value, out string? problem)
    {
        problem = null;
        if (indicator is null)
        {
            return true;
        }

        try
        {
            IndicatorText.Normalise(indicator.Value, value);
            return true;
        }
        catch (DomainException e)
        {
            problem = e.Message;
            return false;
        }
    }

    private static string Problem(JurisdictionIndicator? indicator, string? value) =>
        IsValid(indicator, value, out var problem) ? "" : problem!;
}

/// <summary>
/// An administrator adds or corrects a country's indicator value with its source; the change is audited and the suppliers
/// exposed there are re-scored right after, batch by batch (<see cref="SupplierPositionUpdater.SaveThenRecomputeAsync"/>).
/// </summary>
public sealed class CorrectIndicator(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IValidator<IndicatorInput> validator, TimeProvider time, SupplierPositionUpdater positions)
{
    public async Task ExecuteAsync(string countryCode, IndicatorInput input, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Admin);
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        var country = CountryCode.Parse(countryCode);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var jurisdiction = await db.Jurisdictions.Include(j => j.Indicators).FirstOrDefaultAsync(j => j.Country == country, cancellationToken);
        if (jurisdiction is null)
        {
            jurisdiction = new Jurisdiction(country);
            db.Jurisdictions.Add(jurisdiction);
        }

        jurisdiction.SetIndicator(input.Indicator!.Value, input.Value, string.IsNullOrWhiteSpace(input.Value) ? null : input.EditionYear,
            input.Source, input.Licence, await currentUser.GetActorNameAsync(), time.UtcNow());
        var value = string.IsNullOrWhiteSpace(input.Value) ? "not available" : input.Value.Trim();
        await positions.SaveThenRecomputeAsync(
            db,
            () => db.SaveOrConflictAsync($"{jurisdiction.Name} was changed by someone else a moment ago. Reload the page and enter the value again.", cancellationToken),
            new PositionTrigger($"{jurisdiction.Name}: indicator {input.Indicator!.Value} set to {value}"),
            AffectedSuppliers.NamingCountry(country),
            cancellationToken);
    }
}
