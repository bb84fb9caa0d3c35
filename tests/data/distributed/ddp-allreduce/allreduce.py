# Each rank all-reduces rank + 1 over gloo; rank 0 writes the sum and the variables it was given.
# With fail_rank = r, rank r exits with code 3 after the all-reduce.
import json
import os
import sys

import torch
import torch.distributed as dist

out, fail_rank = sys.argv[1], int(sys.argv[2])
dist.init_process_group("gloo")
rank = dist.get_rank()
value = torch.tensor([float(rank + 1)])
dist.all_reduce(value)
print("rank %d sum %g" % (rank, value.item()), flush=True)
if rank == fail_rank:
    print("rank %d fails on purpose" % rank, file=sys.stderr, flush=True)
    sys.exit(3)
if rank == 0:
    keys = ["MASTER_ADDR", "MASTER_PORT", "WORLD_SIZE", "RANK", "LOCAL_RANK"]
    with open(os.path.join(out, "result.json"), "w") as f:
        json.dump({"sum": value.item(), "env": {k: os.environ.get(k) for k in keys}}, f)
dist.barrier()
dist.destroy_process_group()
