// One collection at a time: each starts real app processes and a Chromium, and the machine has two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
