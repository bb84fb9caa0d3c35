"""Starts a task's command as a distributed job (Atelier's launcher for "distributed" nodes).

    python3 atelier_distributed.py --strategy pytorch-ddp --nnodes N --nproc-per-node P \
        --log-dir DIR -- SCRIPT ARGS...

pytorch-ddp: `python3 -m torch.distributed.run` starts P processes on each node with
MASTER_ADDR, MASTER_PORT, WORLD_SIZE, RANK and LOCAL_RANK set; every rank's output is kept in
DIR/<rank>/ and copied to the task's log with a "[default<rank>]:" prefix. On Slurm with several
nodes the batch script runs on the first node only: the launcher starts itself once per node
with `srun`, and the first node of the job is the rendezvous. The task fails when any rank fails;
the last line on stderr then says which rank and how it ended.
"""

import argparse
import glob
import os
import shutil
import socket
import subprocess
import sys


def fail(message, code=2):
    print("error: " + message, file=sys.stderr)
    sys.exit(code)


def first_slurm_host():
    nodelist = os.environ.get("SLURM_JOB_NODELIST", "")
    try:
        out = subprocess.run(["scontrol", "show", "hostnames", nodelist], check=True,
                             capture_output=True, text=True).stdout.split()
        return out[0] if out else socket.gethostname()
    except (OSError, subprocess.CalledProcessError):
        return nodelist.split(",")[0] or socket.gethostname()


def free_port():
    """A TCP port free on the loopback address now (the launcher binds it right after)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    parser = argparse.ArgumentParser(description="Start an Atelier task as a distributed job.")
    parser.add_argument("--strategy", required=True)
    parser.add_argument("--nnodes", type=int, default=1)
    parser.add_argument("--nproc-per-node", type=int, default=1)
    parser.add_argument("--log-dir", required=True)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if args.strategy != "pytorch-ddp":
        fail("unknown distributed strategy %r" % args.strategy)
    if not command:
        fail("no command to start")
    if args.nnodes < 1 or args.nproc_per_node < 1:
        fail("nnodes and nproc-per-node must be at least 1")
    try:
        import torch.distributed.run  # noqa: F401  (checked before any process starts)
    except ImportError:
        fail("PyTorch's torch.distributed.run is missing for %s (Debian: python3-torch)"
             % sys.executable, 3)

    in_slurm_job = "SLURM_JOB_ID" in os.environ
    if args.nnodes > 1 and in_slurm_job and "SLURM_STEP_ID" not in os.environ:
        # The batch script runs on the first node: one launcher per node, through srun.
        srun = shutil.which("srun")
        if not srun:
            fail("srun is missing on %s: a multi-node task needs Slurm's srun" % socket.gethostname())
        os.execv(srun, [srun, "--nodes=%d" % args.nnodes, "--ntasks=%d" % args.nnodes,
                        "--ntasks-per-node=1", "--kill-on-bad-exit=1",
                        sys.executable] + sys.argv)
    if args.nnodes > 1 and not in_slurm_job:
        fail("%d nodes need a Slurm pool; this machine is one node" % args.nnodes)

    os.makedirs(args.log_dir, exist_ok=True)
    run = ["--nnodes=%d" % args.nnodes, "--nproc_per_node=%d" % args.nproc_per_node,
           "--max_restarts=0", "--log_dir", args.log_dir, "--redirects", "3", "--tee", "3"]
    if args.nnodes == 1:
        # Every rank is on this machine: the rendezvous and gloo on the loopback address, never
        # on what this host's name resolves to (it may not resolve at all, as in a chroot).
        run += ["--master_addr=127.0.0.1", "--master_port=%d" % free_port()]
        os.environ.setdefault("GLOO_SOCKET_IFNAME", "lo")
    else:
        job = int(os.environ.get("SLURM_JOB_ID", "0"))
        run += ["--node_rank=%s" % os.environ.get("SLURM_NODEID", "0"),
                "--master_addr=%s" % first_slurm_host(),
                "--master_port=%d" % (20000 + job % 20000)]
    if command[0] == "-m" and len(command) > 1:
        run += ["-m", command[1]] + command[2:]
    else:
        run += command
    return torchrun(run, args.nnodes * args.nproc_per_node, args.log_dir)


def torchrun(argv, world, log_dir):
    """torch.distributed.run in this process, so that a failure comes back as the structured
    ChildFailedError (which rank, which exit code) rather than as text."""
    import torch.distributed.run as run
    from torch.distributed.elastic.multiprocessing import api
    from torch.distributed.elastic.multiprocessing.errors import ChildFailedError

    # torch 1.13 under Python 3.11: Std.from_str("3") finds no member for OUT|ERR (a flag
    # composite is not iterated any more) and the redirect of both streams fails.
    original = api.Std.from_str

    def from_str(vm):
        return api.Std(int(vm)) if vm.isdigit() else original(vm)

    api.Std.from_str = from_str
    try:
        run.main(argv)
    except ChildFailedError as failed:
        # When one rank dies the others usually fail too (a collective loses its peer): name
        # the one that stopped first, by when its log was last written.
        def stopped_at(item):
            logs = glob.glob(os.path.join(log_dir, "*", "attempt_*", str(item[1].local_rank),
                                          "stderr.log"))
            return (min((os.path.getmtime(f) for f in logs), default=float("inf")), item[0])

        ordered = sorted(failed.failures.items(), key=stopped_at)
        rank, failure = ordered[0]
        others = ", ".join("%d (exit code %s)" % (r, f.exitcode) for r, f in ordered[1:])
        print("error: rank %d of %d failed (exit code %s)%s; every rank's log is in %s"
              % (rank, world, failure.exitcode, "; then ranks " + others if others else "",
                 log_dir), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
