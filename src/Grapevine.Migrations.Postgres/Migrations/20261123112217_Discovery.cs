using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Grapevine.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Discovery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rate_cards",
                columns: table => new
                {
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<long>(type: "bigint", nullable: false),
                    deliverable = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    price_usd = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    updated_by = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rate_cards", x => new { x.workspace_id, x.id });
                    table.ForeignKey(
                        name: "fk_rate_cards_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_rate_cards_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "search_profiles",
                columns: table => new
                {
                    account_id = table.Column<long>(type: "bigint", nullable: false),
                    platform = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    handle = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    tier = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    followers = table.Column<long>(type: "bigint", nullable: true),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    is_verified = table.Column<bool>(type: "boolean", nullable: true),
                    has_email = table.Column<bool>(type: "boolean", nullable: false),
                    primary_niche = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    niche_confidence = table.Column<double>(type: "double precision", nullable: true),
                    engagement_rate = table.Column<double>(type: "double precision", nullable: true),
                    engagement_percentile = table.Column<double>(type: "double precision", nullable: true),
                    audience_quality = table.Column<double>(type: "double precision", nullable: true),
                    expected_engagements = table.Column<double>(type: "double precision", nullable: true),
                    price_estimate = table.Column<double>(type: "double precision", nullable: true),
                    price_low = table.Column<double>(type: "double precision", nullable: true),
                    price_high = table.Column<double>(type: "double precision", nullable: true),
                    last_posted_at = table.Column<long>(type: "bigint", nullable: true),
                    sponsored_share = table.Column<double>(type: "double precision", nullable: true),
                    growth = table.Column<double>(type: "double precision", nullable: true),
                    safety_score = table.Column<double>(type: "double precision", nullable: true),
                    words = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_search_profiles", x => x.account_id);
                    table.ForeignKey(
                        name: "fk_search_profiles_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "search_profile_niches",
                columns: table => new
                {
                    account_id = table.Column<long>(type: "bigint", nullable: false),
                    niche = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_search_profile_niches", x => new { x.account_id, x.niche });
                    table.ForeignKey(
                        name: "fk_search_profile_niches_search_profiles_account_id",
                        column: x => x.account_id,
                        principalTable: "search_profiles",
                        principalColumn: "account_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "search_profile_terms",
                columns: table => new
                {
                    account_id = table.Column<long>(type: "bigint", nullable: false),
                    term = table.Column<string>(type: "character varying(101)", maxLength: 101, nullable: false),
                    last_used_at = table.Column<long>(type: "bigint", nullable: false),
                    uses = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_search_profile_terms", x => new { x.account_id, x.term });
                    table.ForeignKey(
                        name: "fk_search_profile_terms_search_profiles_account_id",
                        column: x => x.account_id,
                        principalTable: "search_profiles",
                        principalColumn: "account_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_rate_cards_account_id",
                table: "rate_cards",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_rate_cards_workspace_id_account_id_deliverable",
                table: "rate_cards",
                columns: new[] { "workspace_id", "account_id", "deliverable" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_search_profile_niches_niche_score",
                table: "search_profile_niches",
                columns: new[] { "niche", "score" });

            migrationBuilder.CreateIndex(
                name: "ix_search_profile_terms_term_last_used_at",
                table: "search_profile_terms",
                columns: new[] { "term", "last_used_at" });

            migrationBuilder.CreateIndex(
                name: "ix_search_profiles_country",
                table: "search_profiles",
                column: "country");

            migrationBuilder.CreateIndex(
                name: "ix_search_profiles_engagement_rate",
                table: "search_profiles",
                column: "engagement_rate");

            migrationBuilder.CreateIndex(
                name: "ix_search_profiles_followers",
                table: "search_profiles",
                column: "followers");

            migrationBuilder.CreateIndex(
                name: "ix_search_profiles_language",
                table: "search_profiles",
                column: "language");

            migrationBuilder.CreateIndex(
                name: "ix_search_profiles_last_posted_at",
                table: "search_profiles",
                column: "last_posted_at");

            migrationBuilder.CreateIndex(
                name: "ix_search_profiles_platform_tier",
                table: "search_profiles",
                columns: new[] { "platform", "tier" });

            migrationBuilder.CreateIndex(
                name: "ix_search_profiles_price_estimate",
                table: "search_profiles",
                column: "price_estimate");

            migrationBuilder.CreateIndex(
                name: "ix_search_profiles_primary_niche",
                table: "search_profiles",
                column: "primary_niche");

            // Words are tokenised by Grapevine before they are stored (lower case, letters and digits), so the
            // 'simple' configuration (no stemming, no stop words) yields exactly the tokens the in-process index sees.
            migrationBuilder.Sql("""
                ALTER TABLE search_profiles ADD COLUMN words_vector tsvector
                    GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, words)) STORED;
                """);
            migrationBuilder.Sql("CREATE INDEX ix_search_profiles_words_vector ON search_profiles USING gin (words_vector);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_search_profiles_words_vector;");
            migrationBuilder.Sql("ALTER TABLE search_profiles DROP COLUMN IF EXISTS words_vector;");

            migrationBuilder.DropTable(
                name: "rate_cards");

            migrationBuilder.DropTable(
                name: "search_profile_niches");

            migrationBuilder.DropTable(
                name: "search_profile_terms");

            migrationBuilder.DropTable(
                name: "search_profiles");
        }
    }
}
