// The runner redirects Console and changes the current directory while a notebook runs: tests must take turns.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
