using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Assessments.Review;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Notifications;
using DueDiligence.Web.Tests.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace DueDiligence.Web.Tests.Assessments;

/// <summary>
/// The owner picker of the forms where legal adds a finding or a contract condition: it lists only the users who may own
/// an item of this assessment (legal reviewers and the supplier's team, by name and role); the one picked is saved as
/// the owner, by id, and told; none picked leaves the item unassigned.
/// </summary>
public sealed class OwnerPickerTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static DateOnly Later => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);

    [Fact]
    public async Task AddCondition_PickingTheSuppliersOwner_SavesThemByIdAndTellsThem()
    {
        var scenario = await InReviewAsync();
        await using var form = await FormAsync<ConditionList>(scenario);

        await form.ClickAsync("add-condition");
        await form.TypeAsync("condition-description", "Escrow addendum signed before the first shipment.");
        await form.TypeAsync("condition-due", Later.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await form.PickAsync("condition-owner", $"{scenario.Owner.Name} — Procurement analyst, supplier's owner");
        await form.ClickAsync("save-condition");

        form.List.WaitForAssertion(() => Assert.NotNull(form.Saved));
        var condition = Assert.Single(form.Saved!.Assessment.Conditions);
        Assert.Equal((scenario.Owner.Id, scenario.Owner.Name), (condition.OwnerId, condition.OwnerLabel));
        Assert.Equal(condition.OwnerId, Assert.Single((await LoadAsync(scenario)).Conditions).OwnerId);
        Assert.Equal([scenario.Owner.Id], await AssignedAsync(scenario));
    }

    [Fact]
    public async Task AddFinding_Picker_OffersOnlyActiveLegalReviewersAndTheSuppliersTeam_AndSavesThePick()
    {
        var scenario = await InReviewAsync();
        var outsider = await scenario.Team.PersonAsync("Otto Outsider");
        var locked = await scenario.Team.PersonAsync("Lena Locked", AppRoles.LegalReviewer);
        await scenario.ChangeAccountAsync(locked, (users, user) => users.SetLockoutEndDateAsync(user, AppUser.AdministratorLockEnd));
        await using var form = await FormAsync<FindingList>(scenario);

        await form.ClickAsync("add-finding");
        var offered = await form.OptionsAsync("finding-owner");

        Assert.Contains($"{scenario.Owner.Name} — Procurement analyst, supplier's owner", offered);
        Assert.Contains($"{scenario.Collaborator.Name} — Procurement analyst, collaborator", offered);
        Assert.Contains($"{scenario.Starter.Name} — Procurement analyst, collaborator", offered);
        Assert.Contains($"{scenario.Legal.Name} — Legal reviewer", offered);
        Assert.DoesNotContain(offered, o => o.StartsWith(outsider.Name, StringComparison.Ordinal));
        Assert.DoesNotContain(offered, o => o.StartsWith(locked.Name, StringComparison.Ordinal));
        Assert.DoesNotContain(offered, o => o.StartsWith(scenario.Executive.Name, StringComparison.Ordinal));

        await form.ChooseOpenAsync($"{scenario.Collaborator.Name} — Procurement analyst, collaborator");
        await form.ChooseSeverityAsync("High");
        await form.TypeAsync("finding-description", "Contract developers are not bound to us.");
        await form.ClickAsync("save-finding");

        form.List.WaitForAssertion(() => Assert.NotNull(form.Saved));
        Assert.Equal(scenario.Collaborator.Id, Assert.Single((await LoadAsync(scenario)).Findings).OwnerId);
        Assert.Equal([scenario.Collaborator.Id], await AssignedAsync(scenario));
    }

    [Fact]
    public async Task AddFinding_WithoutAnOwner_SavesItUnassignedAndTellsNobody()
    {
        var scenario = await InReviewAsync();
        await using var form = await FormAsync<FindingList>(scenario);

        await form.ClickAsync("add-finding");
        await form.ChooseSeverityAsync("Low");
        await form.TypeAsync("finding-description", "Tool room is not caged.");
        await form.ClickAsync("save-finding");

        form.List.WaitForAssertion(() => Assert.NotNull(form.Saved));
        Assert.Equal("Unassigned", Assert.Single(form.Saved!.Assessment.Findings).OwnerLabel);
        Assert.Null(Assert.Single((await LoadAsync(scenario)).Findings).OwnerId);
        Assert.Empty(await AssignedAsync(scenario));
    }

    private async Task<NotificationScenario> InReviewAsync()
    {
        var scenario = await NotificationScenario.CreateAsync(app);
        await scenario.DraftAsync();
        await scenario.SubmitAsync();
        await scenario.StartReviewAsync();
        return scenario;
    }

    private async Task<Assessment> LoadAsync(NotificationScenario scenario) =>
        (await scenario.Team.AsAsync(scenario.Legal, s => s.GetRequiredService<AssessmentQueries>().GetAsync(scenario.AssessmentId)))!.Assessment;

    private async Task<List<string>> AssignedAsync(NotificationScenario scenario)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Notifications.AsNoTracking()
            .Where(n => n.Category == NotificationCategory.Assignments && n.Link == scenario.Link).Select(n => n.RecipientId).ToListAsync();
    }

    private async Task<Form> FormAsync<TList>(NotificationScenario scenario)
        where TList : IComponent
    {
        var context = ComponentContext.Create(app, scenario.Legal.Email, AppRoles.LegalReviewer);
        var popovers = context.Bunit.Render<MudPopoverProvider>();
        var assessment = (await context.AppServices.GetRequiredService<AssessmentQueries>().GetAsync(scenario.AssessmentId))!.Assessment;
        var form = new Form(context, popovers);
        var updated = EventCallback.Factory.Create<ReviewedAssessment>(this, saved => form.Saved = saved);
        form.List = context.Bunit.Render(builder =>
        {
            builder.OpenComponent<TList>(0);
            builder.AddAttribute(1, "Assessment", assessment);
            builder.AddAttribute(2, "CanAmend", true);
            builder.AddAttribute(3, "Updated", updated);
            builder.CloseComponent();
        });
        return form;
    }

    /// <summary>A finding or condition list rendered on its own, with MudBlazor's popovers, and what it last saved.</summary>
    private sealed class Form(ComponentContext context, IRenderedComponent<MudPopoverProvider> popovers) : IAsyncDisposable
    {
        public IRenderedComponent<IComponent> List { get; set; } = default!;

        public ReviewedAssessment? Saved { get; set; }

        public Task ClickAsync(string testId) => List.InvokeAsync(() => List.Find($"[data-testid='{testId}']").ClickAsync(new()));

        public Task TypeAsync(string testId, string value) => List.InvokeAsync(() => List.Find($"[data-testid='{testId}']").ChangeAsync(new() { Value = value }));

        /// <summary>Opens the picker once its users have loaded and returns what it offers, as read on screen.</summary>
        public async Task<IReadOnlyList<string>> OptionsAsync(string testId)
        {
            List.WaitForAssertion(() => Assert.False(List.Find($"input[data-testid='{testId}']").HasAttribute("disabled")));
            await List.InvokeAsync(() => Control(testId).MouseDownAsync(new MouseEventArgs()));
            popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".mud-popover-open .mud-list-item")));
            return popovers.FindAll(".mud-popover-open .mud-list-item").Select(i => ReviewRendering.Plain(i.TextContent)).ToList();
        }

        public async Task PickAsync(string testId, string option)
        {
            await OptionsAsync(testId);
            await ChooseOpenAsync(option);
            List.WaitForAssertion(() => Assert.Equal(option.Split(" — ")[0], List.Find($"input[data-testid='{testId}']").GetAttribute("value")));
        }

        /// <summary>Clicks the option of the open list.</summary>
        public Task ChooseOpenAsync(string option) =>
            popovers.InvokeAsync(() => popovers.FindAll(".mud-popover-open .mud-list-item").First(i => ReviewRendering.Plain(i.TextContent) == option).ClickAsync(new MouseEventArgs()));

        public async Task ChooseSeverityAsync(string severity)
        {
            await List.InvokeAsync(() => Control("finding-severity").MouseDownAsync(new MouseEventArgs()));
            popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-popover-open .mud-list-item"), i => ReviewRendering.Plain(i.TextContent) == severity));
            await ChooseOpenAsync(severity);
        }

        public async ValueTask DisposeAsync() => await context.DisposeAsync();

        private IElement Control(string testId) =>
            List.Find($"input[data-testid='{testId}']").Closest(".mud-select")!.QuerySelector(".mud-input-control-input-container, .mud-select-input, .mud-input")!;
    }
}
