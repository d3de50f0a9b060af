using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Suppliers;

/// <summary>One kind of IP we would share with the supplier, and how sensitive it is (1 = low, 5 = crown jewels).</summary>
public sealed class ExposureItem
{
    private ExposureItem()
    {
    }

    public ExposureItem(IpAssetCategory category, int sensitivity, string? note)
    {
        if (sensitivity is < 1 or > 5)
        {
            throw new DomainException($"Sensitivity is rated from 1 (low) to 5 (crown jewels); {sensitivity} is not on the scale.");
        }

        Id = Guid.NewGuid();
        Category = category;
        Sensitivity = sensitivity;
        Note = Text.Optional(note, 500);
    }

    public Guid Id { get; private set; }

    public IpAssetCategory Category { get; private set; }

    public int Sensitivity { get; private set; }

    public string? Note { get; private set; }
}
