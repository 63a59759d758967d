using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Grapevine.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BrandSafetyLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "brand_safety_categories",
                columns: table => new
                {
                    workspace_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_brand_safety_categories", x => new { x.workspace_id, x.id });
                    table.ForeignKey(
                        name: "fk_brand_safety_categories_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "brand_safety_settings",
                columns: table => new
                {
                    workspace_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    edited_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_brand_safety_settings", x => x.workspace_id);
                    table.ForeignKey(
                        name: "fk_brand_safety_settings_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "brand_safety_keywords",
                columns: table => new
                {
                    workspace_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    category_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    keyword = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    added_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_brand_safety_keywords", x => new { x.workspace_id, x.category_id, x.keyword });
                    table.ForeignKey(
                        name: "fk_brand_safety_keywords_brand_safety_categories_workspace_id_category_id",
                        columns: x => new { x.workspace_id, x.category_id },
                        principalTable: "brand_safety_categories",
                        principalColumns: new[] { "workspace_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_brand_safety_categories_workspace_id_name",
                table: "brand_safety_categories",
                columns: new[] { "workspace_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "brand_safety_keywords");

            migrationBuilder.DropTable(
                name: "brand_safety_settings");

            migrationBuilder.DropTable(
                name: "brand_safety_categories");
        }
    }
}
