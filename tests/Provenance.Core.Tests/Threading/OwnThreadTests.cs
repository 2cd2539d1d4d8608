using Provenance.Threading;

namespace Provenance.Core.Tests.Threading;

public sealed class OwnThreadTests
{
    [Fact]
    public async Task Work_runs_off_the_thread_pool_and_its_result_comes_through_the_task()
    {
        var (pooled, background, name) = await OwnThread.Run(() => (Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.IsBackground, Thread.CurrentThread.Name), "rules");

        pooled.ShouldBeFalse();
        background.ShouldBeTrue();
        name.ShouldBe("rules");
    }

    [Fact]
    public async Task A_failure_comes_through_the_task_as_it_was_thrown()
    {
        var task = OwnThread.Run<int>(() => throw new InvalidDataException("broken pack"), "rules");

        (await Should.ThrowAsync<InvalidDataException>(() => task)).Message.ShouldBe("broken pack");
    }
}
