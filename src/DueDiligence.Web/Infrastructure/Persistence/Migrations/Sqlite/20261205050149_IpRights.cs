using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DueDiligence.Web.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IpRights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CountryTreaties",
                columns: table => new
                {
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    SourceIds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountryTreaties", x => x.Country);
                });

            migrationBuilder.CreateTable(
                name: "IpRights",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    OwnerEntity = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Protects = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IpRights", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TreatyValues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Fact = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SourceYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TreatyValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TreatyValues_CountryTreaties_Country",
                        column: x => x.Country,
                        principalTable: "CountryTreaties",
                        principalColumn: "Country",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IpRightCountries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IpRightId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IpRightCountries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IpRightCountries_IpRights_IpRightId",
                        column: x => x.IpRightId,
                        principalTable: "IpRights",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IpRightCountries_Country",
                table: "IpRightCountries",
                column: "Country");

            migrationBuilder.CreateIndex(
                name: "IX_IpRightCountries_IpRightId",
                table: "IpRightCountries",
                column: "IpRightId");

            migrationBuilder.CreateIndex(
                name: "IX_IpRights_Title",
                table: "IpRights",
                column: "Title");

            migrationBuilder.CreateIndex(
                name: "IX_TreatyValues_Country_Fact",
                table: "TreatyValues",
                columns: new[] { "Country", "Fact" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IpRightCountries");

            migrationBuilder.DropTable(
                name: "TreatyValues");

            migrationBuilder.DropTable(
                name: "IpRights");

            migrationBuilder.DropTable(
                name: "CountryTreaties");
        }
    }
}
