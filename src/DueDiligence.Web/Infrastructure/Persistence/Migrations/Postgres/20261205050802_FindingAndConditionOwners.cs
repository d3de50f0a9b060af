using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DueDiligence.Web.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FindingAndConditionOwners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OwnerId",
                table: "Findings",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnerId",
                table: "ContractConditions",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Findings_OwnerId",
                table: "Findings",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractConditions_OwnerId",
                table: "ContractConditions",
                column: "OwnerId");

            // --- Hand-written data backfill (keep when regenerating): text owners that name exactly one user become that user.
            foreach (var statement in OwnerBackfill.Statements)
            {
                migrationBuilder.Sql(statement);
            }
            // --- End of the hand-written backfill.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Findings_OwnerId",
                table: "Findings");

            migrationBuilder.DropIndex(
                name: "IX_ContractConditions_OwnerId",
                table: "ContractConditions");

            migrationBuilder.DropColumn(
                name: "OwnerId",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "OwnerId",
                table: "ContractConditions");
        }
    }
}
