using FluentValidation;
using FluentValidation.Internal;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace DueDiligence.Web.Components.Shared;

/// <summary>
/// Puts the messages of the model's registered FluentValidation validator into the surrounding EditForm:
/// the whole model on submit, one field as it changes.
/// </summary>
public sealed class FluentValidationValidator : ComponentBase, IDisposable
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
        var result = _validator!.Validate(new ValidationContext<object>(_subscribed!.Model));
        foreach (var failure in result.Errors)
        {
            _store.Add(_subscribed.Field(failure.PropertyName), failure.ErrorMessage);
        }

        _subscribed.NotifyValidationStateChanged();
    }

    private void ValidateField(object? sender, FieldChangedEventArgs e)
    {
        _store!.Clear(e.FieldIdentifier);
        var context = new ValidationContext<object>(
            _subscribed!.Model, new PropertyChain(), new MemberNameValidatorSelector([e.FieldIdentifier.FieldName]));
        foreach (var failure in _validator!.Validate(context).Errors)
        {
            _store.Add(e.FieldIdentifier, failure.ErrorMessage);
        }

        _subscribed.NotifyValidationStateChanged();
    }

    public void Dispose()
    {
        if (_subscribed is not null)
        {
            _subscribed.OnValidationRequested -= ValidateModel;
            _subscribed.OnFieldChanged -= ValidateField;
        }
    }
}
