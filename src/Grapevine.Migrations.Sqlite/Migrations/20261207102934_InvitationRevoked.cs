using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Grapevine.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "revoked_by",
                table: "invitations",
                type: "TEXT",
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
