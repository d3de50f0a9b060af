using System.Data.Common;
using System.Text;
using System.Text.Json.Nodes;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Auditing;
using DueDiligence.Web.Features.Admin.Audit;
using DueDiligence.Web.Features.Admin.Users;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Assessments;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Auditing;

/// <summary>
/// The attacks the plain SHA-256 chain let through — recomputing every later hash after an edit, removing the last
/// events — and the defences against them: the keyed chain, the checkpoints outside the database, the receipt, and the
/// database's own refusal of UPDATE and DELETE. Each test gets its own app and database: most tamper with the trail.
/// </summary>
public sealed class AuditChainIntegrityTests : IAsyncLifetime
{
    private readonly AppFactory app = new();

    private string CheckpointFolder => Path.Combine(app.DataDirectory, AuditCheckpoints.DefaultFolderName);

    public Task InitializeAsync()
    {
        _ = app.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task UpdateAndDelete_OnTheAuditTable_AreRefusedByTheDatabase()
    {
        await CreateUserAsync("guarded@test.local");
        await using var db = await app.CreateDbContextAsync();
        var id = await db.AuditEvents.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();

        var update = await Assert.ThrowsAnyAsync<DbException>(() =>
            db.Database.ExecuteSqlAsync($"""UPDATE "AuditEvents" SET "Actor" = 'someone-else' WHERE "Id" = {id}"""));
        var delete = await Assert.ThrowsAnyAsync<DbException>(() =>
            db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEvents" WHERE "Id" = {id}"""));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Id == id && e.Actor != "someone-else"));
        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Verify_AfterAnEditAndEveryLaterLinkRecomputedWithoutTheKey_NamesTheEditedEvent(bool withAGuessedKey)
    {
        await CreateUserAsync("recomputed@test.local");
        long editedId;
        await using (var db = await app.CreateDbContextAsync())
        {
            var ids = await db.AuditEvents.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
            editedId = ids[ids.Count / 2];
            await AuditTampering.DropAppendOnlyGuardAsync(db, app.Provider);
            await db.Database.ExecuteSqlAsync($"""UPDATE "AuditEvents" SET "Actor" = 'someone-else' WHERE "Id" = {editedId}""");
            // Every link from the edited event on is consistent again: the old SHA-256 chain verified after this.
            await AuditTampering.RecomputeFromAsync(db, editedId, withAGuessedKey ? System.Security.Cryptography.RandomNumberGenerator.GetBytes(32) : null);
        }

        var verification = await VerifyAsync();

        Assert.False(verification.IsIntact);
        Assert.Equal(editedId, verification.FirstBrokenEventId);
        Assert.Contains(withAGuessedKey ? "the event was altered" : "after events of rule 2 (the chain was rewritten without the key)", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AfterTheLastEventsAreDeleted_ReportsTheCheckpointTheTrailFallsShortOf()
    {
        await CreateUserAsync("truncated@test.local");
        long lastKept, head;
        await using (var db = await app.CreateDbContextAsync())
        {
            var ids = await db.AuditEvents.OrderByDescending(e => e.Id).Select(e => e.Id).Take(4).ToListAsync();
            (head, lastKept) = (ids[0], ids[3]);
            await AuditTampering.DropAppendOnlyGuardAsync(db, app.Provider);
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEvents" WHERE "Id" > {lastKept}""");
        }

        var verification = await VerifyAsync();

        Assert.False(verification.IsIntact);
        Assert.Equal(head, verification.FirstBrokenEventId);
        Assert.Matches(
            $"^the audit trail ends at event {lastKept}, but the checkpoint of \\d{{4}}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC records event {head}: events were removed from its end$",
            verification.Reason);
    }

    [Fact]
    public async Task NextSave_AfterTheLastEventsAreDeleted_RecordsTheTamperingInsteadOfLinkingPastTheGap()
    {
        await CreateUserAsync("cut@test.local");
        long lastKept;
        await using (var db = await app.CreateDbContextAsync())
        {
            lastKept = await db.AuditEvents.OrderByDescending(e => e.Id).Select(e => e.Id).Skip(3).FirstAsync();
            await AuditTampering.DropAppendOnlyGuardAsync(db, app.Provider);
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEvents" WHERE "Id" > {lastKept}""");
        }

        // The app goes on: the next event is linked to the last one left, and a new checkpoint is written after it.
        await CreateUserAsync("after-the-cut@test.local");
        var verification = await VerifyAsync();

        await using var check = await app.CreateDbContextAsync();
        var finding = await check.AuditEvents.SingleAsync(e => e.EntityType == AuditChain.TamperingFoundType);
        Assert.False(verification.IsIntact);
        Assert.Equal(finding.Id, verification.FirstBrokenEventId);
        Assert.StartsWith("when the app appended this event it found the trail before it cut short or rewritten", verification.Reason, StringComparison.Ordinal);
        Assert.Contains($"the trail ended at event {lastKept})", finding.Changes, StringComparison.Ordinal);
        Assert.Equal(lastKept, await check.AuditEvents.Where(e => e.Id < finding.Id).MaxAsync(e => e.Id));
    }

    [Fact]
    public async Task NextAnswerSaved_AfterTheLastEventsAreDeleted_RecordsTheTamperingInsteadOfLinkingPastTheGap()
    {
        // An answer's save reads the chain's tip with the assessment, not in the audited save: the same check applies.
        var id = await AssessmentScenarios.NewDraftAsync(app);
        await AssessmentScenarios.AnswerAsync(app, id, new AnswerInput { QuestionCode = "DD-01", Number = 7 });
        long lastKept;
        await using (var db = await app.CreateDbContextAsync())
        {
            lastKept = await db.AuditEvents.OrderByDescending(e => e.Id).Select(e => e.Id).Skip(1).FirstAsync();
            await AuditTampering.DropAppendOnlyGuardAsync(db, app.Provider);
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEvents" WHERE "Id" > {lastKept}""");
        }

        await AssessmentScenarios.AnswerAsync(app, id, new AnswerInput { QuestionCode = "DS-04", Maturity = 3 });
        var verification = await VerifyAsync();

        await using var check = await app.CreateDbContextAsync();
        var finding = await check.AuditEvents.SingleAsync(e => e.EntityType == AuditChain.TamperingFoundType);
        Assert.False(verification.IsIntact);
        Assert.Equal(finding.Id, verification.FirstBrokenEventId);
        Assert.Contains($"the trail ended at event {lastKept})", finding.Changes, StringComparison.Ordinal);
        Assert.Equal(lastKept, await check.AuditEvents.Where(e => e.Id < finding.Id).MaxAsync(e => e.Id));
        Assert.True(await check.AuditEvents.AnyAsync(e => e.Id > finding.Id && e.EntityType == "AssessmentAnswer"));
    }

    [Fact]
    public async Task Checkpoint_AfterEachAuditedSave_IsSignedAndNamesTheLastEvent()
    {
        await CreateUserAsync("checkpointed@test.local");
        await using var db = await app.CreateDbContextAsync();
        var head = await db.AuditEvents.OrderByDescending(e => e.Id).FirstAsync();

        var newest = await app.Services.GetRequiredService<AuditCheckpoints>().NewestAsync(CancellationToken.None);

        Assert.NotNull(newest);
        Assert.Equal((head.Id, head.Hash, AuditChainSigner.Keyed), (newest.EventId, newest.Mac, newest.ChainVersion));
        Assert.True(newest.IsSignedBy(app.Services.GetRequiredService<AuditChainSigner>()));
        Assert.Matches("^the checkpoint of .* UTC$", (await VerifyAsync()).MatchedAnchors.Single());
    }

    [Fact]
    public async Task Verify_WhenTheNewestCheckpointIsForged_RefusesIt()
    {
        await CreateUserAsync("forged@test.local");
        var newest = Directory.EnumerateFiles(CheckpointFolder, "checkpoint-*.json").Order(StringComparer.Ordinal).Last();
        var json = JsonNode.Parse(await File.ReadAllTextAsync(newest))!;
        json["eventId"] = 1;
        await File.WriteAllTextAsync(Path.Combine(CheckpointFolder, "checkpoint-0000000000999999999.json"), json.ToJsonString());

        var verification = await VerifyAsync();

        Assert.False(verification.IsIntact);
        Assert.Contains("is not a checkpoint signed with this installation's audit chain key", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAgainstReceipt_AfterTheTrailWasCutBackAndTheCheckpointsRemoved_ReportsTheReceiptsEvent()
    {
        await CreateUserAsync("before-receipt@test.local");
        var receipt = await IssueReceiptAsync();
        await CreateUserAsync("after-receipt@test.local");
        Assert.True((await VerifyAsync(receipt.Json)).IsIntact);
        long lastKept;
        await using (var db = await app.CreateDbContextAsync())
        {
            lastKept = await db.AuditEvents.Where(e => e.Id < ReceiptEventId(receipt)).OrderByDescending(e => e.Id).Select(e => e.Id).Skip(2).FirstAsync();
            await AuditTampering.DropAppendOnlyGuardAsync(db, app.Provider);
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEvents" WHERE "Id" > {lastKept}""");
        }

        // An attacker who can also write the checkpoint folder removes the checkpoints.
        Directory.Delete(CheckpointFolder, recursive: true);
        var verification = await VerifyAsync(receipt.Json);

        Assert.False(verification.IsIntact);
        Assert.Equal(ReceiptEventId(receipt), verification.FirstBrokenEventId);
        Assert.StartsWith($"the audit trail ends at event {lastKept}, but the receipt of ", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAgainstReceipt_AfterAnEditBeforeItsPointAndTheWholeChainRewrittenByRuleOne_NamesTheReceiptsEvent()
    {
        await CreateUserAsync("rewritten@test.local");
        var receipt = await IssueReceiptAsync();
        await using (var db = await app.CreateDbContextAsync())
        {
            var first = await db.AuditEvents.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            await AuditTampering.DropAppendOnlyGuardAsync(db, app.Provider);
            await db.Database.ExecuteSqlAsync($"""UPDATE "AuditEvents" SET "Actor" = 'someone-else' WHERE "Id" = {first + 1}""");
            await AuditTampering.RecomputeFromAsync(db, first, guessedKey: null);
        }

        Directory.Delete(CheckpointFolder, recursive: true);
        var verification = await VerifyAsync(receipt.Json);

        Assert.False(verification.IsIntact);
        Assert.Equal(ReceiptEventId(receipt), verification.FirstBrokenEventId);
        Assert.StartsWith("it does not carry the MAC the receipt of ", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAgainstReceipt_WhenTheReceiptWasAltered_RefusesIt()
    {
        var receipt = await IssueReceiptAsync();
        var json = JsonNode.Parse(receipt.Json)!;
        json["eventCount"] = json["eventCount"]!.GetValue<long>() - 3;

        var altered = await VerifyAsync(json.ToJsonString());
        var notAReceipt = await VerifyAsync("""{"hello": "world"}""");

        Assert.Equal((false, null), (altered.IsIntact, altered.FirstBrokenEventId));
        Assert.StartsWith("The receipt's signature does not match", altered.Reason, StringComparison.Ordinal);
        Assert.StartsWith("The text given is not an audit receipt", notAReceipt.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiptDownload_ForAnAdmin_IsTheSignedJsonOfTheChainsEnd()
    {
        var admin = DemoAccounts.ForRole(AppRoles.Admin);
        var client = await app.SignInAsync(admin.Email, admin.Password);

        var response = await client.GetAsync("/admin/audit/receipt.json");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var receipt = AuditStatement.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(receipt);
        Assert.Equal(AuditStatement.ReceiptKind, receipt.Kind);
        Assert.True(receipt.IsSignedBy(app.Services.GetRequiredService<AuditChainSigner>()));
        await using var db = await app.CreateDbContextAsync();
        Assert.True(receipt.EventCount <= await db.AuditEvents.CountAsync());
    }

    [Fact]
    public async Task ReceiptDownload_ForAnAnalyst_IsForbidden()
    {
        var analyst = DemoAccounts.ForRole(AppRoles.Analyst);
        var client = await app.SignInAsync(analyst.Email, analyst.Password);

        var response = await client.GetAsync("/admin/audit/receipt.json");

        Assert.NotEqual(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("signature", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private Task<AuditChainVerification> VerifyAsync(string? receipt = null) =>
        app.AsUserAsync("admin@test", [AppRoles.Admin], services => services.GetRequiredService<AuditLog>().VerifyAsync(receipt));

    private async Task<AuditReceiptFile> IssueReceiptAsync() =>
        (await app.AsUserAsync("admin@test", [AppRoles.Admin], services => services.GetRequiredService<AuditLog>().IssueReceiptAsync()))!;

    private static long ReceiptEventId(AuditReceiptFile receipt) => AuditStatement.Parse(receipt.Json)!.EventId;

    private async Task CreateUserAsync(string email)
    {
        var result = await app.AsUserAsync("admin@test", [AppRoles.Admin], services =>
            services.GetRequiredService<UserAdministration>().CreateAsync(new NewUserInput
            {
                Email = email,
                DisplayName = "Audited",
                Password = "a-long-enough-password",
                Roles = [AppRoles.Analyst],
            }));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }
}
