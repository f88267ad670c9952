using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Host.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ProgressCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_milestones_EffectiveDue",
                table: "milestones");

            migrationBuilder.AddColumn<int>(
                name: "TaskRow",
                table: "milestones",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "progress_counts",
                columns: table => new
                {
                    Key = table.Column<string>(type: "text", nullable: false),
                    PlanId = table.Column<string>(type: "text", nullable: false),
                    Lead = table.Column<string>(type: "text", nullable: true),
                    EffectiveDue = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    LastDoneOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_progress_counts", x => x.Key);
                });

            // The task list's order reads the task's row from the milestone: filled from the tasks.
            migrationBuilder.Sql(@"UPDATE milestones SET ""TaskRow"" = COALESCE((SELECT t.""Row"" FROM tasks t WHERE t.""PlanId"" = milestones.""PlanId"" AND t.""TaskId"" = milestones.""TaskId""), 0)");

            // The counts kept on write, counted from the milestones already stored (Progress/ProgressTally.cs
            // says what a facet is): per plan, then per plan and lead list.
            migrationBuilder.Sql(@"INSERT INTO progress_counts (""Key"", ""PlanId"", ""Lead"", ""EffectiveDue"", ""Status"", ""DoneOn"", ""Count"", ""LastDoneOn"")
SELECT f.""PlanId"" || '|' || '*' || '|' || COALESCE(to_char(f.due, 'YYYY-MM-DD'), '-') || '|' || f.status || '|' || COALESCE(to_char(f.done, 'YYYY-MM-DD'), '-'),
    f.""PlanId"", NULL, f.due, f.status, f.done, COUNT(*), MAX(f.""DoneOn"")
FROM (SELECT ""PlanId"", ""Lead"", ""DoneOn"",
        ""EffectiveDue"" AS due,
        CASE WHEN ""DoneOn"" IS NOT NULL THEN 'Finished' WHEN ""Status"" = 'Dormant' THEN 'Dormant' ELSE 'Waiting' END AS status,
        CASE WHEN ""DoneOn"" IS NULL THEN NULL WHEN ""EffectiveDue"" IS NOT NULL AND ""DoneOn"" > ""EffectiveDue"" THEN ""EffectiveDue"" + 1 ELSE DATE '0001-01-01' END AS done
    FROM milestones WHERE ""DoneOn"" IS NOT NULL OR ""Status"" <> 'Finished') f
GROUP BY f.""PlanId"", f.due, f.status, f.done");
            migrationBuilder.Sql(@"INSERT INTO progress_counts (""Key"", ""PlanId"", ""Lead"", ""EffectiveDue"", ""Status"", ""DoneOn"", ""Count"", ""LastDoneOn"")
SELECT f.""PlanId"" || '|' || f.""Lead"" || '|' || COALESCE(to_char(f.due, 'YYYY-MM-DD'), '-') || '|' || f.status || '|' || COALESCE(to_char(f.done, 'YYYY-MM-DD'), '-'),
    f.""PlanId"", f.""Lead"", f.due, f.status, f.done, COUNT(*), MAX(f.""DoneOn"")
FROM (SELECT ""PlanId"", ""Lead"", ""DoneOn"",
        CASE WHEN ""DoneOn"" IS NOT NULL THEN (CASE WHEN ""EffectiveDue"" IS NOT NULL AND ""DoneOn"" > ""EffectiveDue"" THEN DATE '0001-01-01' ELSE NULL END) WHEN ""Status"" = 'Dormant' THEN NULL ELSE ""EffectiveDue"" END AS due,
        CASE WHEN ""DoneOn"" IS NOT NULL THEN 'Finished' WHEN ""Status"" = 'Dormant' THEN 'Dormant' ELSE 'Waiting' END AS status,
        CASE WHEN ""DoneOn"" IS NULL THEN NULL WHEN ""EffectiveDue"" IS NOT NULL AND ""DoneOn"" > ""EffectiveDue"" THEN DATE '0001-01-02' ELSE DATE '0001-01-01' END AS done
    FROM milestones WHERE ""DoneOn"" IS NOT NULL OR ""Status"" <> 'Finished') f
GROUP BY f.""PlanId"", f.""Lead"", f.due, f.status, f.done");

            migrationBuilder.CreateIndex(
                name: "IX_milestones_EffectiveDue_PlanId_TaskRow_TaskId_Number_DoneOn~",
                table: "milestones",
                columns: new[] { "EffectiveDue", "PlanId", "TaskRow", "TaskId", "Number", "DoneOn", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_progress_counts_Lead_PlanId_EffectiveDue_Status_DoneOn_Coun~",
                table: "progress_counts",
                columns: new[] { "Lead", "PlanId", "EffectiveDue", "Status", "DoneOn", "Count", "LastDoneOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "progress_counts");

            migrationBuilder.DropIndex(
                name: "IX_milestones_EffectiveDue_PlanId_TaskRow_TaskId_Number_DoneOn~",
                table: "milestones");

            migrationBuilder.DropColumn(
                name: "TaskRow",
                table: "milestones");

            migrationBuilder.CreateIndex(
                name: "IX_milestones_EffectiveDue",
                table: "milestones",
                column: "EffectiveDue");
        }
    }
}
