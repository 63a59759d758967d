using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Grapevine.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Campaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "campaigns",
                columns: table => new
                {
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    brand = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    brand_values = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    brand_niches = table.Column<List<string>>(type: "text[]", nullable: false),
                    brand_keywords = table.Column<List<string>>(type: "text[]", nullable: false),
                    competitors = table.Column<List<string>>(type: "text[]", nullable: false),
                    goal = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    budget = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: true),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    platforms = table.Column<List<string>>(type: "text[]", nullable: false),
                    target_countries = table.Column<List<string>>(type: "text[]", nullable: false),
                    target_languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    target_age_min = table.Column<int>(type: "integer", nullable: true),
                    target_age_max = table.Column<int>(type: "integer", nullable: true),
                    target_gender = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    target_interests = table.Column<List<string>>(type: "text[]", nullable: false),
                    kpi_impressions = table.Column<long>(type: "bigint", nullable: true),
                    kpi_reach = table.Column<long>(type: "bigint", nullable: true),
                    kpi_engagements = table.Column<long>(type: "bigint", nullable: true),
                    kpi_clicks = table.Column<long>(type: "bigint", nullable: true),
                    kpi_conversions = table.Column<long>(type: "bigint", nullable: true),
                    kpi_revenue = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    product_cost = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    click_through_rate = table.Column<double>(type: "double precision", nullable: true),
                    conversion_rate = table.Column<double>(type: "double precision", nullable: true),
                    average_order_value = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    first_test = table.Column<bool>(type: "boolean", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    archived_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    deliverables = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaigns", x => new { x.workspace_id, x.id });
                    table.ForeignKey(
                        name: "fk_campaigns_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "campaign_candidates",
                columns: table => new
                {
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<long>(type: "bigint", nullable: false),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    accepts_gifting = table.Column<bool>(type: "boolean", nullable: false),
                    test_spend = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    test_result = table.Column<double>(type: "double precision", nullable: true),
                    added_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_candidates", x => new { x.workspace_id, x.campaign_id, x.account_id });
                    table.ForeignKey(
                        name: "fk_campaign_candidates_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_campaign_candidates_campaigns_workspace_id_campaign_id",
                        columns: x => new { x.workspace_id, x.campaign_id },
                        principalTable: "campaigns",
                        principalColumns: new[] { "workspace_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "campaign_plans",
                columns: table => new
                {
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    budget = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    solver = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: false),
                    best_bound = table.Column<double>(type: "double precision", nullable: true),
                    gap = table.Column<double>(type: "double precision", nullable: true),
                    document = table.Column<string>(type: "text", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_plans", x => new { x.workspace_id, x.id });
                    table.ForeignKey(
                        name: "fk_campaign_plans_campaigns_workspace_id_campaign_id",
                        columns: x => new { x.workspace_id, x.campaign_id },
                        principalTable: "campaigns",
                        principalColumns: new[] { "workspace_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_campaign_candidates_account_id",
                table: "campaign_candidates",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaign_plans_workspace_id_campaign_id_created_at",
                table: "campaign_plans",
                columns: new[] { "workspace_id", "campaign_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_campaigns_workspace_id_archived_at_updated_at",
                table: "campaigns",
                columns: new[] { "workspace_id", "archived_at", "updated_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "campaign_candidates");

            migrationBuilder.DropTable(
                name: "campaign_plans");

            migrationBuilder.DropTable(
                name: "campaigns");
        }
    }
}
