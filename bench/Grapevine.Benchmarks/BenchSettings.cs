namespace Grapevine.Benchmarks;

public sealed record BenchSettings(int? Size, int Seed, string? PostgresServer);
