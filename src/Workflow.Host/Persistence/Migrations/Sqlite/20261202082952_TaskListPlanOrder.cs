using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Host.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaskListPlanOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_milestones_PlanId_EffectiveDue_DoneOn_Status",
                table: "milestones");

            migrationBuilder.CreateIndex(
                name: "IX_milestones_PlanId_EffectiveDue_TaskRow_TaskId_Number_DoneOn_Status",
                table: "milestones",
                columns: new[] { "PlanId", "EffectiveDue", "TaskRow", "TaskId", "Number", "DoneOn", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_milestones_PlanId_EffectiveDue_TaskRow_TaskId_Number_DoneOn_Status",
                table: "milestones");

            migrationBuilder.CreateIndex(
                name: "IX_milestones_PlanId_EffectiveDue_DoneOn_Status",
                table: "milestones",
                columns: new[] { "PlanId", "EffectiveDue", "DoneOn", "Status" });
        }
    }
}
