#!/usr/bin/python3
"""Reference trajectories from PyTorch for CourseKit's optimizer cross-check.

Writes tests/CourseKit.Tests/Reference/torch_reference.json, which TorchReferenceTests replays
with the library in double and compares step by step (~1e-10 relative). The JSON is committed, so
CI never needs torch.

Regenerate (Debian; PyPI is not needed):
    apt-get update && apt-get install -y python3-torch
    /usr/bin/python3 tests/reference/torch_reference.py
Produced with torch 1.13.0a0 (Debian bookworm python3-torch), Python 3.11.2; the versions that ran
are recorded in the JSON as well.

Only optimizers whose PyTorch update is algorithms.md's rule are used:
  sgd        torch.optim.SGD(lr)                              θ ← θ − εĝ
  momentum   torch.optim.SGD(lr, momentum=α)                  PyTorch: b ← αb + ĝ; θ ← θ − εb.
             With v = −εb this is v ← αv − εĝ; θ ← θ + v, the lecture's rule at constant ε.
  adagrad    torch.optim.Adagrad(lr, eps=δ)                   initial_accumulator_value = 0 and
             lr_decay = 0 (defaults); PyTorch's std = √r + eps is the lecture's δ + √r.
  adam       torch.optim.Adam(lr, betas=(ρ₁, ρ₂), eps=δ)      Kingma & Ba, t = 1 first.
  adadelta   torch.optim.Adadelta(lr, rho=ρ, eps=δ)           eps inside both roots (Zeiler). lr = 1
             is the lecture's rule; lr ≠ 1 checks the library's PyTorch-style ε extension.
  rmsprop    torch.optim.RMSprop(lr, alpha=ρ, eps=0)          PyTorch puts eps outside the root,
             the lecture inside; with δ = 0 both are ε/√r ⊙ ĝ.
  adamax     torch.optim.Adamax(lr, betas=(ρ₁, ρ₂), eps=0)    PyTorch adds eps inside the max, the
             lecture to u; with δ = 0 both are u ← max(ρ₂u, |ĝ|).
Not compared: the Nesterov variants (PyTorch re-parameterises θ, so its iterates are shifted).

The problem: J(θ) = ½θᵀAθ − bᵀθ + (c/4)Σθᵢ⁴ in 4 parameters, A symmetric positive definite and not
diagonal, so every coordinate's gradient depends on the others and changes from step to step.
The gradient is computed in plain Python floats, in exactly the order the C# test uses
(Σⱼ Aᵢⱼθⱼ for j ascending, then − bᵢ, then + c·θᵢ·θᵢ·θᵢ), so both sides feed the optimizers
bit-identical gradients and only the optimizer arithmetic is compared.
"""
import json
import pathlib
import platform

import torch

A = [[3.0, 1.0, 0.5, 0.0],
     [1.0, 2.0, 0.3, 0.2],
     [0.5, 0.3, 1.5, 0.4],
     [0.0, 0.2, 0.4, 0.8]]
B = [1.0, -2.0, 0.5, 1.5]
C = 0.5
THETA0 = [1.5, -1.0, 2.0, -0.5]
STEPS = 50


def gradient(theta):
    g = []
    for i in range(len(theta)):
        s = 0.0
        for j in range(len(theta)):
            s += A[i][j] * theta[j]
        g.append(s - B[i] + C * theta[i] * theta[i] * theta[i])
    return g


# (library name, library settings, torch factory)
CASES = [
    ("sgd", {"lr": 0.05}, lambda p: torch.optim.SGD(p, lr=0.05)),
    ("sgd", {"lr": 0.02}, lambda p: torch.optim.SGD(p, lr=0.02)),
    ("momentum", {"lr": 0.02, "momentum": 0.9}, lambda p: torch.optim.SGD(p, lr=0.02, momentum=0.9)),
    ("momentum", {"lr": 0.05, "momentum": 0.5}, lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.5)),
    ("adagrad", {"lr": 0.1, "delta": 1e-7}, lambda p: torch.optim.Adagrad(p, lr=0.1, eps=1e-7)),
    ("adagrad", {"lr": 0.5, "delta": 1e-3}, lambda p: torch.optim.Adagrad(p, lr=0.5, eps=1e-3)),
    ("adam", {"lr": 0.01, "beta1": 0.9, "beta2": 0.999, "delta": 1e-8},
     lambda p: torch.optim.Adam(p, lr=0.01, betas=(0.9, 0.999), eps=1e-8)),
    ("adam", {"lr": 0.05, "beta1": 0.8, "beta2": 0.99, "delta": 1e-6},
     lambda p: torch.optim.Adam(p, lr=0.05, betas=(0.8, 0.99), eps=1e-6)),
    ("adadelta", {"lr": 1.0, "rho": 0.95, "delta": 1e-6},
     lambda p: torch.optim.Adadelta(p, lr=1.0, rho=0.95, eps=1e-6)),
    ("adadelta", {"lr": 1.0, "rho": 0.9, "delta": 1e-4},
     lambda p: torch.optim.Adadelta(p, lr=1.0, rho=0.9, eps=1e-4)),
    ("adadelta", {"lr": 0.5, "rho": 0.9, "delta": 1e-3},
     lambda p: torch.optim.Adadelta(p, lr=0.5, rho=0.9, eps=1e-3)),
    ("rmsprop", {"lr": 0.01, "rho": 0.9, "delta": 0.0},
     lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.9, eps=0.0)),
    ("rmsprop", {"lr": 0.005, "rho": 0.99, "delta": 0.0},
     lambda p: torch.optim.RMSprop(p, lr=0.005, alpha=0.99, eps=0.0)),
    ("adamax", {"lr": 0.02, "beta1": 0.9, "beta2": 0.999, "delta": 0.0},
     lambda p: torch.optim.Adamax(p, lr=0.02, betas=(0.9, 0.999), eps=0.0)),
    ("adamax", {"lr": 0.05, "beta1": 0.8, "beta2": 0.99, "delta": 0.0},
     lambda p: torch.optim.Adamax(p, lr=0.05, betas=(0.8, 0.99), eps=0.0)),
]


def trajectory(make):
    theta = torch.tensor(THETA0, dtype=torch.float64, requires_grad=True)
    optimizer = make([theta])
    steps = []
    for _ in range(STEPS):
        optimizer.zero_grad()
        theta.grad = torch.tensor(gradient(theta.detach().tolist()), dtype=torch.float64)
        optimizer.step()
        steps.append(theta.detach().tolist())
    return steps


def main():
    out = {
        "generator": "tests/reference/torch_reference.py",
        "torch": torch.__version__,
        "python": platform.python_version(),
        "problem": {"A": A, "b": B, "c": C, "theta0": THETA0},
        "steps": STEPS,
        "cases": [{"optimizer": name, "settings": settings, "trajectory": trajectory(make)}
                  for name, settings, make in CASES],
    }
    path = pathlib.Path(__file__).resolve().parent.parent / "CourseKit.Tests" / "Reference" / "torch_reference.json"
    path.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {path} ({len(CASES)} cases x {STEPS} steps, torch {torch.__version__})")


if __name__ == "__main__":
    main()
