"""Fits a small MLP classifier on a table with PyTorch (built-in template "pytorch-train")."""

import os
import sys

sys.dont_write_bytecode = True  # keep the template folder clean (it may be read-only)
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import atelier_io  # noqa: E402
import atelier_log  # noqa: E402


def main():
    args = atelier_io.mlp_arguments("Train an MLP classifier on a table.")
    try:
        import torch
    except ImportError:
        atelier_io.fail(atelier_io.TORCH_MISSING.format(exe=sys.executable), 3)

    import numpy as np

    path, features, X, y = atelier_io.training_data(args.table, args.target)
    classes = sorted(set(y))
    codes = np.asarray([classes.index(v) for v in y], dtype=np.int64)
    mean = X.mean(axis=0)
    std = X.std(axis=0)
    std[std == 0] = 1.0

    torch.manual_seed(args.seed)
    use_cuda = bool(os.environ.get("CUDA_VISIBLE_DEVICES", "").strip()) and torch.cuda.is_available()
    device = torch.device("cuda" if use_cuda else "cpu")
    net = atelier_io.build_mlp(torch, len(features), args.hidden, len(classes)).to(device)
    inputs = torch.from_numpy(((X - mean) / std).astype(np.float32)).to(device)
    targets = torch.from_numpy(codes).to(device)
    optimiser = torch.optim.Adam(net.parameters(), lr=args.lr)
    loss_fn = torch.nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(args.seed)
    batch = 64
    print("training on %s" % device)
    for epoch in range(1, args.epochs + 1):
        net.train()
        order = torch.randperm(len(codes), generator=generator).to(device)
        total = 0.0
        for start in range(0, len(codes), batch):
            index = order[start:start + batch]
            optimiser.zero_grad()
            loss = loss_fn(net(inputs[index]), targets[index])
            loss.backward()
            optimiser.step()
            total += float(loss.item()) * len(index)
        atelier_log.log("loss", total / len(codes), step=epoch)

    net.eval()
    with torch.no_grad():
        accuracy = float((net(inputs).argmax(dim=1) == targets).float().mean().item())
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
        "params": {"epochs": args.epochs, "lr": args.lr, "hidden": args.hidden, "seed": args.seed},
    })
    atelier_io.write_metrics(args.metrics, {
        "train_accuracy": accuracy, "loss": total / len(codes), "epochs": args.epochs,
        "rows": len(y), "device": device.type,
    })
    atelier_log.log("train_accuracy", accuracy)
    print("trained an MLP for %d epochs: training accuracy %.4f" % (args.epochs, accuracy))
    return 0


if __name__ == "__main__":
    sys.exit(main())
