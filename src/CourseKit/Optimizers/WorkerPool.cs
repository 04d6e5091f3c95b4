namespace CourseKit.Optimizers;

/// <summary>Parked background threads that run chunks 1..n−1 of a job while the caller runs chunk 0.</summary>
internal static class WorkerPool
{
    internal interface IChunk
    {
        void Execute(int chunk);
    }

    private static readonly object Gate = new();
    private static readonly SemaphoreSlim Go = new(0);
    private static readonly ManualResetEventSlim Finished = new(false);
    private static IChunk? _job;
    private static int _next, _remaining, _workers;

    public static void Run(IChunk job, int chunks)
    {
        if (chunks <= 1)
        {
            job.Execute(0);
            return;
        }

        lock (Gate)
        {
            while (_workers < chunks - 1) StartWorker();
            _job = job;
            _next = 0;
            _remaining = chunks - 1;
            Finished.Reset();
            Go.Release(chunks - 1);
            job.Execute(0);
            Finished.Wait();
            _job = null;
        }
    }

    private static void StartWorker()
    {
        _workers++;
        new Thread(Work) { IsBackground = true, Name = $"CourseKit sweep {_workers}" }.Start();
    }

    private static void Work()
    {
        while (true)
        {
            Go.Wait();
            try
            {
                _job!.Execute(Interlocked.Increment(ref _next));
            }
            finally
            {
                if (Interlocked.Decrement(ref _remaining) == 0) Finished.Set();
            }
        }
    }
}
