"""Trains a linear model with PyTorch DDP (built-in template "pytorch-ddp-train").

Started once per rank by torch.distributed.run, which sets RANK, LOCAL_RANK, WORLD_SIZE,
MASTER_ADDR and MASTER_PORT. Each rank all-reduces rank + 1 (so the sum proves every rank took
part) and writes rank-N.json; rank 0 logs the metrics and saves the model.
"""

import argparse
import json
import os
import sys

sys.dont_write_bytecode = True  # keep the template folder clean (it may be read-only)
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import atelier_log  # noqa: E402

import torch  # noqa: E402
import torch.distributed as dist  # noqa: E402
from torch.nn.parallel import DistributedDataParallel  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--lr", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    cuda = torch.cuda.is_available() and os.environ.get("CUDA_VISIBLE_DEVICES", "") != ""
    dist.init_process_group("nccl" if cuda else "gloo")
    rank, world = dist.get_rank(), dist.get_world_size()
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    device = torch.device("cuda", local_rank) if cuda else torch.device("cpu")

    check = torch.tensor([float(rank + 1)], device=device)
    dist.all_reduce(check)

    torch.manual_seed(args.seed)
    inputs = torch.randn(256, 4)
    targets = inputs @ torch.tensor([[1.0], [-2.0], [0.5], [3.0]]) + 0.1
    mine = slice(rank, None, world)  # each rank trains on its share
    x, y = inputs[mine].to(device), targets[mine].to(device)
    model = DistributedDataParallel(torch.nn.Linear(4, 1).to(device),
                                    device_ids=[local_rank] if cuda else None)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr)
    loss = torch.tensor(0.0)
    for epoch in range(args.epochs):
        optimizer.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x), y)
        loss.backward()  # DDP averages the gradients across ranks
        optimizer.step()
        if rank == 0:
            atelier_log.log("loss", float(loss), step=epoch)

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "rank-%d.json" % rank), "w") as f:
        json.dump({"rank": rank, "world_size": world, "all_reduce": float(check.item()),
                   "loss": float(loss)}, f)
    print("rank %d of %d: all_reduce %g, loss %.4f" % (rank, world, check.item(), float(loss)))
    if rank == 0:
        torch.save(model.module.state_dict(), os.path.join(args.out, "model.pt"))
        with open(os.path.join(args.out, "result.json"), "w") as f:
            json.dump({"world_size": world, "all_reduce": float(check.item()),
                       "loss": float(loss), "backend": dist.get_backend()}, f)
    dist.barrier()
    dist.destroy_process_group()


if __name__ == "__main__":
    main()
