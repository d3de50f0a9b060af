using System.Globalization;

using DueDiligence.Bench;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Scoring;

// dotnet run … -- [scoring|suppliers|dashboard|lists|pdf|audit|assessment|circuits|static|all] [--suppliers N] [--events N] [--provider sqlite|postgres] [--postgres-socket DIR] [--sql]
// dashboard: [--data DIR] (SQLite: the data directory is kept, and reused by the next run instead of seeding again)
// circuits: [--counts 10,50,100] [--app artifacts/app/DueDiligence.Web] [--page /path: another page than the wizard, heap only; {supplier}, {decided} and {in-review} name demo records] [--as analyst|legal|executive]
var which = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
if (which is "circuits")
{
    await CircuitsBench.RunAsync(args);
    return 0;
}

if (which is "static")
{
    // Against a running app: --url (http://127.0.0.1:5000 unless told), --assessment /assessments/ID.
    return await StaticAssetsBench.RunAsync(args);
}

var database = BenchDatabase.FromArguments(args);
var supplierCount = BenchArguments.Count(args, "--suppliers", DashboardBench.DefaultSupplierCount);
if (which is not "scoring")
{
    Console.WriteLine($"Database: {database.Provider}");
}

if (which is "suppliers" or "all")
{
    await SupplierListBench.RunAsync(database, supplierCount);
    Console.WriteLine();
}

if (which is "dashboard" or "all")
{
    var kept = BenchArguments.Value(args, "--data");
    if (kept is not null && database.Provider != DueDiligence.Web.Infrastructure.Persistence.DatabaseProvider.Sqlite)
    {
        throw new ArgumentException("--data keeps a SQLite data directory; it is not for --provider postgres.");
    }

    await DashboardBench.RunAsync(database, supplierCount, kept is null ? null : Path.GetFullPath(kept));
    Console.WriteLine();
}

if (which is "lists")
{
    await ListsBench.RunAsync(database);
    return 0;
}

if (which is "assessment" or "all")
{
    await AssessmentBench.RunAsync(database, args.Contains("--sql"));
    Console.WriteLine();
}

if (which is "pdf" or "all")
{
    await PdfReportBench.RunAsync(database);
    Console.WriteLine();
}

if (which is "audit")
{
    await AuditChainBench.RunAsync(database, args);
    return 0;
}

if (which is not ("scoring" or "all"))
{
    return 0;
}

const string TemplateFile = "ip-risk-overseas-manufacturing.v1.json";

var path = Path.Combine(AppContext.BaseDirectory, TemplateFile);
var json = File.ReadAllText(path);
var template = TemplateJson.Deserialize(json);
var problems = TemplateValidator.Validate(template);
if (problems.Count > 0)
{
    Console.Error.WriteLine($"{TemplateFile} does not validate: {string.Join(" ", problems)}");
    return 1;
}

var input = Scenario.Build(template);
var result = ScoringEngine.Score(input);
var questionCount = template.Sections.Sum(s => s.Questions.Count);
var invariant = CultureInfo.InvariantCulture;

Console.WriteLine($"Template: {template.Name} — {template.Sections.Count} sections, {questionCount} questions ({TemplateFile})");
Console.WriteLine(string.Create(invariant,
    $"Scenario: C {Display.Round1(result.ControlScore)}, J {Display.Round1(result.JurisdictionRisk)} ({result.Jurisdiction?.CountryCode}), " +
    $"I {Display.Round1(result.InherentRisk)}, R {Display.Round1(result.ResidualRisk)} → {result.Tier}; " +
    $"completion {result.Completion:P0}, evidence coverage {result.EvidenceCoverage:P0}, {result.KnockOuts.Count} knock-outs, " +
    $"{result.WhatWouldChangeTier.Count} tier-change candidates"));
Console.WriteLine($"Runtime: .NET {Environment.Version}, {Environment.ProcessorCount} logical CPUs, server GC {System.Runtime.GCSettings.IsServerGC}");
Console.WriteLine();

Harness.Measure("ScoringEngine.Score (full explanation incl. §7 list)", () => ScoringEngine.Score(input));
Harness.Measure("TemplateJson.Parse (import of the default template)", () => TemplateJson.Parse(json));
Harness.Measure("TemplateValidator.Validate (publish check)", () => TemplateValidator.Validate(template));
return 0;
