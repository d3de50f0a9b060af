using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Suppliers;

/// <summary>A person at the supplier we deal with.</summary>
public sealed class Contact
{
    private Contact()
    {
    }

    public Contact(string name, string? role, string? email, string? phone)
    {
        Id = Guid.NewGuid();
        Name = Text.Required(name, "A contact needs a name.", 120);
        Role = Text.Optional(role, 120);
        Email = Text.Optional(email, 256);
        Phone = Text.Optional(phone, 60);
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string? Role { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }
}
