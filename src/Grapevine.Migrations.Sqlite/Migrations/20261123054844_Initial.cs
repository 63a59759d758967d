using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Grapevine.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "creators",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_creators", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workspaces",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workspaces", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "accounts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    creator_id = table.Column<long>(type: "INTEGER", nullable: false),
                    platform = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    handle = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    external_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    followers = table.Column<long>(type: "INTEGER", nullable: true),
                    following = table.Column<long>(type: "INTEGER", nullable: true),
                    posts_count = table.Column<long>(type: "INTEGER", nullable: true),
                    is_verified = table.Column<bool>(type: "INTEGER", nullable: true),
                    is_private = table.Column<bool>(type: "INTEGER", nullable: true),
                    has_profile_pic = table.Column<bool>(type: "INTEGER", nullable: true),
                    profile_picture_url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    bio = table.Column<string>(type: "TEXT", nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    external_url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    tier = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accounts", x => x.id);
                    table.ForeignKey(
                        name: "fk_accounts_creators_creator_id",
                        column: x => x.creator_id,
                        principalTable: "creators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "account_metrics",
                columns: table => new
                {
                    account_id = table.Column<long>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    value = table.Column<double>(type: "REAL", nullable: true),
                    formula = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    n = table.Column<int>(type: "INTEGER", nullable: false),
                    window_start = table.Column<DateTime>(type: "TEXT", nullable: true),
                    window_end = table.Column<DateTime>(type: "TEXT", nullable: true),
                    computed_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_metrics", x => new { x.account_id, x.name });
                    table.ForeignKey(
                        name: "fk_account_metrics_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "account_snapshots",
                columns: table => new
                {
                    account_id = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    followers = table.Column<long>(type: "INTEGER", nullable: true),
                    following = table.Column<long>(type: "INTEGER", nullable: true),
                    posts_count = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_snapshots", x => new { x.account_id, x.at });
                    table.ForeignKey(
                        name: "fk_account_snapshots_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "comment_samples",
                columns: table => new
                {
                    account_id = table.Column<long>(type: "INTEGER", nullable: false),
                    comment_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    post_external_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    author = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    text = table.Column<string>(type: "TEXT", nullable: true),
                    posted_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comment_samples", x => new { x.account_id, x.comment_id });
                    table.ForeignKey(
                        name: "fk_comment_samples_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "follower_samples",
                columns: table => new
                {
                    account_id = table.Column<long>(type: "INTEGER", nullable: false),
                    follower_username = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    full_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    followers = table.Column<long>(type: "INTEGER", nullable: true),
                    following = table.Column<long>(type: "INTEGER", nullable: true),
                    posts_count = table.Column<long>(type: "INTEGER", nullable: true),
                    has_profile_pic = table.Column<bool>(type: "INTEGER", nullable: true),
                    is_private = table.Column<bool>(type: "INTEGER", nullable: true),
                    bio_length = table.Column<int>(type: "INTEGER", nullable: true),
                    has_external_url = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follower_samples", x => new { x.account_id, x.follower_username });
                    table.ForeignKey(
                        name: "fk_follower_samples_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "posts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    account_id = table.Column<long>(type: "INTEGER", nullable: false),
                    external_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    posted_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    caption = table.Column<string>(type: "TEXT", nullable: true),
                    hashtags = table.Column<string>(type: "TEXT", nullable: true),
                    mentions = table.Column<string>(type: "TEXT", nullable: true),
                    likes = table.Column<long>(type: "INTEGER", nullable: true),
                    comments = table.Column<long>(type: "INTEGER", nullable: true),
                    shares = table.Column<long>(type: "INTEGER", nullable: true),
                    saves = table.Column<long>(type: "INTEGER", nullable: true),
                    views = table.Column<long>(type: "INTEGER", nullable: true),
                    reach = table.Column<long>(type: "INTEGER", nullable: true),
                    impressions = table.Column<long>(type: "INTEGER", nullable: true),
                    is_paid_partnership = table.Column<bool>(type: "INTEGER", nullable: true),
                    transcript = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_posts", x => x.id);
                    table.ForeignKey(
                        name: "fk_posts_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_accounts_category",
                table: "accounts",
                column: "category");

            migrationBuilder.CreateIndex(
                name: "ix_accounts_country",
                table: "accounts",
                column: "country");

            migrationBuilder.CreateIndex(
                name: "ix_accounts_creator_id",
                table: "accounts",
                column: "creator_id");

            migrationBuilder.CreateIndex(
                name: "ix_accounts_followers",
                table: "accounts",
                column: "followers");

            migrationBuilder.CreateIndex(
                name: "ix_accounts_platform_handle",
                table: "accounts",
                columns: new[] { "platform", "handle" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_accounts_tier",
                table: "accounts",
                column: "tier");

            migrationBuilder.CreateIndex(
                name: "ix_posts_account_id_external_id",
                table: "posts",
                columns: new[] { "account_id", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_posts_account_id_posted_at",
                table: "posts",
                columns: new[] { "account_id", "posted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_workspaces_slug",
                table: "workspaces",
                column: "slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_metrics");

            migrationBuilder.DropTable(
                name: "account_snapshots");

            migrationBuilder.DropTable(
                name: "comment_samples");

            migrationBuilder.DropTable(
                name: "follower_samples");

            migrationBuilder.DropTable(
                name: "posts");

            migrationBuilder.DropTable(
                name: "workspaces");

            migrationBuilder.DropTable(
                name: "accounts");

            migrationBuilder.DropTable(
                name: "creators");
        }
    }
}
