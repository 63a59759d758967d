using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Grapevine.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CandidateConcurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
