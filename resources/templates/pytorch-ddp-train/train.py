"""Fits a small MLP classifier with PyTorch DistributedDataParallel (template "pytorch-ddp-train").

Started by Atelier's launcher (torch.distributed.run): one process per rank with RANK, WORLD_SIZE,
LOCAL_RANK, MASTER_ADDR and MASTER_PORT set. Each rank trains on its shard of the table (a
DistributedSampler); DDP all-reduces the gradients, so every rank holds the same network. The
gloo backend on the CPU, NCCL when the task was given GPUs (rank r uses local GPU r mod count).
Rank 0 writes the model (the same model.pt + model.json as pytorch-train) and the metrics.
"""

import os
import sys

sys.dont_write_bytecode = True  # keep the template folder clean (it may be read-only)
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import atelier_io  # noqa: E402
import atelier_log  # noqa: E402


def main():
    args = atelier_io.mlp_arguments("Train an MLP classifier with DDP.")
    try:
        import torch
        import torch.distributed as dist
    except ImportError:
        atelier_io.fail(atelier_io.TORCH_MISSING.format(exe=sys.executable), 3)
    if "RANK" not in os.environ:
        atelier_io.fail("RANK is not set: run this template with \"distributed\": \"pytorch-ddp\"", 2)

    import numpy as np

    rank = int(os.environ["RANK"])
    world = int(os.environ["WORLD_SIZE"])
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    use_cuda = bool(os.environ.get("CUDA_VISIBLE_DEVICES", "").strip()) and torch.cuda.is_available()
    if use_cuda:
        torch.cuda.set_device(local_rank % torch.cuda.device_count())
    device = torch.device("cuda" if use_cuda else "cpu")
    dist.init_process_group("nccl" if use_cuda else "gloo")

    path, features, X, y = atelier_io.training_data(args.table, args.target)
    classes = sorted(set(y))
    codes = np.asarray([classes.index(v) for v in y], dtype=np.int64)
    mean = X.mean(axis=0)
    std = X.std(axis=0)
    std[std == 0] = 1.0
    inputs = torch.from_numpy(((X - mean) / std).astype(np.float32))
    targets = torch.from_numpy(codes)
    data = torch.utils.data.TensorDataset(inputs, targets)
    sampler = torch.utils.data.distributed.DistributedSampler(
        data, num_replicas=world, rank=rank, shuffle=True, seed=args.seed)
    loader = torch.utils.data.DataLoader(data, batch_size=64, sampler=sampler)

    torch.manual_seed(args.seed)  # the same initial weights on every rank
    net = atelier_io.build_mlp(torch, len(features), args.hidden, len(classes)).to(device)
    model = torch.nn.parallel.DistributedDataParallel(
        net, device_ids=[device.index] if use_cuda else None)
    optimiser = torch.optim.Adam(model.parameters(), lr=args.lr)
    loss_fn = torch.nn.CrossEntropyLoss()
    print("rank %d of %d training on %s (%d of %d rows)" % (rank, world, device, len(sampler), len(data)))
    for epoch in range(1, args.epochs + 1):
        sampler.set_epoch(epoch)
        model.train()
        sums = torch.zeros(2, device=device)  # loss × rows, rows: all-reduced over the ranks
        for batch_inputs, batch_targets in loader:
            batch_inputs, batch_targets = batch_inputs.to(device), batch_targets.to(device)
            optimiser.zero_grad()
            loss = loss_fn(model(batch_inputs), batch_targets)
            loss.backward()
            optimiser.step()
            sums += torch.tensor([float(loss.item()) * len(batch_targets), len(batch_targets)],
                                 device=device)
        dist.all_reduce(sums)
        atelier_log.log("loss", float(sums[0] / sums[1]), step=epoch)

    model.eval()
    with torch.no_grad():
        right = (net(inputs.to(device)).argmax(dim=1) == targets.to(device)).float().sum()
    counts = torch.tensor([float(right), float(len(targets))], device=device)
    dist.all_reduce(counts)  # every rank scored the whole table: the mean over ranks
    accuracy = float(counts[0] / counts[1])
    seen = torch.tensor([float(len(sampler))], device=device)
    dist.all_reduce(seen)
    if rank == 0:
        out = atelier_io.output_dir(args.model)
        torch.save({k: v.cpu() for k, v in net.state_dict().items()}, os.path.join(out, "model.pt"))
        atelier_io.write_json(os.path.join(out, "model.json"), {
            "framework": "pytorch",
            "framework_version": torch.__version__,
            "algorithm": "mlp",
            "features": features,
            "target": args.target,
            "classes": classes,
            "hidden": args.hidden,
            "mean": mean.tolist(),
            "std": std.tolist(),
            "rows": len(y),
            "params": {"epochs": args.epochs, "lr": args.lr, "hidden": args.hidden,
                       "seed": args.seed, "world_size": world},
        })
        atelier_io.write_metrics(args.metrics, {
            "train_accuracy": accuracy, "loss": float(sums[0] / sums[1]), "epochs": args.epochs,
            "rows": len(y), "rows_seen_per_epoch": int(seen.item()), "world_size": world,
            "backend": dist.get_backend(), "device": device.type,
        })
        print("trained an MLP with DDP on %d processes for %d epochs: training accuracy %.4f"
              % (world, args.epochs, accuracy))
    atelier_log.log("train_accuracy", accuracy)
    dist.destroy_process_group()
    return 0


if __name__ == "__main__":
    sys.exit(main())
