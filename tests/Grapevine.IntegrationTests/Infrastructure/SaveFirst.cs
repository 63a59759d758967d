using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Grapevine.IntegrationTests.Infrastructure;

/// <summary>
/// Lets another writer go first: the first save of a context with this interceptor runs <paramref name="other"/> (a
/// colleague's write through their own context) just before its own write, as when two saves meet at the same moment.
/// </summary>
internal sealed class SaveFirst(Func<Task> other) : SaveChangesInterceptor
{
    private bool _done;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (!_done)
        {
            _done = true;
            await other();
        }
        return result;
    }
}
