using DueDiligence.Domain.Auditing;
using DueDiligence.Web.Components.Shared;

namespace DueDiligence.Web.Tests.Auditing;

/// <summary>
/// How the audit trail reads on screen: labels instead of property names, readable values instead of codes and enum names,
/// and no ids, stamps or row versions. The change texts are as the audit interceptor stores them.
/// </summary>
public sealed class AuditWordingTests
{
    private const string SupplierId = "be6ae3dc-15e5-4fc3-b009-c08324bdef5a";
    private const string AssessmentId = "01a2421f-7f7e-7b33-a400-12d9fa8f2839";
    private const string UserId = "798fafcf-ce19-400c-8425-3e2a32d36621";
    private const string RoleId = "4010a85e-3094-4165-b0c8-5db3c855277a";

    private static readonly Dictionary<string, string> Names = new()
    {
        [SupplierId] = "Brightpath Precision Moulding Co., Ltd.",
        [AssessmentId] = "Assessment of Brightpath Precision Moulding Co., Ltd.",
        [UserId] = "Ana Analyst (analyst@demo.local)",
        [RoleId] = "Administrator",
    };

    [Fact]
    public void Lines_ForASupplierChange_ShowLabelsAndReadableValuesWithoutTheRowVersion()
    {
        const string changes = """
            {"HqCountry":{"before":"CN","after":"DE"},"LatestResidualRisk":{"before":null,"after":42.98670888526023},"LatestTier":{"before":null,"after":"High"},
             "ReassessmentDueOn":{"before":null,"after":"2026-10-28"},"Status":{"before":"Prospect","after":"ApprovedWithConditions"},
             "UpdatedAtUtc":{"before":"2024-11-04T17:34:46.7250615Z","after":"2025-10-28T11:30:00.0000000Z"},
             "Version":{"before":"19c9731d-42ff-43c4-b769-9ebcc6f27f0d","after":"ce207f7c-2c45-414c-b2c0-0d977d31939e"}}
            """;

        var lines = AuditWording.Lines("Supplier", changes);

        Assert.Equal(
            [
                new("Status", "Prospect", "Approved with conditions"),
                new("HQ country", "China", "Germany"),
                new("Latest tier", "—", "High"),
                new("Latest residual risk R", "—", "43.0"),
                new("Reassessment due", "—", "2026-10-28"),
            ],
            lines);
    }

    [Fact]
    public void Lines_ForANewSupplier_LeaveOutIdsKeysAndEmptyFields()
    {
        const string changes = $$$"""
            {"Id":{"after":"{{{SupplierId}}}"},"Category":{"after":"ContractManufacturer"},"CreatedAtUtc":{"after":"2024-11-04T17:34:46.7250615Z"},
             "Duns":{"after":null},"HqCountry":{"after":"CN"},"LegalName":{"after":"Brightpath Precision Moulding Co., Ltd."},
             "LegalNameKey":{"after":"BRIGHTPATH PRECISION MOULDING CO., LTD."},"OwnerId":{"after":"{{{UserId}}}"},"OwnerName":{"after":"Ana Analyst"},
             "Status":{"after":"Prospect"},"Version":{"after":"19c9731d-42ff-43c4-b769-9ebcc6f27f0d"},"Website":{"after":""}}
            """;

        var lines = AuditWording.Lines("Supplier", changes);

        Assert.Equal(
            [
                new("Legal name", null, "Brightpath Precision Moulding Co., Ltd."),
                new("Status", null, "Prospect"),
                new("HQ country", null, "China"),
                new("Category", null, "Contract manufacturer"),
                new("Owner", null, "Ana Analyst"),
            ],
            lines);
    }

    [Fact]
    public void Lines_ForAnAssessment_NameTheSupplierWhenThePageKnowsIt_AndLeaveTheIdOutOtherwise()
    {
        const string changes = $$$"""
            {"Id":{"after":"{{{AssessmentId}}}"},"AnalystId":{"after":"{{{UserId}}}"},"AnalystName":{"after":"Ana Analyst"},
             "Status":{"after":"AwaitingDecision"},"SubmittedAtUtc":{"after":"2025-10-10T16:45:00.0000000Z"},"SupplierId":{"after":"{{{SupplierId}}}"},
             "Template":{"after":"{\n  \u0022schema\u0022: \u0022duediligence.template/1\u0022 }"},"TemplateVersionId":{"after":"01a2421f-749a-797f-bfaa-926a9fec6743"}}
            """;

        var named = AuditWording.Lines("Assessment", changes, Names);
        var unnamed = AuditWording.Lines("Assessment", changes);

        Assert.Equal(
            [
                new("Status", null, "Awaiting decision"),
                new("Analyst", null, "Ana Analyst"),
                new("Submitted", null, "2025-10-10 16:45 UTC"),
                new("Supplier", null, "Brightpath Precision Moulding Co., Ltd."),
            ],
            named);
        Assert.DoesNotContain(unnamed, l => l.Label == "Supplier");
        Assert.DoesNotContain(unnamed, l => (l.After ?? "").Contains("schema", StringComparison.Ordinal));
    }

    [Fact]
    public void Lines_ForAStepOfTheAssessment_ShowStatusLabels()
    {
        const string changes = $$$"""
            {"Id":{"after":"01a2421f-7e2a-782d-a3d4-acee0e46163f"},"AssessmentId":{"after":"{{{AssessmentId}}}"},"AtUtc":{"after":"2025-01-13T11:30:00.0000000Z"},
             "ById":{"after":"{{{UserId}}}"},"ByName":{"after":"Eve Executive"},"From":{"after":"LegalReview"},"Reason":{"after":null},"To":{"after":"AwaitingDecision"}}
            """;

        var lines = AuditWording.Lines("AssessmentTransition", changes, Names);

        Assert.Equal(
            [
                new("From", null, "Legal review"),
                new("To", null, "Awaiting decision"),
                new("By", null, "Eve Executive"),
                new("At", null, "2025-01-13 11:30 UTC"),
                new("Assessment", null, "Assessment of Brightpath Precision Moulding Co., Ltd."),
            ],
            lines);
    }

    [Fact]
    public void Lines_ForAUserLockedByAnAdministrator_SayItWithoutTheStamps()
    {
        const string changes = """
            {"ConcurrencyStamp":{"before":"(redacted)","after":"(redacted)"},"LockoutEnabled":{"before":false,"after":true},
             "LockoutEnd":{"before":null,"after":"9999-12-31T23:59:59.9999999+00:00"},"SecurityStamp":{"before":"(redacted)","after":"(redacted)"}}
            """;

        var lines = AuditWording.Lines("AppUser", changes);

        Assert.Equal([new AuditChangeLine("Lock", "Not locked", "Locked by an administrator")], lines);
    }

    [Fact]
    public void Lines_ForANewUser_SayThePasswordIsSetAndShowNoSecretOrCopy()
    {
        const string changes = $$$"""
            {"Id":{"after":"{{{UserId}}}"},"AccessFailedCount":{"after":0},"ConcurrencyStamp":{"after":"(redacted)"},"DisplayName":{"after":"Ana Analyst"},
             "Email":{"after":"analyst@demo.local"},"EmailConfirmed":{"after":true},"LockoutEnabled":{"after":true},"LockoutEnd":{"after":null},
             "NormalizedEmail":{"after":"ANALYST@DEMO.LOCAL"},"NormalizedUserName":{"after":"ANALYST@DEMO.LOCAL"},"PasswordHash":{"after":"(redacted)"},
             "PhoneNumber":{"after":null},"PhoneNumberConfirmed":{"after":false},"SecurityStamp":{"after":"(redacted)"},"TwoFactorEnabled":{"after":false},
             "UserName":{"after":"analyst@demo.local"}}
            """;

        var lines = AuditWording.Lines("AppUser", changes);

        Assert.Equal(
            [
                new("Name", null, "Ana Analyst"),
                new("E-mail", null, "analyst@demo.local"),
                new("Failed sign-ins", null, "0"),
                new("Password", null, "set"),
                new("Two-step sign-in", null, "No"),
            ],
            lines);
    }

    [Fact]
    public void Lines_WhenOnlyTechnicalFieldsChanged_AreEmpty()
    {
        Assert.Empty(AuditWording.Lines("AppUser", """{"ConcurrencyStamp":{"before":"(redacted)","after":"(redacted)"}}"""));
        Assert.Empty(AuditWording.Lines("Supplier", """{"Version":{"before":"19c9731d-42ff-43c4-b769-9ebcc6f27f0d","after":"ce207f7c-2c45-414c-b2c0-0d977d31939e"}}"""));
    }

    [Fact]
    public void Lines_ForARoleGranted_NameTheUserAndTheRole()
    {
        var changes = $$$"""{"UserId":{"after":"{{{UserId}}}"},"RoleId":{"after":"{{{RoleId}}}"}}""";

        Assert.Equal(
            [new("User", null, "Ana Analyst (analyst@demo.local)"), new("Role", null, "Administrator")],
            AuditWording.Lines("IdentityUserRole", changes, Names));
        Assert.Equal("Role granted", AuditWording.Describe("IdentityUserRole", AuditAction.Insert));
        Assert.Equal("Ana Analyst (analyst@demo.local): Administrator", AuditWording.Subject("IdentityUserRole", $"{UserId}|{RoleId}", changes, Names));
        Assert.Equal(
            [(AuditReference.User, UserId), (AuditReference.Role, RoleId), (AuditReference.User, UserId), (AuditReference.Role, RoleId)],
            AuditWording.References("IdentityUserRole", $"{UserId}|{RoleId}", changes));
    }

    [Fact]
    public void Lines_ForASiteAndEvidence_ShowActivitiesAndFileSizes()
    {
        var site = AuditWording.Lines("Site", """{"Activities":{"before":"Tooling","after":"Tooling, ComponentManufacturing"},"City":{"before":"Shenzhen","after":"Dongguan"}}""");
        var evidence = AuditWording.Lines("EvidenceFile", """{"ContentType":{"after":"application/pdf"},"Length":{"after":1536},"OriginalFileName":{"after":"ISO27001.pdf"},"StorageKey":{"after":"20a3440fd70d08d6e31813efe5bb110f"}}""");

        Assert.Equal([new("City", "Shenzhen", "Dongguan"), new("Activities", "Tooling", "Tooling, Component manufacturing")], site);
        Assert.Equal([new("File", null, "ISO27001.pdf"), new("Size", null, "1.5 KB")], evidence);
    }

    [Fact]
    public void Lines_WithoutTheRecordType_ReadEachFieldAsTheRecordsThatNameIt()
    {
        const string changes = """
            {"Activities":{"after":"FinalAssembly, Packaging"},"AnalystName":{"after":"Ana Analyst"},"CreatedAtUtc":{"after":"2025-09-15T09:10:00.0000000Z"},
             "LatestResidualRisk":{"before":null,"after":42.98670888526023},"LegalNameKey":{"after":"BRIGHTPATH"}}
            """;

        Assert.Equal(
            [new("Activities", null, "Final assembly, Packaging"), new("Analyst", null, "Ana Analyst"), new("Latest residual risk R", "—", "43.0")],
            AuditWording.Lines(null, changes));
    }

    [Theory]
    [InlineData("Supplier", AuditAction.Update, "Supplier changed")]
    [InlineData("ExposureItem", AuditAction.Insert, "IP exposure added")]
    [InlineData("Site", AuditAction.Delete, "Site removed")]
    [InlineData("EvidenceFile", AuditAction.Insert, "Evidence uploaded")]
    [InlineData("SomethingNew", AuditAction.Insert, "Something new added")]
    public void Describe_SaysWhatHappenedInWords(string entityType, AuditAction action, string expected) =>
        Assert.Equal(expected, AuditWording.Describe(entityType, action));

    [Theory]
    [InlineData("ApprovedWithConditions", "Approved with conditions")]
    [InlineData("HQCountry", "HQ country")]
    [InlineData("Status", "Status")]
    public void Words_SplitsPascalCase(string identifier, string expected) => Assert.Equal(expected, AuditWording.Words(identifier));
}
