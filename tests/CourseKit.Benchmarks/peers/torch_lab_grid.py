"""The lab's default grid in PyTorch, for a side-by-side throughput figure (see lab-vs-pytorch.sh).

Same work as `coursekit lab --no-search`: the bundled digits (data/digits.csv), 60 % of them for training
(standardised), a 64-64-10 ReLU MLP with softmax cross-entropy, minibatches of 32 reshuffled every epoch, the
nine optimizers x five schedules x three seeds, 20 epochs, and an evaluation of validation and test sets after
every epoch. Runs are spread over THREADS worker processes of one thread each, as the lab spreads them over its
threads. Prints one JSON line: runs, samples trained, seconds (the grid only: imports and pool start excluded),
samples_per_s.

usage: python3 torch_lab_grid.py THREADS [EPOCHS]
"""
import csv, json, math, os, sys, time
from multiprocessing import get_context

HERE = os.path.dirname(os.path.abspath(__file__))
DIGITS = os.path.join(HERE, "..", "..", "..", "data", "digits.csv")
OPTIMIZERS = ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "rmsprop-nesterov", "adadelta", "adam", "adamax"]
SCHEDULES = ["constant", "step", "annealed", "exponential", "linear"]
SEEDS = [1, 2, 3]
LR = {"sgd": 0.1, "momentum": 0.01, "nesterov": 0.01, "adagrad": 0.01, "rmsprop": 0.001,
      "rmsprop-nesterov": 0.001, "adadelta": 1.0, "adam": 0.001, "adamax": 0.002}


def load():
    with open(DIGITS) as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    li = header.index("label")
    x = [[float(v) for j, v in enumerate(r) if j != li] for r in rows]
    y = [int(r[li]) for r in rows]
    return x, y


def worker_init():
    import torch
    torch.set_num_threads(1)
    global DATA
    x, y = load()
    n = len(y)
    g = torch.Generator().manual_seed(0)
    perm = torch.randperm(n, generator=g)
    X, Y = torch.tensor(x)[perm], torch.tensor(y)[perm]
    ntr, nva = int(0.6 * n), int(0.2 * n)
    mu, sd = X[:ntr].mean(0), X[:ntr].std(0).clamp_min(1e-6)
    X = (X - mu) / sd
    DATA = (X[:ntr], Y[:ntr], X[ntr:ntr + nva], Y[ntr:ntr + nva], X[ntr + nva:], Y[ntr + nva:])


def make_optimizer(torch, name, params):
    lr = LR[name]
    return {
        "sgd": lambda: torch.optim.SGD(params, lr),
        "momentum": lambda: torch.optim.SGD(params, lr, momentum=0.9),
        "nesterov": lambda: torch.optim.SGD(params, lr, momentum=0.9, nesterov=True),
        "adagrad": lambda: torch.optim.Adagrad(params, lr),
        "rmsprop": lambda: torch.optim.RMSprop(params, lr, alpha=0.9),
        "rmsprop-nesterov": lambda: torch.optim.RMSprop(params, lr, alpha=0.9, momentum=0.9),
        "adadelta": lambda: torch.optim.Adadelta(params, lr, rho=0.95, eps=1e-6),
        "adam": lambda: torch.optim.Adam(params, lr),
        "adamax": lambda: torch.optim.Adamax(params, lr),
    }[name]()


def factor(schedule, k, total):
    if schedule == "constant": return 1.0
    if schedule == "step": return 0.5 ** (k // max(1, total // 4))
    if schedule == "annealed": return 1.0 / (1.0 + k / max(1, total // 4))
    if schedule == "exponential": return math.exp(-k / max(1, total // 2))
    tau = total // 2
    return 1.0 - 0.99 * min(k, tau) / tau


def run(task):
    import torch
    name, schedule, seed, epochs = task
    xtr, ytr, xva, yva, xte, yte = DATA
    torch.manual_seed(seed)
    net = torch.nn.Sequential(torch.nn.Linear(64, 64), torch.nn.ReLU(), torch.nn.Linear(64, 10))
    opt = make_optimizer(torch, name, net.parameters())
    batches = math.ceil(len(ytr) / 32)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda k: factor(schedule, k, epochs * batches))
    loss_fn = torch.nn.CrossEntropyLoss()
    g = torch.Generator().manual_seed(seed)
    for _ in range(epochs):
        perm = torch.randperm(len(ytr), generator=g)
        for b in range(batches):
            idx = perm[b * 32:(b + 1) * 32]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(net(xtr[idx]), ytr[idx])
            loss.backward()
            opt.step()
            sched.step()
        with torch.no_grad():
            (net(xva).argmax(1) == yva).float().mean().item()
            (net(xte).argmax(1) == yte).float().mean().item()
    return epochs * len(ytr)


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    tasks = [(o, s, seed, epochs) for o in OPTIMIZERS for s in SCHEDULES for seed in SEEDS]
    with get_context("fork").Pool(threads, initializer=worker_init) as pool:
        pool.map(run, [("sgd", "constant", 1, 1)] * threads)  # warm-up: imports and data in every worker
        start = time.perf_counter()
        samples = sum(pool.map(run, tasks, chunksize=1))
        seconds = time.perf_counter() - start
    print(json.dumps({"peer": "pytorch", "threads": threads, "runs": len(tasks), "epochs": epochs,
                      "samples": samples, "seconds": round(seconds, 3), "samples_per_s": round(samples / seconds)}))


if __name__ == "__main__":
    main()
