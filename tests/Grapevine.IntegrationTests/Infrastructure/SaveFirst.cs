using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Grapevine.IntegrationTests.Infrastructure;

/// <summary>
/// Lets another writer go first: the first save of a context with this interceptor runs <paramref name="other"/> (a
/// colleague's write through their own context) just before its own write, as when two saves meet at the same moment.
/// With <paramref name="everySave"/> it runs before every save, as a colleague (or a script) that keeps writing first;
/// saves <paramref name="other"/> makes itself through this interceptor do not run it again.
/// </summary>
internal sealed class SaveFirst(Func<Task> other, bool everySave = false) : SaveChangesInterceptor
{
    private bool _done;
    private bool _running;

    /// <summary>How many times the other writer went first.</summary>
    public int Runs { get; private set; }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if ((!_done || everySave) && !_running)
        {
            _done = true;
            _running = true;
            try
            {
                await other();
                Runs++;
            }
            finally
            {
                _running = false;
            }
        }
        return result;
    }
}
