using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Grapevine.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InvitationRevoked : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "revoked_at",
                table: "invitations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "revoked_by",
                table: "invitations",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "revoked_at",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "revoked_by",
                table: "invitations");
        }
    }
}
