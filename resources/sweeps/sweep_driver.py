"""Drives one Optuna study for an Atelier sweep: ask, report, tell, summary.

Atelier starts this once per sweep process and talks to it in JSON lines on stdin/stdout:
one request object per line in, one answer object per line out ({"ok": true, ...} or
{"ok": false, "error": "..."}). The study lives in Optuna's RDB storage (SQLite), so a user
can open it with optuna.load_study(study_name=..., storage="sqlite:///...").

Requests ("op"):
  hello    -> optuna, python          (an ImportError when this Python has no Optuna)
  open     storage, study, direction, sampler, seed, pruner, space, [reclaim]
           creates or loads the study; with reclaim, trials left RUNNING by a sweep process
           that died are told FAIL (user attribute atelier_requeued) and their parameters
           queued again, so the next ask retries them.
  load     storage, study                 opens an existing study to read it
  ask      -> number, params
  attr     number, key, value          sets a user attribute of a trial
  report   number, step, value         -> prune (whether the pruner stops the trial)
  tell     number, state (complete|pruned|fail), [value], [reason]
  reclaim  like open's reclaim, for the trials this process left running (sweep stop)
  summary  -> trials, best, counted (trials that count towards the budget), direction
  status   -> states (count by state), best, counted, direction
  importances -> importances ({param: share}, from optuna.importance.get_param_importances)
"""

import json
import math
import sys

try:
    import optuna
    from optuna.trial import TrialState
except ImportError as missing:  # answered to the first request, so Atelier can try elsewhere
    optuna = None
    MISSING = str(missing)
else:
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    STATES = {"complete": TrialState.COMPLETE, "pruned": TrialState.PRUNED,
              "fail": TrialState.FAIL}


class Driver:
    def __init__(self):
        self.study = None
        self.space = {}
        self.trials = {}  # number -> optuna.Trial asked by this process

    def sampler(self, name, seed):
        if name == "random":
            return optuna.samplers.RandomSampler(seed=seed)
        if name == "grid":
            grid = {}
            for key, spec in self.space.items():
                if spec["kind"] == "choice":
                    grid[key] = spec["choices"]
                elif spec["kind"] == "int":
                    grid[key] = list(range(spec["low"], spec["high"] + 1, spec.get("step", 1)))
                else:
                    raise ValueError("the grid sampler takes int and choice parameters only; "
                                     "%s is a %s range" % (key, spec["kind"]))
            return optuna.samplers.GridSampler(grid, seed=seed)
        if name == "cmaes":
            return optuna.samplers.CmaEsSampler(seed=seed)
        return optuna.samplers.TPESampler(seed=seed)

    @staticmethod
    def pruner(name):
        if name == "median":
            return optuna.pruners.MedianPruner()
        if name == "hyperband":
            return optuna.pruners.HyperbandPruner()
        return optuna.pruners.NopPruner()

    def grid_size(self):
        size = 1
        for spec in self.space.values():
            if spec["kind"] == "choice":
                size *= len(spec["choices"])
            elif spec["kind"] == "int":
                size *= len(range(spec["low"], spec["high"] + 1, spec.get("step", 1)))
            else:
                return None
        return size

    def op_open(self, req):
        self.space = req["space"]
        sampler_name = req.get("sampler", "tpe")
        self.study = optuna.create_study(
            storage=req["storage"], study_name=req["study"], direction=req["direction"],
            sampler=self.sampler(sampler_name, req.get("seed")),
            pruner=self.pruner(req.get("pruner", "none")), load_if_exists=True)
        done = len(self.study.trials)
        if done and req.get("seed") is not None:
            # A resumed sweep must not draw the first trials' parameters again.
            self.study.sampler = self.sampler(sampler_name, req["seed"] + done)
        reclaimed = self.reclaim(None, "abandoned") if req.get("reclaim") else []
        return {"grid_size": self.grid_size() if sampler_name == "grid" else None,
                "reclaimed": reclaimed}

    @staticmethod
    def op_hello(req):
        return {"optuna": optuna.__version__, "python": sys.executable}

    def op_load(self, req):
        self.study = optuna.load_study(study_name=req["study"], storage=req["storage"])
        return {}

    def reclaim(self, numbers, why):
        """Fails RUNNING trials (all, or those in numbers) and queues their parameters again."""
        done = []
        for frozen in self.study.get_trials(deepcopy=False, states=(TrialState.RUNNING,)):
            if numbers is not None and frozen.number not in numbers:
                continue
            storage = self.study._storage
            storage.set_trial_user_attr(frozen._trial_id, "atelier_requeued", True)
            storage.set_trial_user_attr(frozen._trial_id, "atelier_state", why)
            self.study.tell(frozen.number, state=TrialState.FAIL)
            if frozen.params:
                self.study.enqueue_trial(frozen.params,
                                         user_attrs={"atelier_retry_of": frozen.number})
            self.trials.pop(frozen.number, None)
            done.append(frozen.number)
        return done

    def op_reclaim(self, req):
        return {"reclaimed": self.reclaim(req.get("numbers"), req.get("reason", "stopped"))}

    def op_ask(self, req):
        trial = self.study.ask()
        for key, spec in self.space.items():
            kind = spec["kind"]
            if kind in ("float", "logfloat"):
                trial.suggest_float(key, spec["low"], spec["high"], log=kind == "logfloat")
            elif kind == "int":
                trial.suggest_int(key, spec["low"], spec["high"], step=spec.get("step", 1))
            else:
                trial.suggest_categorical(key, spec["choices"])
        self.trials[trial.number] = trial
        return {"number": trial.number, "params": trial.params}

    def trial(self, number):
        if number not in self.trials:
            raise ValueError("trial %d was not asked by this process" % number)
        return self.trials[number]

    def op_attr(self, req):
        self.trial(req["number"]).set_user_attr(req["key"], req["value"])
        return {}

    def op_report(self, req):
        trial = self.trial(req["number"])
        trial.report(float(req["value"]), int(req["step"]))
        return {"prune": bool(trial.should_prune())}

    def op_tell(self, req):
        number = req["number"]
        trial = self.trial(number)
        if req.get("reason"):
            trial.set_user_attr("atelier_reason", req["reason"])
        state = STATES[req["state"]]
        value = req.get("value")
        try:
            if state == TrialState.COMPLETE:
                self.study.tell(trial, values=float(value))
            else:
                self.study.tell(trial, state=state)
        except RuntimeError as error:
            # The grid sampler calls study.stop() once its grid is done, which only works in
            # study.optimize(); the trial is stored all the same, and Atelier caps the trials
            # at the grid's size.
            if "Study.stop" not in str(error):
                raise
        self.trials.pop(number, None)
        return {}

    @staticmethod
    def number_or_none(value):
        return value if value is not None and math.isfinite(value) else None

    @staticmethod
    def counts(frozen):
        return frozen.state in (TrialState.COMPLETE, TrialState.PRUNED) or (
            frozen.state == TrialState.FAIL and not frozen.user_attrs.get("atelier_requeued"))

    def best(self):
        try:
            b = self.study.best_trial
        except ValueError:
            return None  # no completed trial yet
        return {"number": b.number, "value": b.value, "params": b.params,
                "run": b.user_attrs.get("atelier_run_id")}

    def op_status(self, req):
        """The counts by state, the best trial and the budget count, without the trials."""
        states = {}
        counted = 0
        for frozen in self.study.get_trials(deepcopy=False):
            name = frozen.state.name.lower()
            states[name] = states.get(name, 0) + 1
            counted += self.counts(frozen)
        return {"states": states, "best": self.best(), "counted": counted,
                "direction": self.study.direction.name.lower()}

    def op_importances(self, req):
        """Optuna's fANOVA importances of the parameters; empty while they cannot be had (fewer
        than two completed trials, one parameter)."""
        try:
            evaluator = optuna.importance.FanovaImportanceEvaluator(seed=0)
            found = optuna.importance.get_param_importances(self.study, evaluator=evaluator)
        except (ValueError, RuntimeError, ImportError):
            return {"importances": {}}
        return {"importances": {key: float(value) for key, value in found.items()}}

    def op_summary(self, req):
        trials = []
        for frozen in self.study.get_trials(deepcopy=False):
            duration = frozen.duration.total_seconds() if frozen.duration else None
            trials.append({
                "number": frozen.number,
                "state": frozen.state.name.lower(),
                "params": frozen.params,
                "value": self.number_or_none(frozen.value),
                "run": frozen.user_attrs.get("atelier_run_id"),
                "duration_s": duration,
                "reason": frozen.user_attrs.get("atelier_reason",
                                                frozen.user_attrs.get("atelier_state")),
                "last_step": frozen.last_step,
                "start": frozen.datetime_start.isoformat() if frozen.datetime_start else None,
                "end": frozen.datetime_complete.isoformat() if frozen.datetime_complete else None,
            })
        counted = sum(1 for t in self.study.get_trials(deepcopy=False) if self.counts(t))
        return {"trials": trials, "best": self.best(), "counted": counted,
                "direction": self.study.direction.name.lower()}


def main():
    driver = Driver()
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            if optuna is None:
                raise ImportError(MISSING)
            req = json.loads(line)
            answer = getattr(driver, "op_" + req["op"])(req)
            answer["ok"] = True
        except Exception as error:  # every failure goes back to Atelier as an answer
            answer = {"ok": False, "error": "%s: %s" % (type(error).__name__, error)}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
