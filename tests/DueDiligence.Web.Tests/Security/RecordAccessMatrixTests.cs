using System.Collections.Concurrent;
using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Features.Admin.Audit;
using DueDiligence.Web.Features.Admin.Users;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Jurisdictions;
using DueDiligence.Web.Features.Questionnaires;
using DueDiligence.Web.Features.Sourcing;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Sourcing;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Security;

/// <summary>
/// The access matrix of records: every record type, every kind of user, every action, through the real use cases.
/// "Allowed" means the use case did not refuse the user (it may still refuse the sample input as invalid, which
/// happens only after the access check); "refused" means a <see cref="ForbiddenException"/>.
/// </summary>
public sealed class RecordAccessMatrixTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>The analyst who owns the records (and started the assessment), a collaborator, another analyst, and the other roles.</summary>
    public const string Owner = "owner", Collaborator = "collaborator", OtherAnalyst = "other analyst", Legal = "legal", Executive = "executive", Admin = "admin";

    private static readonly string[] Everyone = [Owner, Collaborator, OtherAnalyst, Legal, Executive, Admin];
    private static readonly string[] Participants = [Owner, Collaborator, OtherAnalyst, Legal, Executive];

    private static readonly ConcurrentDictionary<AppFactory, Lazy<Task<IReadOnlyDictionary<string, Person>>>> People = new();

    /// <summary>Record type, action, and who may do it; everyone else is refused.</summary>
    private static readonly (string Record, string Action, string[] Allowed)[] Rules =
    [
        ("supplier", "read", Everyone),
        ("supplier", "edit", [Owner, Collaborator]),
        ("supplier", "start assessment", [Owner, Collaborator]),
        ("supplier", "hand over", [Owner, Admin]),
        ("supplier", "add collaborator", [Owner, Admin]),
        ("sourcing project", "read", Everyone),
        ("sourcing project", "edit", [Owner, Collaborator]),
        ("sourcing project", "add candidate", [Owner, Collaborator]),
        ("sourcing project", "hand over", [Owner, Admin]),
        ("sourcing project", "choose partner", [Executive]),
        ("assessment", "read", Participants),
        ("assessment", "answer", [Owner, Collaborator]),
        ("evidence", "upload", [Owner, Collaborator]),
        ("decision", "decide", [Executive]),
        ("template", "read published", Everyone),
        ("template", "create", [Admin]),
        ("jurisdiction review", "read", Everyone),
        ("jurisdiction review", "rate", [Legal]),
        ("audit", "read", [Admin]),
        ("users", "read", [Admin]),
    ];

    public static TheoryData<string, string, string, bool> Matrix()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var (record, action, allowed) in Rules)
        {
            foreach (var who in Everyone)
            {
                data.Add(record, action, who, allowed.Contains(who));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Action_ForEachKindOfUser_IsAllowedOrRefusedAsTheRulesSay(string record, string action, string who, bool allowed)
    {
        var people = await People.GetOrAdd(app, a => new Lazy<Task<IReadOnlyDictionary<string, Person>>>(() => PeopleAsync(a))).Value;
        var scenario = new RecordTeamScenario(app);
        var work = await ActionAsync(scenario, people, record, action);

        var refusal = await Record.ExceptionAsync(() => scenario.AsAsync(people[who], work));

        if (allowed)
        {
            Assert.False(refusal is ForbiddenException, $"{who} may {action} ({record}) but was refused: {refusal?.Message}");
        }
        else
        {
            Assert.IsType<ForbiddenException>(refusal);
        }
    }

    private static async Task<IReadOnlyDictionary<string, Person>> PeopleAsync(AppFactory app)
    {
        var scenario = new RecordTeamScenario(app);
        return new Dictionary<string, Person>
        {
            [Owner] = await scenario.PersonAsync("Olga Owner"),
            [Collaborator] = await scenario.PersonAsync("Cora Collaborator"),
            [OtherAnalyst] = await scenario.PersonAsync("Otto Other"),
            [Legal] = await scenario.PersonAsync("Lena Legal", AppRoles.LegalReviewer),
            [Executive] = await scenario.PersonAsync("Ezra Executive", AppRoles.Executive),
            [Admin] = await scenario.PersonAsync("Ada Admin", AppRoles.Admin),
        };
    }

    /// <summary>Fresh records for one cell of the matrix (so that a handover in one cell changes no other), and the action on them.</summary>
    private async Task<Func<IServiceProvider, Task>> ActionAsync(RecordTeamScenario scenario, IReadOnlyDictionary<string, Person> people, string record, string action)
    {
        var owner = people[Owner];
        switch (record)
        {
            case "supplier":
                {
                    var supplier = await scenario.SupplierAsync(owner);
                    await scenario.AsAsync(owner, s => s.GetRequiredService<SupplierTeam>().AddCollaboratorAsync(supplier, people[Collaborator].Id));
                    var input = await scenario.SupplierInputAsync(supplier);
                    input.Description = "Changed in the access matrix";
                    var template = await scenario.PublishedTemplateAsync();
                    return action switch
                    {
                        "read" => s => s.GetRequiredService<SupplierQueries>().GetAsync(supplier),
                        "edit" => s => s.GetRequiredService<SupplierCommands>().UpdateAsync(input),
                        "start assessment" => s => s.GetRequiredService<StartAssessment>().ExecuteAsync(supplier, template),
                        "hand over" => s => s.GetRequiredService<SupplierTeam>().HandOverAsync(supplier, input.Version!.Value, people[OtherAnalyst].Id),
                        "add collaborator" => s => s.GetRequiredService<SupplierTeam>().AddCollaboratorAsync(supplier, people[OtherAnalyst].Id),
                        _ => throw new ArgumentOutOfRangeException(nameof(action)),
                    };
                }

            case "sourcing project":
                {
                    var project = await scenario.ProjectAsync(owner);
                    await scenario.AsAsync(owner, s => s.GetRequiredService<SourcingTeam>().AddCollaboratorAsync(project, people[Collaborator].Id));
                    var candidate = await scenario.SupplierAsync(owner);
                    var input = await scenario.ProjectInputAsync(project);
                    input.Name = "Renamed in the access matrix";
                    return action switch
                    {
                        "read" => s => s.GetRequiredService<SourcingQueries>().GetAsync(project),
                        "edit" => s => s.GetRequiredService<SourcingCommands>().UpdateAsync(input),
                        "add candidate" => s => s.GetRequiredService<SourcingCommands>().AddCandidateAsync(project, candidate),
                        "hand over" => s => s.GetRequiredService<SourcingTeam>().HandOverAsync(project, input.Version!.Value, people[OtherAnalyst].Id),
                        "choose partner" => s => s.GetRequiredService<SourcingCommands>().ChoosePartnerAsync(
                            new PartnerChoiceInput { ProjectId = project, Version = input.Version!.Value, SupplierId = candidate, Memo = "Matrix" }),
                        _ => throw new ArgumentOutOfRangeException(nameof(action)),
                    };
                }

            case "assessment" or "evidence":
                {
                    var supplier = await scenario.SupplierAsync(owner);
                    await scenario.AsAsync(owner, s => s.GetRequiredService<SupplierTeam>().AddCollaboratorAsync(supplier, people[Collaborator].Id));
                    var template = await scenario.PublishedTemplateAsync();
                    var assessment = await scenario.AsAsync(owner, s => s.GetRequiredService<StartAssessment>().ExecuteAsync(supplier, template));
                    return action switch
                    {
                        "read" => s => s.GetRequiredService<AssessmentQueries>().GetAsync(assessment),
                        "answer" => s => s.GetRequiredService<AnswerQuestion>().ExecuteAsync(assessment, new AnswerInput { QuestionCode = "NO-SUCH-QUESTION" }, null),
                        "upload" => s => s.GetRequiredService<UploadEvidence>().ExecuteAsync(assessment, "NO-SUCH-QUESTION", "empty.pdf", Stream.Null, null),
                        _ => throw new ArgumentOutOfRangeException(nameof(action)),
                    };
                }

            case "decision":
                {
                    var sourcing = new SourcingScenario(app);
                    var supplier = await sourcing.SupplierAsync(SourcingScenario.Name("Matrix"));
                    var (assessment, _) = await sourcing.AssessmentAsync(supplier, 0.8, AssessmentStatus.AwaitingDecision, DateTime.UtcNow.AddDays(-2));
                    return s => s.GetRequiredService<DecideAssessment>().ExecuteAsync(assessment, DecisionOutcome.Approved, "Approved in the access matrix.");
                }

            case "template":
                return action == "read published"
                    ? s => s.GetRequiredService<TemplateQueries>().PublishedTemplatesAsync()
                    : s => s.GetRequiredService<TemplateCommands>().CreateAsync(new NewTemplateInput());

            case "jurisdiction review":
                return action == "read"
                    ? s => s.GetRequiredService<JurisdictionQueries>().ListAsync()
                    : s => s.GetRequiredService<RateJurisdiction>().ExecuteAsync("VN", new RatingInput());

            case "audit":
                return s => s.GetRequiredService<AuditLog>().SearchAsync(new AuditFilter(), 0, 10);

            case "users":
                return s => s.GetRequiredService<UserAdministration>().ListAsync();

            default:
                throw new ArgumentOutOfRangeException(nameof(record));
        }
    }
}
