using BenchmarkDotNet.Running;

// `--filter '*'` runs everything; `--filter '*Gemm*'` one class. See README.md.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
