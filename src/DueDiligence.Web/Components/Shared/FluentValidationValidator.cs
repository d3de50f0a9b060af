using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace DueDiligence.Web.Components.Shared;

/// <summary>
/// Puts the messages of the model's registered FluentValidation validator into the surrounding EditForm: the whole
/// model on submit, one field as it changes. Nested paths such as <c>Sites[0].City</c> are mapped to the field of the
/// nested object, so that <c>&lt;ValidationMessage For="() =&gt; site.City" /&gt;</c> shows them.
/// </summary>
public sealed partial class FluentValidationValidator : ComponentBase, IDisposable
{
    private ValidationMessageStore? _store;
    private IValidator? _validator;
    private EditContext? _subscribed;

    [CascadingParameter]
    private EditContext? EditContext { get; set; }

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    protected override void OnInitialized()
    {
        var editContext = EditContext ?? throw new InvalidOperationException($"{nameof(FluentValidationValidator)} must be placed inside an EditForm.");
        var validatorType = typeof(IValidator<>).MakeGenericType(editContext.Model.GetType());
        _validator = (IValidator?)Services.GetService(validatorType) ?? throw new InvalidOperationException($"No {validatorType} is registered.");
        _store = new ValidationMessageStore(editContext);
        editContext.OnValidationRequested += ValidateModel;
        editContext.OnFieldChanged += ValidateField;
        _subscribed = editContext;
    }

    private void ValidateModel(object? sender, ValidationRequestedEventArgs e)
    {
        _store!.Clear();
        foreach (var (field, message) in Failures())
        {
            _store.Add(field, message);
        }

        _subscribed!.NotifyValidationStateChanged();
    }

    private void ValidateField(object? sender, FieldChangedEventArgs e)
    {
        _store!.Clear(e.FieldIdentifier);
        foreach (var (field, message) in Failures().Where(f => f.Field.Equals(e.FieldIdentifier)))
        {
            _store.Add(field, message);
        }

        _subscribed!.NotifyValidationStateChanged();
    }

    private IEnumerable<(FieldIdentifier Field, string Message)> Failures()
    {
        var model = _subscribed!.Model;
        var result = _validator!.Validate(new ValidationContext<object>(model));
        return result.Errors.Select(f => (Resolve(model, f.PropertyName), f.ErrorMessage)).ToList();
    }

    /// <summary>Walks a path like <c>Sites[0].City</c> from the model to the object that holds the last property.</summary>
    private static FieldIdentifier Resolve(object model, string path)
    {
        var owner = model;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            var next = Step(owner, segments[i]);
            if (next is null)
            {
                return new FieldIdentifier(model, path);
            }

            owner = next;
        }

        var last = segments[^1];
        var indexed = IndexPattern().Match(last);
        return indexed.Success && Step(owner, last) is { } item
            ? new FieldIdentifier(item, "")
            : new FieldIdentifier(owner, indexed.Success ? indexed.Groups[1].Value : last);
    }

    private static object? Step(object owner, string segment)
    {
        var indexed = IndexPattern().Match(segment);
        var name = indexed.Success ? indexed.Groups[1].Value : segment;
        var value = owner.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(owner);
        if (!indexed.Success)
        {
            return value;
        }

        var index = int.Parse(indexed.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        return value is IList list && index < list.Count ? list[index] : null;
    }

    [GeneratedRegex(@"^(\w+)\[(\d+)\]$")]
    private static partial Regex IndexPattern();

    public void Dispose()
    {
        if (_subscribed is not null)
        {
            _subscribed.OnValidationRequested -= ValidateModel;
            _subscribed.OnFieldChanged -= ValidateField;
        }
    }
}
